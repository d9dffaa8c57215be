"""The FastAPI application every service serves: its routers inside one common shell."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from types import MappingProxyType
from typing import Any

from fastapi import APIRouter, FastAPI

from oms_platform.http.exception_handlers import install_problem_handlers
from oms_platform.http.middleware import RequestContextMiddleware
from oms_platform.http.openapi import document_problems
from oms_platform.http.operations import ReadinessCheck, operations_router
from oms_platform.metrics import ServiceMetrics

_NO_CHECKS: Mapping[str, ReadinessCheck] = MappingProxyType({})


def create_http_app(
    *,
    service: str,
    version: str,
    metrics: ServiceMetrics,
    routers: Sequence[APIRouter] = (),
    readiness_checks: Mapping[str, ReadinessCheck] = _NO_CHECKS,
    lifespan: Callable[[FastAPI], Any] | None = None,
    title: str | None = None,
    description: str = "",
    readiness_timeout_seconds: float = 2.0,
) -> FastAPI:
    """A service's app: health, readiness and metrics endpoints, problem details for every error,
    request and correlation ids on every request. `lifespan` goes to FastAPI unchanged (the
    service runtime starts its Kafka tasks there)."""
    app = FastAPI(
        title=title or f"OMS {service} service",
        version=version,
        description=description,
        lifespan=lifespan,
    )
    app.state.service = service
    app.state.metrics = metrics
    install_problem_handlers(app)
    app.add_middleware(RequestContextMiddleware, metrics=metrics)
    app.include_router(
        operations_router(
            service=service,
            version=version,
            metrics=metrics,
            readiness_checks=dict(readiness_checks),
            readiness_timeout_seconds=readiness_timeout_seconds,
        )
    )
    for router in routers:
        app.include_router(router)
    document_problems(app)
    return app
