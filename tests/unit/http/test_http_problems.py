"""Every error leaves the shell as RFC 9457 problem details with the request id."""

from __future__ import annotations

import pytest
from fastapi import APIRouter, FastAPI
from pydantic import BaseModel
from starlette.responses import StreamingResponse

from oms_platform.http import (
    PROBLEM_MEDIA_TYPE,
    Conflict,
    FieldError,
    NotFound,
    UnprocessableContent,
    create_http_app,
    problem_type,
)
from oms_platform.metrics import ServiceMetrics


class OrderLine(BaseModel):
    sku: str
    quantity: int


class Customer(BaseModel):
    name: str
    phone: str


class PlaceOrder(BaseModel):
    customer: Customer
    lines: list[OrderLine]


def orders_app(metrics: ServiceMetrics) -> FastAPI:
    router = APIRouter(prefix="/orders")

    @router.post("")
    async def place_order(command: PlaceOrder) -> dict[str, str]:
        return {"order_id": "o-1"}

    @router.get("/{order_id}")
    async def get_order(order_id: str, limit: int = 10) -> dict[str, str]:
        raise NotFound("order", order_id)

    @router.post("/{order_id}/ship")
    def ship_order(order_id: str) -> None:
        raise Conflict(
            f"order {order_id} cannot ship before it is packed",
            slug="order-not-packed",
            extensions={"state": "placed"},
        )

    @router.post("/{order_id}/lines")
    async def add_line(order_id: str) -> None:
        raise UnprocessableContent(
            "the order would exceed 100 lines",
            [FieldError(field="lines", code="too_many", message="at most 100 lines")],
        )

    @router.get("/{order_id}/explode")
    async def explode(order_id: str) -> None:
        raise RuntimeError("password=hunter2 leaked in a stack frame")

    return create_http_app(service="order", version="1.2.3", metrics=metrics, routers=[router])


async def test_invalid_body_names_each_bad_field(metrics, client_for) -> None:
    client = client_for(orders_app(metrics))

    response = await client.post(
        "/orders",
        json={"customer": {"name": "Ada"}, "lines": [{"sku": "A"}, {"sku": "B", "quantity": "many"}]},
    )

    assert response.status_code == 422
    assert response.headers["content-type"] == PROBLEM_MEDIA_TYPE
    problem = response.json()
    assert problem["type"] == problem_type("validation-error")
    assert problem["status"] == 422
    assert problem["instance"] == "/orders"
    assert {(e["location"], e["field"], e["code"]) for e in problem["errors"]} == {
        ("body", "customer.phone", "missing"),
        ("body", "lines[0].quantity", "missing"),
        ("body", "lines[1].quantity", "int_parsing"),
    }
    assert all(e["message"] for e in problem["errors"])


async def test_invalid_query_parameter_keeps_its_location(metrics, client_for) -> None:
    client = client_for(orders_app(metrics))

    response = await client.get("/orders/o-1", params={"limit": "lots"})

    assert response.status_code == 422
    [error] = response.json()["errors"]
    assert (error["location"], error["field"]) == ("query", "limit")


async def test_malformed_json_is_400_naming_the_position(metrics, client_for) -> None:
    client = client_for(orders_app(metrics))

    response = await client.post(
        "/orders", content=b'{"customer": {"name": }', headers={"content-type": "application/json"}
    )

    assert response.status_code == 400
    assert response.headers["content-type"] == PROBLEM_MEDIA_TYPE
    problem = response.json()
    assert problem["type"] == problem_type("malformed-json")
    assert problem["position"] == 22
    assert "position 22" in problem["detail"]


async def test_unknown_route_is_a_404_problem(metrics, client_for) -> None:
    client = client_for(orders_app(metrics))

    response = await client.get("/no/such/thing")

    assert response.status_code == 404
    assert response.headers["content-type"] == PROBLEM_MEDIA_TYPE
    problem = response.json()
    assert problem["type"] == "about:blank"
    assert problem["title"] == "Not Found"
    assert problem["instance"] == "/no/such/thing"
    assert problem["request_id"] == response.headers["x-request-id"]


async def test_wrong_method_is_a_405_problem_with_allow(metrics, client_for) -> None:
    client = client_for(orders_app(metrics))

    response = await client.delete("/orders")

    assert response.status_code == 405
    assert response.headers["content-type"] == PROBLEM_MEDIA_TYPE
    assert response.headers["allow"] == "POST"


async def test_not_found_raised_in_a_route(metrics, client_for) -> None:
    client = client_for(orders_app(metrics))

    response = await client.get("/orders/o-404")

    assert response.status_code == 404
    problem = response.json()
    assert problem["type"] == problem_type("not-found")
    assert (problem["resource"], problem["resource_id"]) == ("order", "o-404")


async def test_conflict_raised_in_a_sync_route(metrics, client_for) -> None:
    client = client_for(orders_app(metrics))

    response = await client.post("/orders/o-7/ship", headers={"X-Request-ID": "req-7"})

    assert response.status_code == 409
    assert response.headers["content-type"] == PROBLEM_MEDIA_TYPE
    assert response.headers["x-request-id"] == "req-7"
    problem = response.json()
    assert problem["type"] == problem_type("order-not-packed")
    assert problem["detail"] == "order o-7 cannot ship before it is packed"
    assert problem["state"] == "placed"
    assert problem["instance"] == "/orders/o-7/ship"
    assert problem["request_id"] == "req-7"


async def test_business_rule_violation_names_fields(metrics, client_for) -> None:
    client = client_for(orders_app(metrics))

    response = await client.post("/orders/o-1/lines")

    assert response.status_code == 422
    problem = response.json()
    assert problem["type"] == problem_type("business-rule-violation")
    assert problem["errors"] == [{"field": "lines", "code": "too_many", "message": "at most 100 lines"}]


async def test_unhandled_error_is_a_generic_500_and_logged_with_traceback(
    metrics, client_for, log_lines
) -> None:
    client = client_for(orders_app(metrics))

    response = await client.get("/orders/o-1/explode")

    assert response.status_code == 500
    assert response.headers["content-type"] == PROBLEM_MEDIA_TYPE
    request_id = response.headers["x-request-id"]
    problem = response.json()
    assert problem["type"] == problem_type("internal-error")
    assert problem["request_id"] == request_id
    assert "hunter2" not in response.text
    assert "Traceback" not in response.text
    [error] = [line for line in log_lines() if line["event"] == "unhandled error"]
    assert error["level"] == "error"
    assert error["request_id"] == request_id
    assert "Traceback" in error["exception"] and "hunter2" in error["exception"]


def test_extensions_cannot_redefine_standard_members() -> None:
    with pytest.raises(ValueError, match="status"):
        Conflict("no", extensions={"status": 200})


async def test_error_after_the_response_started_is_not_masked(metrics, client_for, log_lines) -> None:
    router = APIRouter()

    async def rows():
        yield b"first row\n"
        raise RuntimeError("store went away mid-stream")

    @router.get("/export")
    async def export() -> StreamingResponse:
        return StreamingResponse(rows())

    client = client_for(create_http_app(service="order", version="1", metrics=metrics, routers=[router]))

    # Headers are already out: no problem body can follow, so the error reaches the server.
    with pytest.raises(RuntimeError, match="mid-stream"):
        await client.get("/export")
    [error] = [line for line in log_lines() if line["event"] == "unhandled error"]
    assert "mid-stream" in error["exception"]
