"""FastAPI integration: who is calling (401) and whether they may (403), as problem details.

A route declares what it needs, and gets the caller:

    @router.post("/orders/{order_id}/cancel", responses=AUTH_RESPONSES)
    async def cancel(order_id: str, principal: Principal = Depends(requires("orders.cancel"))): ...

The app factory puts one `Authenticator` on the app (`authenticator.install(app)`); `requires`
finds it there per request, so routers can be declared before the policy is loaded. Credentials:
`Authorization: Bearer <jwt>` for people and OAuth clients, `X-API-Key: <key>` for machines that
hold an API key. Both are declared as OpenAPI security schemes, and each `Requires` carries its
permission, which `route_permissions` reads back (the permission matrix, the start-up check).
"""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Iterator
from dataclasses import dataclass
from typing import Annotated, Any, Protocol

import anyio.to_thread
from fastapi import FastAPI, Security
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute, iter_route_contexts
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer
from starlette.requests import Request

from oms_platform.auth.api_keys import ApiKeyError, ApiKeyStore, verify_api_key
from oms_platform.auth.permissions import RoleGrants, load_roles
from oms_platform.auth.principal import Principal
from oms_platform.auth.tokens import KeysUnavailable, TokenError, TokenVerifier, verifier_from_settings
from oms_platform.http.problems import (
    AUTHENTICATION_UNAVAILABLE,
    FORBIDDEN,
    PROBLEM_MEDIA_TYPE,
    UNAUTHORIZED,
    Problem,
    ProblemKind,
)
from oms_platform.logging import get_logger
from oms_platform.settings import ServiceSettings

API_KEY_HEADER = "X-API-Key"
AUTHENTICATOR_STATE = "authenticator"  # app.state.authenticator
REALM = "oms"
# How long a client should wait when the identity provider's keys cannot be fetched.
KEYS_RETRY_AFTER_SECONDS = 5

_log = get_logger("oms.auth")

bearer_scheme = HTTPBearer(
    auto_error=False, scheme_name="bearerAuth", bearerFormat="JWT",
    description="An access token of the OMS's identity provider, for people and OAuth clients.")
api_key_scheme = APIKeyHeader(
    name=API_KEY_HEADER, auto_error=False, scheme_name="apiKeyAuth",
    description="An API key `oms_<prefix>_<secret>`, for machines (channels, carriers).")

BearerCredentials = Annotated[HTTPAuthorizationCredentials | None, Security(bearer_scheme)]
ApiKeyCredentials = Annotated[str | None, Security(api_key_scheme)]


class RefusalListener(Protocol):
    """Told of every refused attempt (the audit trail implements it). `principal` is None when
    the caller could not be identified; `reason` is the problem's reason code."""

    def __call__(self, principal: Principal | None, permission: str, request: Request,
                 reason: str) -> Awaitable[None] | None: ...


def ignore_refusal(principal: Principal | None, permission: str, request: Request, reason: str) -> None:
    return None


class Refusal(Exception):
    """Why a request is refused, before it becomes a problem response."""

    def __init__(self, problem: Problem, reason: str, principal: Principal | None = None) -> None:
        super().__init__(reason)
        self.problem = problem
        self.reason = reason
        self.principal = principal


class Authenticator:
    def __init__(
        self,
        *,
        roles: RoleGrants,
        tokens: TokenVerifier | None = None,
        api_keys: ApiKeyStore | None = None,
        on_refused: RefusalListener = ignore_refusal,
    ) -> None:
        self.roles = roles
        self.tokens = tokens
        self.api_keys = api_keys
        self.on_refused = on_refused

    def install(self, app: FastAPI) -> None:
        """Check the app's routes against the policy and put this authenticator on the app."""
        check_routes(app, self.roles)
        setattr(app.state, AUTHENTICATOR_STATE, self)

    async def admit(self, request: Request, permission: str, bearer: HTTPAuthorizationCredentials | None,
                    api_key: str | None) -> Principal:
        """The caller, if it is identified and holds `permission`; raises a 401/403/503 Problem."""
        try:
            principal = await self.authenticate(request, bearer, api_key)
            self.authorize(principal, permission)
            return principal
        except Refusal as refusal:
            await self._refused(refusal, permission, request)
            raise refusal.problem from None

    async def authenticate(self, request: Request, bearer: HTTPAuthorizationCredentials | None,
                           api_key: str | None) -> Principal:
        if bearer is not None and api_key is not None:
            raise _unauthorized("ambiguous-credentials", "send either a bearer token or an API key, not both")
        if bearer is not None:
            return await self._from_token(bearer.credentials)
        if api_key is not None:
            return self._from_api_key(api_key)
        if "authorization" in request.headers:
            raise _unauthorized("unsupported-scheme", "the Authorization header does not carry a Bearer token")
        raise Refusal(_challenge(None, "No credentials were sent.", "missing-credentials"), "missing-credentials")

    def authorize(self, principal: Principal, permission: str) -> None:
        if not self.roles.permits(principal, permission):
            problem = FORBIDDEN.problem(f"This operation requires the permission {permission!r}.",
                                        extensions={"permission": permission})
            raise Refusal(problem, "missing-permission", principal)

    async def _from_token(self, token: str) -> Principal:
        if self.tokens is None:
            raise _unauthorized("bearer-not-accepted", "this service accepts no bearer tokens")
        try:
            if self.tokens.would_block(token):  # a JWKS fetch: keep the event loop free
                return await anyio.to_thread.run_sync(self.tokens.verify, token)
            return self.tokens.verify(token)
        except TokenError as error:
            raise _unauthorized(error.code, error.reason) from None
        except KeysUnavailable as error:
            _log.error("identity provider keys unavailable", error=str(error))
            problem = AUTHENTICATION_UNAVAILABLE.problem(
                "The identity provider's keys could not be fetched.",
                headers={"Retry-After": str(KEYS_RETRY_AFTER_SECONDS)})
            raise Refusal(problem, "authentication-unavailable") from None

    def _from_api_key(self, key: str) -> Principal:
        if self.api_keys is None:
            raise _unauthorized("api-key-not-accepted", "this service accepts no API keys")
        try:
            return verify_api_key(key, self.api_keys)
        except ApiKeyError as error:
            raise _unauthorized(error.code, error.reason) from None

    async def _refused(self, refusal: Refusal, permission: str, request: Request) -> None:
        _log.info("request refused", permission=permission, reason=refusal.reason,
                  subject=refusal.principal.subject if refusal.principal else None,
                  method=request.method, path=request.url.path)
        outcome = self.on_refused(refusal.principal, permission, request, refusal.reason)
        if inspect.isawaitable(outcome):
            await outcome


