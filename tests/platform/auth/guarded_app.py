"""A small service guarded by `requires(...)`, shared by the HTTP and the matrix tests."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, FastAPI
from jwt import PyJWK
from starlette.requests import Request

from oms_platform.auth.api_keys import InMemoryApiKeyStore
from oms_platform.auth.http import AUTH_RESPONSES, Authenticator, require_scope, requires
from oms_platform.auth.permissions import load_roles
from oms_platform.auth.principal import Principal
from oms_platform.auth.tokens import KeySource, StaticKeySource, TokenVerifier
from oms_platform.http import create_http_app
from oms_platform.metrics import ServiceMetrics
from tests.platform.auth.conftest import AUDIENCE, ISSUER, SigningKey


class RecordedRefusals:
    def __init__(self) -> None:
        self.calls: list[tuple[Principal | None, str, str, str]] = []

    async def __call__(self, principal: Principal | None, permission: str, request: Request, reason: str) -> None:
        self.calls.append((principal, permission, request.url.path, reason))


def orders_router() -> APIRouter:
    router = APIRouter(prefix="/orders", responses=AUTH_RESPONSES)

    @router.get("/{order_id}")
    async def read(order_id: str, principal: Principal = Depends(requires("orders.read"))) -> dict[str, Any]:
        require_scope(principal, channel="tmall")  # every order of this test app is a tmall order
        return {"order_id": order_id, "by": principal.subject}

    @router.post("/{order_id}/cancel")
    def cancel(order_id: str, principal: Principal = Depends(requires("orders.cancel"))) -> dict[str, Any]:
        return {"cancelled": order_id, "by": principal.to_dict()}

    @router.post("/{order_id}/refund", dependencies=[Depends(requires("ledger.refund"))])
    async def refund(order_id: str) -> dict[str, str]:
        return {"refunded": order_id}

    return router


def tracking_router() -> APIRouter:
    router = APIRouter(prefix="/tracking", dependencies=[Depends(requires("tracking.report-event"))])

    @router.post("/events")
    async def report() -> dict[str, str]:
        return {"accepted": "yes"}

    return router


def guarded_app(key: SigningKey, *, api_keys: InMemoryApiKeyStore | None = None,
                refusals: RecordedRefusals | None = None, keys: KeySource | None = None) -> FastAPI:
    app = create_http_app(service="order", version="1", metrics=ServiceMetrics("order"),
                          routers=[orders_router(), tracking_router()])
    verifier = TokenVerifier(issuer=ISSUER, audience=AUDIENCE, keys=keys or StaticKeySource([key_jwk(key)]))
    authenticator = Authenticator(roles=load_roles(), tokens=verifier, api_keys=api_keys or InMemoryApiKeyStore(),
                                  **({"on_refused": refusals} if refusals is not None else {}))
    authenticator.install(app)
    return app


def key_jwk(key: SigningKey) -> PyJWK:
    return PyJWK(key.public_jwk())
