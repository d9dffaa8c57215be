"""The query API (`/api`): order search and detail, stock, rejections, ledger, overview.

Thin: parse the query, read the views in one consistent snapshot, answer. A missing order is a
404 problem; a database that does not answer, or views a rebuild has not finished filling, a 503
problem.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta, timezone
from enum import Enum
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request

from oms.common.v1.channel_pb2 import Channel
from oms.order.v1.order_pb2 import OrderStatus
from oms_platform.http import FieldError, NotFound, Problem, UnprocessableContent, problem_responses, problem_type
from services.projection.adapters.view_store import Session, ViewStoreUnavailable
from services.projection.application.fact import iso_time
from services.projection.application.queries.ledger import order_ledger
from services.projection.application.queries.orders import (
    OrderFilter,
    order_detail,
    order_id_for_number,
    search_orders,
)
from services.projection.application.queries.overview import overview
from services.projection.application.queries.rejections import recent_rejections
from services.projection.application.queries.stock import availability, stock_levels
from services.projection.application.views.common import enum_name
from services.projection.entrypoints import schemas

router = APIRouter(prefix="/api", tags=["query views"], responses=problem_responses(422, 503))


def _names(enum_type: Any) -> dict[str, str]:  # a protoc enum (its wrapper is untyped)
    return {name: name for name in (enum_name(enum_type, n) for n in enum_type.values()) if name != "unspecified"}


# The members are the contract enums' names, read at import time: mypy cannot list them (misc).
OrderStatusName = Enum("OrderStatusName", _names(OrderStatus), type=str)  # type: ignore[misc]
ChannelName = Enum("ChannelName", _names(Channel), type=str)  # type: ignore[misc]


@contextmanager
def _reading(request: Request) -> Iterator[Session]:
    completeness = getattr(request.app.state, "views_completeness", None)
    if completeness is not None and completeness.problem:
        # Half-full views would answer wrongly, not merely late: an order missing, counts too low.
        raise Problem(503, completeness.problem, title="Views incomplete", type=problem_type("views-incomplete"))
    try:
        with request.app.state.views.read() as session:
            yield session
    except ViewStoreUnavailable as error:
        raise Problem(503, f"The views cannot be read right now: {error}", title="Views unavailable",
                      type=problem_type("views-unavailable")) from None


@router.get("/orders", response_model=schemas.OrderPage, summary="Search orders")
def list_orders(
    request: Request,
    q: Annotated[str | None, Query(max_length=200,
                                   description="Order number, customer name, phone or channel order id")] = None,
    status: OrderStatusName | None = None,
    channel: ChannelName | None = None,
    customer_id: Annotated[str | None, Query(max_length=200)] = None,
    created_from: Annotated[str | None, Query(alias="from", description="Date or time, inclusive")] = None,
    created_to: Annotated[str | None, Query(alias="to",
                                            description="Date (whole day included) or time, exclusive")] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> dict:
    wanted = OrderFilter(
        text=q, status=status.value if status else None, channel=channel.value if channel else None,
        customer_id=customer_id, created_from=_time_bound("from", created_from, end=False),
        created_to=_time_bound("to", created_to, end=True), limit=limit, offset=offset,
    )
    with _reading(request) as session:
        items, total = search_orders(session, wanted)
    return {"items": items, "total": total, "limit": limit, "offset": offset}


@router.get("/orders/by-number/{order_number}", response_model=schemas.OrderDetail, responses=problem_responses(404),
            summary="One order by its OMS order number")
def get_order_by_number(request: Request, order_number: str) -> dict:
    with _reading(request) as session:
        order_id = order_id_for_number(session, order_number)
        detail = order_detail(session, order_id) if order_id else None
    if detail is None:
        raise NotFound("order", order_number, f"no order numbered {order_number!r}")
    return detail


@router.get("/orders/{order_id}", response_model=schemas.OrderDetail, responses=problem_responses(404),
            summary="One order: lines, timeline, checkpoints, shipments, ledger")
def get_order(request: Request, order_id: str) -> dict:
    with _reading(request) as session:
        detail = order_detail(session, order_id)
    if detail is None:
        raise NotFound("order", order_id)
    return detail


@router.get("/inventory", response_model=list[schemas.StockLevel], summary="Stock per SKU and warehouse")
def list_inventory(request: Request, sku: str | None = None, warehouse_id: str | None = None,
                   low_stock: bool = False, limit: Annotated[int, Query(ge=1, le=2000)] = 500) -> list:
    with _reading(request) as session:
        return stock_levels(session, sku=sku, warehouse_id=warehouse_id, low_only=low_stock, limit=limit)


@router.get("/availability", response_model=list[schemas.Availability], summary="Available to sell per SKU")
def list_availability(request: Request, sku: str | None = None,
                      limit: Annotated[int, Query(ge=1, le=2000)] = 500) -> list:
    with _reading(request) as session:
        return availability(session, sku=sku, limit=limit)


@router.get("/rejections", response_model=list[schemas.Rejection], summary="Rejected channel orders, newest first")
def list_rejections(request: Request, limit: Annotated[int, Query(ge=1, le=500)] = 50,
                    offset: Annotated[int, Query(ge=0)] = 0) -> list:
    with _reading(request) as session:
        return recent_rejections(session, limit=limit, offset=offset)


@router.get("/ledger/orders/{order_id}", response_model=schemas.OrderLedger, responses=problem_responses(404),
            summary="An order's journal lines and balances")
def get_order_ledger(request: Request, order_id: str) -> dict:
    with _reading(request) as session:
        known = session.one("SELECT 1 AS known FROM orders WHERE order_id = ?", (order_id,))
        ledger = order_ledger(session, order_id)
    if known is None and not ledger["entries"]:
        raise NotFound("order", order_id)
    return ledger


@router.get("/overview", response_model=schemas.Overview, summary="Counts for the dashboard")
def get_overview(
    request: Request,
    utc_offset_minutes: Annotated[int, Query(ge=-14 * 60, le=14 * 60,
                                             description="The operator's offset from UTC; sets when today began")] = 0,
) -> dict:
    local = timezone(timedelta(minutes=utc_offset_minutes))
    day_start = datetime.now(local).replace(hour=0, minute=0, second=0, microsecond=0)
    with _reading(request) as session:
        return overview(session, day_started_at=iso_time(day_start))


def _time_bound(name: str, value: str | None, *, end: bool) -> str | None:
    """A date or a time as view time text; a date as `to` includes that whole day."""
    if not value:
        return None
    try:
        if len(value) == 10:
            moment = datetime.combine(date.fromisoformat(value), datetime.min.time(), UTC)
            return iso_time(moment + timedelta(days=1) if end else moment)
        return iso_time(datetime.fromisoformat(value))
    except ValueError:
        error = FieldError(name, "invalid-time", "expected 2026-11-22 or 2026-11-22T08:00:00+08:00", "query")
        raise UnprocessableContent(f"`{name}` is not a date or time", [error], slug="validation-error",
                                   title="The request is invalid") from None
