"""Bearer tokens against a real JWKS endpoint with freshly generated RSA, EC and Ed25519 keys."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import socket
import time

import pytest
from cryptography.hazmat.primitives import serialization

from oms_platform.auth.claims import ClaimMapping
from oms_platform.auth.principal import PrincipalKind
from oms_platform.auth.tokens import (
    AlgorithmNotAllowed,
    BadSignature,
    ExpiredToken,
    InvalidClaim,
    JwksKeySource,
    KeysUnavailable,
    MalformedToken,
    MissingClaim,
    NotYetValid,
    StaticKeySource,
    TokenVerifier,
    UnknownKey,
    WrongAudience,
    WrongIssuer,
    verifier_from_settings,
)
from oms_platform.settings import ConfigurationError, ServiceSettings
from tests.platform.auth.conftest import AUDIENCE, ISSUER, Clock, JwksServer, SigningKey, claims


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def unsigned_token(header: dict, payload: dict, signature: bytes = b"") -> str:
    return f"{b64(json.dumps(header).encode())}.{b64(json.dumps(payload).encode())}.{b64(signature)}"


def verifier(keys, **options) -> TokenVerifier:
    return TokenVerifier(issuer=ISSUER, audience=AUDIENCE, keys=keys, **options)


@pytest.fixture
def jwks_verifier(jwks_server: JwksServer, rsa_key: SigningKey, ec_key: SigningKey) -> TokenVerifier:
    jwks_server.publish(rsa_key, ec_key)
    return verifier(JwksKeySource(jwks_server.url))


@pytest.mark.parametrize("key_type", ["rsa", "ec"])
def test_a_token_signed_by_a_published_key_is_accepted(jwks_verifier, key_type, rsa_key, ec_key) -> None:
    key = rsa_key if key_type == "rsa" else ec_key
    principal = jwks_verifier.verify(key.token(claims(sub="li.na", name="Li Na", jti="t-1")))

    assert (principal.subject, principal.kind, principal.roles) == ("li.na", PrincipalKind.USER,
                                                                   frozenset({"customer_service"}))
    assert (principal.name, principal.token_id) == ("Li Na", "t-1")
    assert principal.channels is None  # no scope claims: unrestricted


def test_the_key_set_is_fetched_once_and_cached(jwks_server, jwks_verifier, rsa_key, ec_key) -> None:
    for _ in range(5):
        jwks_verifier.verify(rsa_key.token(claims()))
        jwks_verifier.verify(ec_key.token(claims()))
    assert jwks_server.fetches == 1


def test_an_ed25519_key_held_in_process_signs_acceptable_tokens() -> None:
    key = SigningKey.ed25519()
    principal = verifier(StaticKeySource({"keys": [key.public_jwk()]})).verify(key.token(claims(sub="ops")))
    assert principal.subject == "ops"


def test_a_rotated_key_is_fetched_once_and_a_flood_of_unknown_kids_is_not(jwks_server, rsa_key) -> None:
    clock = Clock()
    keys = JwksKeySource(jwks_server.url, min_refetch_seconds=30, clock=clock)
    check = verifier(keys)
    jwks_server.publish(rsa_key)
    check.verify(rsa_key.token(claims()))
    assert jwks_server.fetches == 1

    rotated = SigningKey.rsa()
    jwks_server.publish(rsa_key, rotated)
    assert keys.would_block(rotated.kid)  # an unknown kid may be fetched: a thread's job
    assert check.verify(rotated.token(claims(sub="after-rotation"))).subject == "after-rotation"
    assert jwks_server.fetches == 2

    forger = SigningKey.rsa()
    for _ in range(50):
        forger.kid = f"made-up-{_}"
        with pytest.raises(UnknownKey):
            check.verify(forger.token(claims()))
    assert jwks_server.fetches == 2
    assert not keys.would_block("made-up-x")  # within the interval: answered from the cache

    clock.now += 30
    with pytest.raises(UnknownKey):
        check.verify(forger.token(claims()))
    with pytest.raises(UnknownKey):
        check.verify(forger.token(claims()))
    assert jwks_server.fetches == 3


def test_an_unreachable_key_set_is_not_the_clients_fault(rsa_key) -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{probe.getsockname()[1]}/certs"
    with pytest.raises(KeysUnavailable):
        verifier(JwksKeySource(url, timeout_seconds=2)).verify(rsa_key.token(claims()))


@pytest.mark.parametrize(("overrides", "error", "reason"), [
    ({"exp": int(time.time()) - 120}, ExpiredToken, "expired"),
    ({"nbf": int(time.time()) + 600}, NotYetValid, "not-yet-valid"),
    ({"iat": int(time.time()) + 600}, NotYetValid, "not-yet-valid"),
    ({"sub": 42}, InvalidClaim, "invalid-claim"),
    ({"iss": "https://evil.test"}, WrongIssuer, "wrong-issuer"),
    ({"aud": "another-api"}, WrongAudience, "wrong-audience"),
    ({"sub": None}, MissingClaim, "missing-claim"),
    ({"exp": None}, MissingClaim, "missing-claim"),
    ({"iat": None}, MissingClaim, "missing-claim"),
    ({"aud": None}, MissingClaim, "missing-claim"),
    ({"oms_channels": 5}, InvalidClaim, "invalid-claim"),
])
def test_invalid_claims_are_refused_with_their_reason(jwks_verifier, ec_key, overrides, error, reason) -> None:
    with pytest.raises(error) as refused:
        jwks_verifier.verify(ec_key.token(claims(**overrides)))
    assert refused.value.code == reason
    assert "eyJ" not in refused.value.reason  # the token never appears in what the client is told


def test_the_missing_claim_is_named(jwks_verifier, ec_key) -> None:
    with pytest.raises(MissingClaim, match="'sub'"):
        jwks_verifier.verify(ec_key.token(claims(sub=None)))


def test_leeway_absorbs_clock_skew(jwks_verifier, rsa_key) -> None:
    assert jwks_verifier.verify(rsa_key.token(claims(exp=int(time.time()) - 10)))  # leeway is 30 s


def test_a_tampered_payload_or_signature_is_refused(jwks_verifier, rsa_key) -> None:
    header, payload, signature = rsa_key.token(claims(roles=["read_only"])).split(".")
    elevated = b64(json.dumps(claims(roles=["administrator"])).encode())
    with pytest.raises(BadSignature):
        jwks_verifier.verify(f"{header}.{elevated}.{signature}")
    middle = len(signature) // 2
    flipped = signature[:middle] + ("A" if signature[middle] != "A" else "B") + signature[middle + 1:]
    with pytest.raises(BadSignature):
        jwks_verifier.verify(f"{header}.{payload}.{flipped}")


def test_a_token_signed_by_another_key_under_a_known_kid_is_refused(jwks_verifier, rsa_key) -> None:
    impostor = SigningKey.rsa()
    impostor.kid = rsa_key.kid
    with pytest.raises(BadSignature):
        jwks_verifier.verify(impostor.token(claims()))


def test_alg_none_is_refused_before_any_key_is_fetched(jwks_server, jwks_verifier, rsa_key) -> None:
    token = unsigned_token({"alg": "none", "typ": "JWT", "kid": rsa_key.kid}, claims())
    with pytest.raises(AlgorithmNotAllowed):
        jwks_verifier.verify(token)
    assert jwks_server.fetches == 0


def test_hs256_signed_with_the_public_key_is_refused(jwks_server, jwks_verifier, rsa_key) -> None:
    # Algorithm confusion: a verifier that let the token choose HS256 would use the published
    # public key as the HMAC secret, which anyone can do.
    public_pem = rsa_key.private.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    header = b64(json.dumps({"alg": "HS256", "typ": "JWT", "kid": rsa_key.kid}).encode())
    payload = b64(json.dumps(claims(roles=["administrator"])).encode())
    mac = hmac.new(public_pem, f"{header}.{payload}".encode(), hashlib.sha256).digest()
    with pytest.raises(AlgorithmNotAllowed):
        jwks_verifier.verify(f"{header}.{payload}.{b64(mac)}")
    assert jwks_server.fetches == 0


def test_a_token_whose_alg_does_not_match_its_key_is_refused(jwks_verifier, rsa_key, ec_key) -> None:
    # ES256 in the header, but the kid of the RSA key.
    forged = ec_key.token(claims(), headers={"kid": rsa_key.kid})
    with pytest.raises(AlgorithmNotAllowed):
        jwks_verifier.verify(forged)


def test_symmetric_keys_in_the_key_set_are_never_used(jwks_server) -> None:
    jwks_server.keys = [{"kty": "oct", "kid": "shared", "k": b64(b"s" * 32), "alg": "HS256"}]
    token = unsigned_token({"alg": "HS256", "kid": "shared"}, claims())
    with pytest.raises(AlgorithmNotAllowed):
        verifier(JwksKeySource(jwks_server.url)).verify(token)


@pytest.mark.parametrize("token", ["", "not-a-jwt", "a.b.c", "eyJhbGciOiJSUzI1NiJ9.e30"])
def test_garbage_is_malformed(jwks_verifier, token) -> None:
    with pytest.raises((MalformedToken, UnknownKey)):
        jwks_verifier.verify(token)


def test_a_token_without_kid_is_refused(jwks_verifier, rsa_key) -> None:
    import jwt as pyjwt

    token = pyjwt.encode(claims(), rsa_key.private, algorithm="RS256")
    with pytest.raises(UnknownKey, match="kid"):
        jwks_verifier.verify(token)


@pytest.mark.parametrize("algorithms", [("HS256",), ("none",), ("RS256", "HS512"), ()])
def test_only_asymmetric_algorithms_may_be_configured(algorithms, rsa_key) -> None:
    with pytest.raises(ValueError, match="asymmetric"):
        verifier(StaticKeySource([]), algorithms=algorithms)


def test_keycloak_roles_scope_and_service_accounts_are_mapped(rsa_key) -> None:
    keycloak = ClaimMapping(roles="realm_access.roles")
    check = verifier(StaticKeySource({"keys": [rsa_key.public_jwk()]}), claims=keycloak)
    person = check.verify(rsa_key.token(claims(
        roles=None, realm_access={"roles": ["manager", "offline_access"]}, azp="oms-console",
        preferred_username="wang.wei", oms_channels=["tmall", "jd"], oms_warehouses=["wh-sh"])))
    assert person.kind is PrincipalKind.USER
    assert person.roles == frozenset({"manager", "offline_access"})
    assert (person.channels, person.stores, person.warehouses) == (
        frozenset({"tmall", "jd"}), None, frozenset({"wh-sh"}))
    assert person.name == "wang.wei"

    machine = check.verify(rsa_key.token(claims(
        sub="5f0c-uuid", roles=None, realm_access={"roles": ["channel"]}, azp="channel-tmall",
        preferred_username="service-account-channel-tmall", act={"sub": "li.na"})))
    assert (machine.kind, machine.subject, machine.acting_for) == (PrincipalKind.MACHINE, "channel-tmall", "li.na")


def test_client_credentials_tokens_are_machines(rsa_key) -> None:
    check = verifier(StaticKeySource({"keys": [rsa_key.public_jwk()]}))
    rfc9068 = check.verify(rsa_key.token(claims(sub="carrier-sf", client_id="carrier-sf")))
    auth0 = check.verify(rsa_key.token(claims(sub="abc@clients", azp="abc", gty="client-credentials")))
    declared = check.verify(rsa_key.token(claims(sub="bench", oms_kind="machine")))
    assert [p.kind for p in (rfc9068, auth0, declared)] == [PrincipalKind.MACHINE] * 3
    assert auth0.subject == "abc"


def test_a_role_prefix_keeps_only_this_systems_roles(rsa_key) -> None:
    check = verifier(StaticKeySource({"keys": [rsa_key.public_jwk()]}), claims=ClaimMapping(role_prefix="oms:"))
    principal = check.verify(rsa_key.token(claims(roles=["oms:finance", "crm:admin"])))
    assert principal.roles == frozenset({"finance"})


def test_the_static_key_set_rotates(rsa_key, ec_key) -> None:
    keys = StaticKeySource({"keys": [rsa_key.public_jwk()]})
    check = verifier(keys)
    keys.replace({"keys": [ec_key.public_jwk()]})
    assert check.verify(ec_key.token(claims()))
    with pytest.raises(UnknownKey):
        check.verify(rsa_key.token(claims()))


def test_the_verifier_is_built_from_settings(monkeypatch, jwks_server, rsa_key) -> None:
    assert verifier_from_settings(ServiceSettings()) is None  # no issuer: no bearer tokens
    monkeypatch.setenv("OMS_AUTH_ISSUER", ISSUER)
    with pytest.raises(ConfigurationError, match="OMS_AUTH_AUDIENCE"):
        verifier_from_settings(ServiceSettings())
    monkeypatch.setenv("OMS_AUTH_AUDIENCE", AUDIENCE)
    monkeypatch.setenv("OMS_AUTH_JWKS_URL", jwks_server.url)
    monkeypatch.setenv("OMS_AUTH_ROLES_CLAIM", "realm_access.roles")
    monkeypatch.setenv("OMS_AUTH_LEEWAY_SECONDS", "5")
    check = verifier_from_settings(ServiceSettings())
    assert check is not None and check.leeway_seconds == 5
    jwks_server.publish(rsa_key)
    principal = check.verify(rsa_key.token(claims(roles=None, realm_access={"roles": ["finance"]})))
    assert principal.roles == frozenset({"finance"})
