"""Request and correlation ids: accepted or generated, echoed, and visible to the work a request does."""

from __future__ import annotations

import threading
import uuid

import pytest
from fastapi import APIRouter, FastAPI

from oms_platform.http import create_http_app
from oms_platform.messaging.context import current_context
from oms_platform.metrics import ServiceMetrics


def context_app(metrics: ServiceMetrics) -> FastAPI:
    router = APIRouter()

    @router.get("/context/sync")
    def sync_context() -> dict[str, object]:
        # FastAPI runs sync endpoints in a worker thread; the ids must have been copied into it.
        context = current_context()
        return {
            "correlation_id": context and context.correlation_id,
            "causation_id": context and context.causation_id,
            "in_worker_thread": threading.current_thread() is not threading.main_thread(),
        }

    @router.get("/context/async")
    async def async_context() -> dict[str, object]:
        context = current_context()
        return {"correlation_id": context and context.correlation_id}

    @router.get("/orders/{order_id}")
    async def get_order(order_id: str) -> dict[str, str]:
        return {"order_id": order_id}

    return create_http_app(service="order", version="1", metrics=metrics, routers=[router])


async def test_request_id_is_generated_and_echoed(metrics, client_for) -> None:
    client = client_for(context_app(metrics))

    response = await client.get("/orders/o-1")

    request_id = response.headers["x-request-id"]
    assert uuid.UUID(request_id).version == 4
    assert response.headers["x-correlation-id"] == request_id


async def test_sane_ids_from_the_client_are_kept(metrics, client_for) -> None:
    client = client_for(context_app(metrics))

    response = await client.get(
        "/orders/o-1", headers={"X-Request-ID": "edge:01.abc_9-z", "X-Correlation-ID": "checkout-42"}
    )

    assert response.headers["x-request-id"] == "edge:01.abc_9-z"
    assert response.headers["x-correlation-id"] == "checkout-42"


@pytest.mark.parametrize("bad_id", ["has space", "semi;colon", "x" * 129, "ünïcode", "new\\nline"])
async def test_unsafe_request_id_is_replaced(metrics, client_for, bad_id: str) -> None:
    client = client_for(context_app(metrics))

    response = await client.get(
        "/orders/o-1", headers={"X-Request-ID": bad_id.encode("utf-8"), "X-Correlation-ID": bad_id.encode()}
    )

    request_id = response.headers["x-request-id"]
    assert request_id != bad_id
    assert uuid.UUID(request_id).version == 4
    assert response.headers["x-correlation-id"] == request_id


async def test_request_id_of_exactly_128_characters_is_kept(metrics, client_for) -> None:
    client = client_for(context_app(metrics))

    response = await client.get("/orders/o-1", headers={"X-Request-ID": "r" * 128})

    assert response.headers["x-request-id"] == "r" * 128


async def test_sync_endpoint_sees_the_message_context(metrics, client_for) -> None:
    client = client_for(context_app(metrics))

    response = await client.get(
        "/context/sync", headers={"X-Request-ID": "req-1", "X-Correlation-ID": "corr-1"}
    )

    assert response.json() == {"correlation_id": "corr-1", "causation_id": "req-1", "in_worker_thread": True}


async def test_async_endpoint_sees_the_message_context(metrics, client_for) -> None:
    client = client_for(context_app(metrics))

    response = await client.get("/context/async", headers={"X-Correlation-ID": "corr-2"})

    assert response.json() == {"correlation_id": "corr-2"}


async def test_context_does_not_outlive_the_request(metrics, client_for) -> None:
    client = client_for(context_app(metrics))

    await client.get("/context/async", headers={"X-Correlation-ID": "corr-3"})

    assert current_context() is None


async def test_access_log_line_has_route_template_status_and_ids(metrics, client_for, log_lines) -> None:
    client = client_for(context_app(metrics))

    await client.get("/orders/o-9", headers={"X-Request-ID": "req-9", "X-Correlation-ID": "corr-9"})

    [access] = [line for line in log_lines() if line.get("logger") == "oms.http.access"]
    assert access["route"] == "/orders/{order_id}"
    assert access["path"] == "/orders/o-9"
    assert (access["method"], access["status"]) == ("GET", 200)
    assert (access["request_id"], access["correlation_id"]) == ("req-9", "corr-9")
    assert access["service"] == "order"
    assert access["duration_ms"] >= 0
