"""The provider as it runs: uvicorn on a port, the relay publishing to a real broker. Its tokens
verify with the services' own verifier against its JWKS over HTTP, and its security events are
read back from oms.identity.events.v1 by an independent consumer, decoded with the contracts."""

from __future__ import annotations

import asyncio
import base64
import json
import uuid

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import ec

from oms.identity.v1 import identity_pb2
from oms_identity.adapters.publications import IDENTITY_EVENTS
from oms_identity.application.service import digest
from oms_identity.domain.users import user_id_for
from oms_platform.auth.principal import Principal, PrincipalKind
from oms_platform.auth.tokens import (
    BadSignature,
    JwksKeySource,
    TokenVerifier,
    UnknownKey,
    WrongAudience,
    verifier_from_settings,
)
from oms_platform.catalogue import load_catalogue
from oms_platform.settings import ServiceSettings
from tests.identity.support import ADMIN, identity_served
from tests.support.messaging import TopicReader

pytestmark = pytest.mark.kafka

EVENT = "oms.identity.v1."


def unique(name: str) -> str:
    # The broker is shared by the session and user ids come from usernames: names of this test only.
    return f"{name}-{uuid.uuid4().hex[:8]}"


async def test_tokens_verify_with_token_verifier_and_jwks_over_http(store_backend, identity_database_url,
                                                                   kafka_bootstrap):
    async with identity_served(store_backend.data_dir, identity_database_url, kafka_bootstrap) as identity:
        discovery = (await identity.client.get("/.well-known/openid-configuration")).json()
        base = str(identity.client.base_url).rstrip("/")
        assert discovery["issuer"] == base
        assert discovery["jwks_uri"] == f"{base}/.well-known/jwks.json"
        assert discovery["token_endpoint"] == f"{base}/oauth/token"
        assert discovery["revocation_endpoint"] == f"{base}/oauth/revoke"
        assert set(discovery["grant_types_supported"]) == {"password", "refresh_token", "client_credentials"}
        assert "client_secret_basic" in discovery["token_endpoint_auth_methods_supported"]

        username = unique("olga")
        user = await identity.register_user(username, ["reviewer"],
                                            scope={"channels": ["tmall"], "warehouses": ["wh-1"]})
        person = await identity.sign_in(username, user["password"])
        client_id = unique("tmall-adapter")
        client = await identity.register_client(client_id, ["channel"], channels=["tmall"])
        machine = (await identity.client.post("/oauth/token", data={"grant_type": "client_credentials"},
                                              auth=(client_id, client["client_secret"]))).json()

        # What a service is configured with (OMS_AUTH_*), and what it builds from that.
        settings = ServiceSettings(auth_issuer=discovery["issuer"], auth_jwks_url=discovery["jwks_uri"],
                                   auth_audience="oms")
        verifier = verifier_from_settings(settings)
        assert verifier is not None and isinstance(verifier.keys, JwksKeySource)

        # JwksKeySource fetches with blocking HTTP: off the loop that serves the provider.
        as_person = await asyncio.to_thread(verifier.verify, person["access_token"])
        as_machine = await asyncio.to_thread(verifier.verify, machine["access_token"])

        jti = jwt.decode(person["access_token"], options={"verify_signature": False})["jti"]
        assert as_person == Principal(
            subject=user["user_id"], kind=PrincipalKind.USER, roles=frozenset({"reviewer"}),
            channels=frozenset({"tmall"}), stores=None, warehouses=frozenset({"wh-1"}),
            name=username.title(), token_id=jti)
        assert (as_machine.subject, as_machine.kind, as_machine.roles, as_machine.channels) == (
            client_id, PrincipalKind.MACHINE, frozenset({"channel"}), frozenset({"tmall"}))

        # What the verifier refuses: another audience, a changed token, a key the provider never had.
        other_audience = TokenVerifier(issuer=discovery["issuer"], audience="another-api",
                                       keys=JwksKeySource(discovery["jwks_uri"]))
        with pytest.raises(WrongAudience):
            await asyncio.to_thread(other_audience.verify, person["access_token"])
        head, _payload, signature = person["access_token"].split(".")
        claims = jwt.decode(person["access_token"], options={"verify_signature": False})
        claims["roles"] = ["administrator"]
        forged_payload = base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b"=").decode()
        with pytest.raises(BadSignature):
            await asyncio.to_thread(verifier.verify, f"{head}.{forged_payload}.{signature}")
        stranger = jwt.encode(claims, ec.generate_private_key(ec.SECP256R1()), algorithm="ES256",
                              headers={"kid": "not-ours"})
        with pytest.raises(UnknownKey):
            await asyncio.to_thread(verifier.verify, stranger)


