"""What the identity provider's routes need besides its store: its key, its token issuer, its
policy of roles. Built once at start (`oms_identity.bootstrap.prepare`), kept on the app."""

from __future__ import annotations

from dataclasses import dataclass

from starlette.requests import Request

from oms_identity.adapters.signing_key import SigningKey
from oms_identity.application.service import IdentityApplication
from oms_identity.application.tokens import TokenIssuer
from oms_platform.auth.permissions import RoleGrants
from oms_platform.service import service_runtime

IDENTITY_STATE = "identity"  # app.state.identity


@dataclass(frozen=True)
class IdentityProvider:
    issuer: str
    signing_key: SigningKey
    tokens: TokenIssuer
    roles: RoleGrants


def provider(request: Request) -> IdentityProvider:
    found = getattr(request.app.state, IDENTITY_STATE, None)
    if not isinstance(found, IdentityProvider):
        raise RuntimeError("the identity provider was not prepared (oms_identity.bootstrap.prepare)")
    return found


def identity_app(request: Request) -> IdentityApplication:
    app = service_runtime(request).app
    assert isinstance(app, IdentityApplication)
    return app
