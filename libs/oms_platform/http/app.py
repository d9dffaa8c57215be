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
from oms_platform.tracing import active_provider

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
    service runtime starts its Kafka tasks there).

    A server span per request, when tracing is configured (`oms_platform.tracing`), is FastAPI's
    own: it extracts an incoming `traceparent`, is named by method and route template, records
    the status, and is current in our middleware and the endpoints, so events recorded by a
    request carry its trace. Only the span: our metrics and logs stay our own, and no span per
    dependency or serialisation step. Tracing off, FastAPI's telemetry is switched off entirely
    (it would otherwise look at the global providers on every request)."""
    provider = active_provider()
    app = FastAPI(
        title=title or f"OMS {service} service",
        version=version,
        description=description,
        lifespan=lifespan,
        telemetry={
            "tracer_provider": provider,
            "tracing": provider is not None,
            "metrics": False,
            "logs": False,
            "operation_spans": False,
            "auto_configure": False,  # tracing is set up by oms_platform.tracing, or not at all
        },
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
