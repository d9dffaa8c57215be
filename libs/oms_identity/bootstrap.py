"""Wires the identity provider: its store, what it publishes, its HTTP routes, and its start-up
(signing key, token issuer, the authenticator of its own administration routes, the first
administrator)."""

from __future__ import annotations

from datetime import timedelta

from oms_identity.adapters.publications import publications
from oms_identity.adapters.signing_key import ALGORITHM, load_or_create_signing_key
from oms_identity.application.policy import SignInPolicy
from oms_identity.application.service import FIRST_ADMINISTRATOR, IdentityApplication
from oms_identity.application.tokens import TokenIssuer
from oms_identity.entrypoints.http import router as administration
from oms_identity.entrypoints.oauth import router as oauth
from oms_identity.entrypoints.runtime import IDENTITY_STATE, IdentityProvider
from oms_identity.settings import IdentitySettings
from oms_platform.auth.http import Authenticator
from oms_platform.auth.permissions import RolesFileError, load_roles
from oms_platform.auth.tokens import StaticKeySource, TokenVerifier
from oms_platform.logging import get_logger
from oms_platform.service import ServiceDefinition, ServiceRuntime
from oms_platform.settings import ConfigurationError

log = get_logger("oms.identity")


def definition() -> ServiceDefinition:
    return ServiceDefinition(
        settings_class=IdentitySettings,
        application_class=IdentityApplication,
        description=(
            "The embedded identity provider, the default issuer `make run` brings (replaceable by any "
            "OpenID Connect provider through the services' OMS_AUTH_* settings): signs people in with "
            "passwords and machines with client credentials, issues ES256 access tokens and rotating "
            "refresh tokens, serves its keys as JWKS, and administers users and clients."
        ),
        publications=publications,
        routers=[oauth, administration],
        prepare=prepare,
    )


def prepare(runtime: ServiceRuntime) -> None:
    settings = runtime.settings
    app = runtime.app
    assert isinstance(settings, IdentitySettings) and isinstance(app, IdentityApplication)
    assert runtime.http is not None
    app.policy = SignInPolicy(
        lockout_threshold=settings.lockout_threshold,
        lockout=timedelta(seconds=settings.lockout_seconds),
        refresh_token_lifetime=timedelta(seconds=settings.refresh_token_seconds),
        session_lifetime=timedelta(seconds=settings.session_max_seconds),
        password_min_length=settings.password_min_length,
    )
    try:
        roles = load_roles(settings.roles_file)
    except RolesFileError as error:
        raise ConfigurationError(str(error)) from None
    key = load_or_create_signing_key(settings.signing_key_file)
    issuer = settings.issuer_url
    # Its own administration routes accept its own tokens, checked with its own public key.
    verifier = TokenVerifier(issuer=issuer, audience=settings.audience, keys=StaticKeySource(key.jwks()),
                             algorithms=(ALGORITHM,), leeway_seconds=settings.auth_leeway_seconds)
    Authenticator(roles=roles, tokens=verifier).install(runtime.http)
    tokens = TokenIssuer(issuer=issuer, audience=settings.audience,
                         lifetime=timedelta(seconds=settings.access_token_seconds), sign=key.sign)
    setattr(runtime.http.state, IDENTITY_STATE, IdentityProvider(issuer, key, tokens, roles))
    app.prepare_sign_in()
    password = app.ensure_first_administrator()
    if password is not None:
        print(f"identity: first start: sign in with username {FIRST_ADMINISTRATOR}, one-time password "
              f"{password} (at {issuer}/oauth/token), and change it at first sign-in (POST /me/password)",
              flush=True)
    log.info("identity provider ready", issuer=issuer, kid=key.kid)
