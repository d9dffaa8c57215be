"""The query API, the command relay and the dashboard files, over HTTP in process (no broker)."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator

import httpx
import pytest

from oms.order.v1.order_pb2 import OrderStatus
from oms_platform.http import create_http_app
from oms_platform.metrics import ServiceMetrics
from services.projection.adapters.service_commands import ServiceCommands
from services.projection.entrypoints import command_api, dashboard, query_api
from tests.services.projection.messages import ORDER_EVENTS, new_order_id, order_placed, order_status_event, record


class FakeServices:
    """Stands in for the order and fulfillment services' HTTP APIs; records what reached them."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []
        self.answers: dict[str, httpx.Response] = {}
        self.down = False

    def handle(self, request: httpx.Request) -> httpx.Response:
        if self.down:
            raise httpx.ConnectError("connection refused", request=request)
        self.requests.append(request)
        return self.answers.get(request.url.path, httpx.Response(200, json={"accepted": request.url.path}))


@pytest.fixture
async def services() -> FakeServices:
    return FakeServices()


@pytest.fixture
async def client(views, services: FakeServices) -> AsyncIterator[httpx.AsyncClient]:
    http = create_http_app(service="projection", version="test", metrics=ServiceMetrics("projection"),
                           routers=[query_api.router, command_api.router, dashboard.router])
    http.state.views = views
    http.state.commands = ServiceCommands(
        {"order": "http://order.test", "fulfillment": "http://fulfillment.test"}, timeout_seconds=5,
        transport=httpx.MockTransport(services.handle))
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=http), base_url="http://projection") as client:
        yield client
    await http.state.commands.close()


@pytest.fixture
def placed_order(projector) -> str:
    order_id = new_order_id()
    projector.project(record(ORDER_EVENTS, order_placed(order_id, number="SO-42"), aggregate_id=order_id, version=1))
    approved = order_status_event(order_id, "OrderApproved", OrderStatus.ORDER_STATUS_APPROVED)
    projector.project(record(ORDER_EVENTS, approved, aggregate_id=order_id, version=2))
    return order_id


async def test_orders_are_searched_and_shown(client, placed_order):
    page = (await client.get("/api/orders", params={"q": "SO-42", "status": "approved"})).json()
    assert page["total"] == 1 and page["items"][0]["order_id"] == placed_order
    detail = (await client.get(f"/api/orders/{placed_order}")).json()
    assert detail["status"] == "approved" and len(detail["checkpoints"]) == 9
    assert [e["title"] for e in detail["timeline"]] == ["Order placed", "Order approved"]
    assert (await client.get("/api/orders/by-number/SO-42")).json()["order_id"] == placed_order
    day = (await client.get("/api/orders", params={"from": "2026-11-22", "to": "2026-11-22"})).json()
    assert day["total"] == 1


async def test_unknown_orders_are_404_problems(client):
    for path in ("/api/orders/nope", "/api/orders/by-number/SO-0", "/api/ledger/orders/nope"):
        answer = await client.get(path)
        assert answer.status_code == 404
        assert answer.headers["content-type"] == "application/problem+json"
        assert answer.json()["type"] == "https://oms.example/problems/not-found"


async def test_bad_query_parameters_are_422_problems_naming_the_field(client):
    bad_status = await client.get("/api/orders", params={"status": "teleported"})
    bad_date = await client.get("/api/orders", params={"from": "yesterday"})
    assert bad_status.status_code == bad_date.status_code == 422
    assert bad_status.json()["errors"][0]["field"] == "status"
    assert bad_date.json()["errors"][0]["field"] == "from"


async def test_overview_inventory_rejections_and_ledger_answer_on_empty_views(client, placed_order):
    overview = (await client.get("/api/overview", params={"utc_offset_minutes": 480})).json()
    assert overview["orders_by_status"] == {"approved": 1}
    assert (await client.get("/api/inventory", params={"sku": "SKU-NONE"})).json() == []
    assert (await client.get("/api/rejections", params={"limit": 5})).json() == []
    ledger = (await client.get(f"/api/ledger/orders/{placed_order}")).json()
    assert ledger == {"order_id": placed_order, "entries": [], "balances": [], "balanced": True}


async def test_a_shipment_command_goes_to_fulfillment_with_body_actor_and_correlation(client, services):
    answer = await client.post("/api/commands/shipments/shp-1/dispatch", json={"carrier_code": "SF"},
                               headers={"X-Actor": "wang.wei", "X-Correlation-ID": "corr-1"})
    assert answer.status_code == 200 and answer.json() == {"accepted": "/shipments/shp-1/dispatch"}
    [sent] = services.requests
    assert str(sent.url) == "http://fulfillment.test/shipments/shp-1/dispatch"
    assert json.loads(sent.content) == {"carrier_code": "SF"}
    assert (sent.headers["x-actor"], sent.headers["x-correlation-id"]) == ("wang.wei", "corr-1")


async def test_start_picking_goes_to_fulfillment_like_the_other_shipment_steps(client, services):
    answer = await client.post("/api/commands/shipments/shp-1/start-picking", headers={"X-Actor": "li.na"})
    assert answer.status_code == 200 and answer.json() == {"accepted": "/shipments/shp-1/start-picking"}
    [sent] = services.requests
    assert (str(sent.url), sent.headers["x-actor"]) == (
        "http://fulfillment.test/shipments/shp-1/start-picking", "li.na")


async def test_the_owning_services_problem_comes_back_unchanged(client, services):
    problem = {"type": "https://oms.example/problems/conflict", "title": "Not allowed", "status": 409,
               "detail": "order SO-42 is shipped", "instance": "/orders/o-1/cancel", "request_id": "r"}
    services.answers["/orders/o-1/cancel"] = httpx.Response(
        409, content=json.dumps(problem).encode(), headers={"content-type": "application/problem+json"})
    answer = await client.post("/api/commands/orders/o-1/cancel")
    assert answer.status_code == 409
    assert answer.headers["content-type"] == "application/problem+json"
    assert answer.json() == problem
    assert services.requests[0].content == b"{}"


async def test_unknown_commands_are_refused_and_a_silent_service_is_a_502(client, services):
    assert (await client.post("/api/commands/orders/o-1/teleport")).status_code == 422
    services.down = True
    answer = await client.post("/api/commands/orders/o-1/approve")
    assert answer.status_code == 502
    assert answer.json()["service"] == "order"
    assert services.requests == []


async def test_the_dashboard_is_served_at_the_root(client):
    page = await client.get("/")
    assert page.status_code == 200 and "<title>OMS dashboard</title>" in page.text
    assert (await client.get("/dashboard/app.js")).headers["content-type"].startswith("text/javascript")
    assert (await client.get("/dashboard/secrets.txt")).status_code == 404


async def test_the_openapi_document_lists_the_query_and_command_endpoints(client):
    paths = (await client.get("/openapi.json")).json()["paths"]
    assert {"/api/orders", "/api/orders/{order_id}", "/api/orders/by-number/{order_number}", "/api/inventory",
            "/api/rejections", "/api/ledger/orders/{order_id}", "/api/overview",
            "/api/commands/orders/{order_id}/{command}",
            "/api/commands/shipments/{shipment_id}/{command}"} <= set(paths)
