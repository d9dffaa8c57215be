"""Bearer tokens: verify a JWT access token and turn its claims into a `Principal`.

Signature checking and claim validation are PyJWT's; this module chooses what to accept:
asymmetric algorithms only (a service verifies and never signs, so it holds no secret that a
token could be forged with; HS* would let anyone with the verification key sign, and `none` signs
nothing), the issuer and audience of this deployment, and exp, iat, sub, iss and aud present.
The algorithm is checked against that list before any key is looked up, and the key found must be
of that algorithm, which closes algorithm confusion (a public key used as an HMAC secret).

Keys come from a `KeySource`: the identity provider's JWKS over HTTP (`JwksKeySource`) or a key
set held in the process (`StaticKeySource`, for the embedded issuer). Errors are `TokenError`s
whose `reason` is safe to send back to the client; they never include the token.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

import jwt
from jwt import PyJWK, PyJWKClient, PyJWKSet

from oms_platform.auth.claims import ClaimError, ClaimMapping
from oms_platform.auth.principal import Principal
from oms_platform.settings import ConfigurationError, ServiceSettings

# Asymmetric JWS algorithms only; the default set is what OpenID Connect providers sign with.
ASYMMETRIC_ALGORITHMS = frozenset(
    {"RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA"})
DEFAULT_ALGORITHMS = ("RS256", "ES256", "EdDSA")
REQUIRED_CLAIMS = ("exp", "iat", "sub", "iss", "aud")


class TokenError(Exception):
    """A token that is refused. `code` is stable (for clients and metrics), `reason` is a
    sentence safe to show: it says what is wrong, never what the token contained."""

    code = "invalid-token"
    reason = "the token is not valid"

    def __init__(self, reason: str | None = None) -> None:
        if reason is not None:
            self.reason = reason
        super().__init__(self.reason)


class MalformedToken(TokenError):
    code, reason = "malformed", "the token is not a well-formed JWT"


class AlgorithmNotAllowed(TokenError):
    code, reason = "algorithm-not-allowed", "the token's signing algorithm is not accepted"


class UnknownKey(TokenError):
    code, reason = "unknown-key", "the token is signed with a key this service does not know"


class BadSignature(TokenError):
    code, reason = "bad-signature", "the token's signature does not verify"


class ExpiredToken(TokenError):
    code, reason = "expired", "the token has expired"


class NotYetValid(TokenError):
    code, reason = "not-yet-valid", "the token is not valid yet (nbf or iat in the future)"


class WrongIssuer(TokenError):
    code, reason = "wrong-issuer", "the token was issued by an issuer this service does not trust"


class WrongAudience(TokenError):
    code, reason = "wrong-audience", "the token is meant for another audience"


class MissingClaim(TokenError):
    code, reason = "missing-claim", "the token lacks a required claim"


class InvalidClaim(TokenError):
    code, reason = "invalid-claim", "a claim of the token has a value of the wrong type"


class KeysUnavailable(Exception):
    """The keys could not be fetched: the fault is on our side (or the identity provider's), not
    the client's, so it is not a `TokenError` and answers 503 rather than 401."""


class KeySource(Protocol):
    def key_for(self, kid: str) -> PyJWK:
        """The signing key with this id; raises UnknownKey or KeysUnavailable."""
        ...

    def would_block(self, kid: str) -> bool:
        """Whether `key_for(kid)` would go to the network (so async callers use a thread)."""
        ...


class StaticKeySource:
    """Keys held in the process: the embedded issuer's public keys. `replace` rotates them."""

    def __init__(self, jwks: Mapping[str, Any] | Iterable[PyJWK]) -> None:
        self._keys: dict[str, PyJWK] = {}
        self.replace(jwks)

    def replace(self, jwks: Mapping[str, Any] | Iterable[PyJWK]) -> None:
        keys = PyJWKSet.from_dict(dict(jwks)).keys if isinstance(jwks, Mapping) else list(jwks)
        if any(not key.key_id for key in keys):
            raise ValueError("every key of a key set needs a key id (kid)")
        self._keys = {str(key.key_id): key for key in keys}

    def key_for(self, kid: str) -> PyJWK:
        key = self._keys.get(kid)
        if key is None:
            raise UnknownKey()
        return key

    def would_block(self, kid: str) -> bool:
        return False


class JwksKeySource:
    """The identity provider's keys from its JWKS URL (PyJWKClient), cached for `cache_seconds`.

    A token naming a key id that is not in the cached set makes it fetch the set again (the
    provider has rotated its keys), but at most once per `min_refetch_seconds`: otherwise a flood
    of tokens with made-up key ids would turn every request into a request to the provider.
    """

    def __init__(
        self,
        url: str,
        *,
        cache_seconds: float = 300.0,
        min_refetch_seconds: float = 30.0,
        timeout_seconds: float = 5.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        # PyJWKClient's own cooldown is off (0): the refetch interval is ours, with a clock
        # that tests can move, and it counts from the last forced refetch only.
        self._client = PyJWKClient(url, cache_jwk_set=True, lifespan=cache_seconds,
                                   timeout=timeout_seconds, cooldown_duration=0)
        self._min_refetch = min_refetch_seconds
        self._clock = clock
        self._last_refetch: float | None = None
        self._lock = threading.Lock()  # one fetch at a time; the others wait for its result

    def key_for(self, kid: str) -> PyJWK:
        with self._lock:
            key = PyJWKClient.match_kid(self._signing_keys(refresh=False), kid)
            if key is None and self._may_refetch():
                self._last_refetch = self._clock()
                key = PyJWKClient.match_kid(self._signing_keys(refresh=True), kid)
        if key is None:
            raise UnknownKey()
        return key

    def would_block(self, kid: str) -> bool:
        cache = self._client.jwk_set_cache
        cached = cache.get() if cache is not None else None
        if cached is None:
            return True
        return all(key.key_id != kid for key in cached.keys) and self._may_refetch()

    def _may_refetch(self) -> bool:
        return self._last_refetch is None or self._clock() - self._last_refetch >= self._min_refetch

    def _signing_keys(self, *, refresh: bool) -> list[PyJWK]:
        try:
            return self._client.get_signing_keys(refresh=refresh)
        except jwt.PyJWTError as error:  # connection errors, a body that is no key set, no keys
            raise KeysUnavailable(f"the identity provider's keys could not be fetched: {error}") from None


@dataclass(frozen=True)
class TokenVerifier:
    issuer: str
    audience: str | Sequence[str]
    keys: KeySource
    algorithms: tuple[str, ...] = DEFAULT_ALGORITHMS
    leeway_seconds: float = 30.0  # clock skew between the provider and this host
    claims: ClaimMapping = field(default_factory=ClaimMapping)

    def __post_init__(self) -> None:
        refused = sorted(set(self.algorithms) - ASYMMETRIC_ALGORITHMS)
        if refused or not self.algorithms:
            raise ValueError(f"only asymmetric signing algorithms may be accepted, not {refused}")
        if not self.issuer or not self.audience:
            raise ValueError("a token verifier needs an issuer and an audience")

    def verify(self, token: str) -> Principal:
        """The principal of a valid token; raises TokenError (or KeysUnavailable)."""
        claims = self.verified_claims(token)
        try:
            return self.claims.principal_from(claims)
        except ClaimError as error:
            raise InvalidClaim(str(error)) from None

    def verified_claims(self, token: str) -> dict[str, Any]:
        key = self.keys.key_for(self._key_id(token))
        if key.algorithm_name not in self.algorithms:
            raise AlgorithmNotAllowed("the token's key is not of an accepted algorithm")
        try:
            return jwt.decode(
                token, key=key, algorithms=list(self.algorithms), audience=self.audience,
                issuer=self.issuer, leeway=self.leeway_seconds,
                options={"require": list(REQUIRED_CLAIMS), "strict_aud": False},
            )
        except jwt.PyJWTError as error:
            raise _token_error(error) from None

    def would_block(self, token: str) -> bool:
        """Whether verifying this token may wait on the network (a JWKS fetch)."""
        try:
            return self.keys.would_block(self._key_id(token))
        except TokenError:
            return False  # refused without a key lookup

    def _key_id(self, token: str) -> str:
        try:
            header = jwt.get_unverified_header(token)
        except jwt.PyJWTError:
            raise MalformedToken() from None
        if header.get("alg") not in self.algorithms:
            raise AlgorithmNotAllowed()
        kid = header.get("kid")
        if not isinstance(kid, str) or not kid:
            raise UnknownKey("the token names no signing key (kid)")
        return kid


# Most specific first: PyJWT's hierarchy nests (InvalidSignatureError is a DecodeError).
_PYJWT_ERRORS: tuple[tuple[type[jwt.PyJWTError], type[TokenError]], ...] = (
    (jwt.ExpiredSignatureError, ExpiredToken),
    (jwt.ImmatureSignatureError, NotYetValid),
    (jwt.InvalidIssuerError, WrongIssuer),
    (jwt.InvalidAudienceError, WrongAudience),
    (jwt.MissingRequiredClaimError, MissingClaim),
    (jwt.InvalidAlgorithmError, AlgorithmNotAllowed),
    (jwt.InvalidSignatureError, BadSignature),
    (jwt.InvalidIssuedAtError, InvalidClaim),
    (jwt.exceptions.InvalidSubjectError, InvalidClaim),
    (jwt.exceptions.InvalidJTIError, InvalidClaim),
    (jwt.DecodeError, MalformedToken),
)


def _token_error(error: jwt.PyJWTError) -> TokenError:
    for pyjwt_error, ours in _PYJWT_ERRORS:
        if isinstance(error, pyjwt_error):
            if isinstance(error, jwt.MissingRequiredClaimError):
                return MissingClaim(f"the token lacks the required claim {error.claim!r}")
            return ours()
    return TokenError()


def verifier_from_settings(settings: ServiceSettings) -> TokenVerifier | None:
    """The verifier `OMS_AUTH_*` describe; None when no issuer is set (no bearer tokens)."""
    if not settings.auth_issuer:
        return None
    if not settings.auth_audience or not settings.auth_jwks_url:
        raise ConfigurationError("OMS_AUTH_ISSUER is set: OMS_AUTH_AUDIENCE and OMS_AUTH_JWKS_URL are needed too")
    keys = JwksKeySource(settings.auth_jwks_url, cache_seconds=settings.auth_jwks_cache_seconds,
                         min_refetch_seconds=settings.auth_jwks_min_refetch_seconds)
    return TokenVerifier(issuer=settings.auth_issuer, audience=settings.auth_audience, keys=keys,
                         leeway_seconds=settings.auth_leeway_seconds,
                         claims=ClaimMapping(roles=settings.auth_roles_claim))