async def test_security_events_are_read_back_from_the_topic_and_hold_no_secret(store_backend, identity_database_url,
                                                                              kafka_bootstrap):
    async with identity_served(store_backend.data_dir, identity_database_url, kafka_bootstrap) as identity:
        username = unique("olga")
        user = await identity.register_user(username, ["read_only"])  # registered, password changed
        user_id = user["user_id"]
        for _ in range(5):
            await identity.password_grant(username, "wrong password")  # 5 failures, then locked out
        await identity.password_grant(username, user["password"])  # refused: locked
        await identity.as_admin("POST", f"/users/{username}/unlock")
        await identity.as_admin("PUT", f"/users/{username}/roles", json={"roles": ["finance", "read_only"]})
        await identity.as_admin("PUT", f"/users/{username}/scope", json={"stores": ["store-1"]})
        first = await identity.sign_in(username, user["password"])
        second = (await identity.refresh(first["refresh_token"])).json()
        await identity.refresh(first["refresh_token"])  # reuse: the session is revoked
        third = await identity.sign_in(username, user["password"])
        await identity.client.post("/oauth/revoke", data={"token": third["refresh_token"]})
        await identity.as_admin("POST", f"/users/{username}/disable")
        await identity.password_grant(username, user["password"])  # refused: disabled
        await identity.as_admin("POST", f"/users/{username}/enable")
        client_id = unique("sf-express")
        client = await identity.register_client(client_id, ["carrier"])
        await identity.client.post("/oauth/token", data={"grant_type": "client_credentials"},
                                   auth=(client_id, client["client_secret"]))
        await identity.client.post("/oauth/token", data={"grant_type": "client_credentials"},
                                   auth=(client_id, "not the secret"))
        await identity.as_admin("POST", f"/clients/{client_id}/revoke")
        password_hash = identity.app.user(username).password_hash
        private_value = identity.provider.signing_key.private_key.private_numbers().private_value.to_bytes(32, "big")

        async with TopicReader(kafka_bootstrap, IDENTITY_EVENTS) as reader:
            await reader.wait_for(EVENT + "ClientRevoked", where=lambda m: m.client_id == client_id)
            await reader.wait_for(EVENT + "UserEnabled", where=lambda m: m.user_id == user_id)
            ours = [(record, envelope, message) for record, (envelope, message)
                    in zip(reader.records, reader.messages(), strict=True)
                    if getattr(message, "user_id", None) == user_id or getattr(message, "client_id", None) == client_id]

    admin_id = str(user_id_for(ADMIN))
    by_type: dict[str, list] = {}
    for record, envelope, message in ours:
        by_type.setdefault(envelope.type.removeprefix(EVENT), []).append(message)
        assert envelope.producer == "identity"
        assert record.key.decode() == (client_id if envelope.type.startswith(EVENT + "Client") else user_id)

    failures = by_type["SignInFailed"]
    assert [(f.reason, f.consecutive_failures) for f in failures] == [
        *[(identity_pb2.SIGN_IN_FAILURE_REASON_WRONG_PASSWORD, n) for n in range(1, 6)],
        (identity_pb2.SIGN_IN_FAILURE_REASON_ACCOUNT_LOCKED, 0),
        (identity_pb2.SIGN_IN_FAILURE_REASON_ACCOUNT_DISABLED, 0),
    ]
    assert all(f.username == username and f.failed_at.seconds > 0 for f in failures)
    [lockout] = by_type["UserLockedOut"]
    assert lockout.consecutive_failures == 5
    assert lockout.locked_until.ToSeconds() - lockout.locked_at.ToSeconds() == pytest.approx(15 * 60, abs=2)
    [unlocked] = by_type["UserUnlocked"]
    assert unlocked.unlocked_by == admin_id
    [roles] = by_type["UserRolesChanged"]
    assert (list(roles.roles_before), list(roles.roles_after), roles.changed_by) == (
        ["read_only"], ["finance", "read_only"], admin_id)
    [scope] = by_type["UserScopeChanged"]
    assert (scope.scope_before.stores_restricted, scope.scope_after.stores_restricted) == (False, True)
    assert list(scope.scope_after.stores) == ["store-1"] and not scope.scope_after.channels_restricted
    [revoked] = by_type["ClientRevoked"]
    assert (revoked.client_id, revoked.revoked_by) == (client_id, admin_id)
    [refused] = by_type["ClientAuthenticationFailed"]
    assert refused.reason == identity_pb2.CLIENT_AUTHENTICATION_FAILURE_REASON_WRONG_SECRET
    sessions = [s.session_id for s in by_type["SignedIn"]]
    assert len(sessions) == 3  # the first sign-in (to change the password), first, third
    [reuse] = by_type["RefreshTokenReuseDetected"]
    assert reuse.session_id == sessions[1] == by_type["SessionRefreshed"][0].session_id
    assert by_type["SignedOut"][0].session_id == sessions[2]
    assert [p.changed_by for p in by_type["PasswordChanged"]] == [user_id]
    assert by_type["UserRegistered"][0].must_change_password is True

    # Every message type of the topic is produced by the code.
    catalogued = {name.removeprefix(EVENT) for name in load_catalogue().topic(IDENTITY_EVENTS).message_types}
    assert set(by_type) == catalogued

    # Nothing secret in what was published: key, passwords, hashes, tokens, secrets, their digests.
    published = b"".join(record.value + b"".join(v for _, v in record.headers) for record, _, _ in ours)
    secrets = [private_value, base64.urlsafe_b64encode(private_value).rstrip(b"="), password_hash.encode(),
               user["password"].encode(), client["client_secret"].encode(), digest(client["client_secret"]).encode()]
    for tokens in (first, second, third):
        secrets += [tokens["refresh_token"].encode(), digest(tokens["refresh_token"]).encode(),
                    tokens["access_token"].encode()]
    for secret in secrets:
        assert secret not in published