class Requires:
    """The dependency `requires(permission)` returns; `.permission` is what the route needs."""

    def __init__(self, permission: str) -> None:
        self.permission = permission

    def __repr__(self) -> str:
        return f"requires({self.permission!r})"

    async def __call__(self, request: Request, bearer: BearerCredentials = None,
                       api_key: ApiKeyCredentials = None) -> Principal:
        return await authenticator_of(request).admit(request, self.permission, bearer, api_key)


def requires(permission: str) -> Requires:
    return Requires(permission)


def authenticator_of(request: Request) -> Authenticator:
    authenticator = getattr(request.app.state, AUTHENTICATOR_STATE, None)
    if not isinstance(authenticator, Authenticator):
        # Fail closed: a route that requires a permission is never open by mistake.
        raise RuntimeError("no Authenticator on app.state; call Authenticator.install(app)")
    return authenticator


def require_scope(principal: Principal, *, channel: str | None = None, store: str | None = None,
                  warehouse: str | None = None) -> None:
    """403 unless the resource (its channel, store, warehouse) is inside the principal's scope."""
    if not principal.may_act_on(channel=channel, store=store, warehouse=warehouse):
        raise FORBIDDEN.problem("The resource is outside your data scope.",
                                extensions={"reason": "outside-scope"})


@dataclass(frozen=True)
class RoutePermission:
    method: str
    path: str
    permissions: tuple[str, ...]  # all of them are required; () is an open route

    @property
    def operation(self) -> str:
        return f"{self.method} {self.path}"


def route_permissions(app: FastAPI) -> list[RoutePermission]:
    """Every method and path of the app's API routes with the permissions it requires, read from
    the `Requires` dependencies of the route, of its routers and of its other dependencies."""
    found = []
    for context in iter_route_contexts(app.routes):
        if not isinstance(context.original_route, APIRoute):
            continue
        permissions = tuple(dict.fromkeys(_required(context.dependant)))
        for method in sorted(context.methods or ()):
            found.append(RoutePermission(method, str(context.path_format), permissions))
    return found


def check_routes(app: FastAPI, roles: RoleGrants) -> None:
    """Refuse, at start-up, a route requiring a permission the registry does not know (a typo
    would otherwise answer 403 to everyone)."""
    for route in route_permissions(app):
        for permission in route.permissions:
            if permission not in roles.registry:
                raise ValueError(f"{route.operation} requires unknown permission {permission!r}")


def _required(dependant: Dependant) -> Iterator[str]:
    for dependency in dependant.dependencies:
        if isinstance(dependency.call, Requires):
            yield dependency.call.permission
        yield from _required(dependency)


def _auth_response(kind: ProblemKind) -> dict[str, Any]:
    return {"description": kind.meaning,
            "content": {PROBLEM_MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/ProblemDetails"}}}}


# `responses=AUTH_RESPONSES` on a route (or router) that requires a permission.
AUTH_RESPONSES: dict[int | str, dict[str, Any]] = {
    401: _auth_response(UNAUTHORIZED),
    403: _auth_response(FORBIDDEN),
}


def authenticator_from_settings(settings: ServiceSettings, *, api_keys: ApiKeyStore | None = None,
                                on_refused: RefusalListener = ignore_refusal) -> Authenticator:
    """The authenticator `ServiceSettings` describe: the roles file, and a token verifier when
    `OMS_AUTH_ISSUER` is set."""
    return Authenticator(roles=load_roles(settings.roles_file), tokens=verifier_from_settings(settings),
                         api_keys=api_keys, on_refused=on_refused)


def _unauthorized(code: str, reason: str) -> Refusal:
    return Refusal(_challenge(code, f"The credentials were refused: {reason}.", code, reason), code)


def _challenge(code: str | None, detail: str, reason: str, description: str | None = None) -> Problem:
    """401 with the RFC 6750 challenge: no error code when nothing was sent, else invalid_token."""
    challenge = f'Bearer realm="{REALM}"'
    if code is not None:
        text = (description or reason).replace('"', "'").replace("\\", "/")
        challenge += f', error="invalid_token", error_description="{text}"'
    return UNAUTHORIZED.problem(detail, extensions={"reason": reason}, headers={"WWW-Authenticate": challenge})
