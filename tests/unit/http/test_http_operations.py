"""Liveness, readiness, metrics, OpenAPI and lifespan of the app every service serves."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import APIRouter, FastAPI
from pydantic import BaseModel

from oms_platform.http import PROBLEM_MEDIA_TYPE, PROBLEM_RESPONSES, create_http_app, problem_responses
from oms_platform.metrics import ServiceMetrics


async def healthy() -> None:
    return None


async def broker_down() -> None:
    raise ConnectionError("kafka:9092 refused the connection\nsecond line of detail")


async def test_liveness_names_service_and_version(metrics, client_for) -> None:
    client = client_for(create_http_app(service="order", version="1.2.3", metrics=metrics))

    response = await client.get("/health/live")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "service": "order", "version": "1.2.3"}


async def test_ready_when_every_check_passes(metrics, client_for) -> None:
    checks = {"store": healthy, "broker": healthy}
    app = create_http_app(service="order", version="1", metrics=metrics, readiness_checks=checks)
    client = client_for(app)

    response = await client.get("/health/ready")

    assert response.status_code == 200
    assert response.json() == {"status": "ready", "checks": {"store": "ok", "broker": "ok"}}


async def test_not_ready_reports_failing_and_hanging_checks(metrics, client_for) -> None:
    hanging_check_cancelled = asyncio.Event()

    async def store_hangs() -> None:
        try:
            await asyncio.Event().wait()  # never set: only the timeout ends it
        except asyncio.CancelledError:
            hanging_check_cancelled.set()
            raise

    checks = {"broker": broker_down, "store": store_hangs, "relay": healthy}
    app = create_http_app(
        service="order", version="1", metrics=metrics, readiness_checks=checks, readiness_timeout_seconds=0.05
    )
    client = client_for(app)

    async with asyncio.timeout(10):  # fails the test, rather than hanging it, if nothing times out
        response = await client.get("/health/ready")

    assert response.status_code == 503
    assert response.json() == {
        "status": "not ready",
        "checks": {
            "broker": "ConnectionError: kafka:9092 refused the connection",
            "store": "timed out after 0.05s",
            "relay": "ok",
        },
    }
    assert hanging_check_cancelled.is_set()


async def test_metrics_count_requests_by_route_template(metrics, client_for) -> None:
    router = APIRouter(prefix="/orders")

    @router.get("/{order_id}")
    async def get_order(order_id: str) -> dict[str, str]:
        return {"order_id": order_id}

    # Nested under a second prefix: the label must still be the full template.
    api = APIRouter(prefix="/v1")
    api.include_router(router)
    client = client_for(create_http_app(service="order", version="1", metrics=metrics, routers=[api]))

    await client.get("/v1/orders/o-1")
    await client.get("/v1/orders/o-2")
    await client.get("/v1/nothing/here")
    response = await client.get("/metrics")

    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    text = response.text
    assert 'oms_http_requests_total{method="GET",route="/v1/orders/{order_id}",status="200"} 2.0' in text
    assert 'oms_http_requests_total{method="GET",route="<unmatched>",status="404"} 1.0' in text
    assert 'oms_http_request_seconds_count{method="GET",route="/v1/orders/{order_id}"} 2.0' in text
    assert "o-1" not in text


class ShipmentRequest(BaseModel):
    carrier: str


def test_openapi_documents_problem_responses(metrics) -> None:
    router = APIRouter()

    @router.post("/orders/{order_id}/ship", responses=PROBLEM_RESPONSES)
    async def ship(order_id: str, request: ShipmentRequest) -> None:
        return None

    @router.get("/orders/{order_id}", responses=problem_responses(404))
    async def get_order(order_id: str) -> None:
        return None

    schema = create_http_app(service="order", version="1", metrics=metrics, routers=[router]).openapi()

    ship_responses = schema["paths"]["/orders/{order_id}/ship"]["post"]["responses"]
    assert {"400", "404", "409", "422", "500"} <= set(ship_responses)
    conflict = ship_responses["409"]["content"]
    assert conflict == {PROBLEM_MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/ProblemDetails"}}}
    # FastAPI's own 422 (HTTPValidationError) is replaced by the problem this shell really sends.
    get_422 = schema["paths"]["/orders/{order_id}"]["get"]["responses"]["422"]["content"]
    assert list(get_422) == [PROBLEM_MEDIA_TYPE]
    schemas = schema["components"]["schemas"]
    assert "HTTPValidationError" not in schemas
    assert {"title", "status", "instance", "request_id"} <= set(schemas["ProblemDetails"]["required"])
    assert "FieldError" in schemas


async def test_openapi_is_served(metrics, client_for) -> None:
    client = client_for(create_http_app(service="order", version="4.5", metrics=metrics, title="Orders"))

    response = await client.get("/openapi.json")

    assert response.status_code == 200
    assert response.json()["info"] == {"title": "Orders", "version": "4.5"}


async def test_lifespan_is_passed_to_fastapi(metrics: ServiceMetrics) -> None:
    events: list[str] = []

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        events.append(f"started {app.title}")
        yield
        events.append("stopped")

    app = create_http_app(service="order", version="1", metrics=metrics, lifespan=lifespan)
    async with app.router.lifespan_context(app):
        assert events == ["started OMS order service"]

    assert events == ["started OMS order service", "stopped"]
