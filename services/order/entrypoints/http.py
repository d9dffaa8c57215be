"""The order endpoints: read an order, list the review queue, and staff's commands (O1, O3, O6)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated

from fastapi import APIRouter, Header, Query, Request

from oms_platform.http import Conflict, NotFound, problem_responses
from oms_platform.service import service_application
from services.order.application.service import OrderApplication, OrderNotFound
from services.order.domain.status import IllegalTransition, OrderStatus
from services.order.domain.values import Actor, ActorRole
from services.order.entrypoints.requests import AddressChangeRequest, CancelRequest, HoldRequest, ReleaseRequest
from services.order.entrypoints.views import OrderList, OrderView, order_view, summary_view

router = APIRouter(prefix="/orders", tags=["orders"])

READ_PROBLEMS = problem_responses(404, 422)
COMMAND_PROBLEMS = problem_responses(400, 404, 409, 422)

ActorHeader = Annotated[str, Header(alias="X-Actor", pattern=r"^[A-Za-z0-9._@-]{1,64}$",
                                    description="Who acts (audited); 'staff' when absent")]


def _app(request: Request) -> OrderApplication:
    return service_application(request, OrderApplication)


def _staff(actor: str) -> Actor:
    return Actor(actor, ActorRole.CUSTOMER_SERVICE)


@contextmanager
def _problems(order_id: uuid.UUID) -> Iterator[None]:
    try:
        yield
    except OrderNotFound:
        raise NotFound("order", str(order_id)) from None
    except IllegalTransition as refused:
        raise Conflict(str(refused), slug="illegal-transition", extensions={
            "current_status": refused.current, "target_status": refused.target, "command": refused.command,
        }) from None


@router.get("/{order_id}", response_model=OrderView, responses=READ_PROBLEMS)
def get_order(order_id: uuid.UUID, request: Request) -> OrderView:
    with _problems(order_id):
        return order_view(_app(request).order(order_id))


@router.get("", response_model=OrderList, responses=problem_responses(422))
def list_orders(request: Request, status: OrderStatus | None = None,
                limit: Annotated[int, Query(ge=1, le=500)] = 50) -> OrderList:
    """Orders in a status, longest waiting first: `?status=ON_HOLD` is the manual review queue."""
    return OrderList(orders=[summary_view(s) for s in _app(request).orders(status, limit)])


@router.post("/{order_id}/cancel", response_model=OrderView, responses=COMMAND_PROBLEMS)
def cancel_order(order_id: uuid.UUID, body: CancelRequest, request: Request,
                 actor: ActorHeader = "staff") -> OrderView:
    """Cancel before anything was dispatched: stock is released, shipments cancelled, paid money refunded."""
    with _problems(order_id):
        return order_view(_app(request).cancel(order_id, body.reason, body.detail, _staff(actor)))


@router.post("/{order_id}/approve", response_model=OrderView, responses=COMMAND_PROBLEMS)
def approve_order(order_id: uuid.UUID, request: Request, actor: ActorHeader = "staff") -> OrderView:
    """Approve a held order (or one under review); stock is reserved next."""
    with _problems(order_id):
        return order_view(_app(request).approve(order_id, _staff(actor)))


@router.post("/{order_id}/hold", response_model=OrderView, responses=COMMAND_PROBLEMS)
def hold_order(order_id: uuid.UUID, body: HoldRequest, request: Request, actor: ActorHeader = "staff") -> OrderView:
    """Put an order that is not yet approved on hold, into the manual review queue."""
    with _problems(order_id):
        return order_view(_app(request).hold(order_id, body.reason, body.detail, _staff(actor)))


@router.post("/{order_id}/release", response_model=OrderView, responses=COMMAND_PROBLEMS)
def release_order(order_id: uuid.UUID, request: Request, body: ReleaseRequest | None = None,
                  actor: ActorHeader = "staff") -> OrderView:
    """Lift the hold: the order goes on from where it was held (a review hold counts as approval)."""
    with _problems(order_id):
        return order_view(_app(request).release(order_id, body.note if body else "", _staff(actor)))


@router.post("/{order_id}/address", response_model=OrderView, responses=COMMAND_PROBLEMS)
def change_address(order_id: uuid.UUID, body: AddressChangeRequest, request: Request,
                   actor: ActorHeader = "staff") -> OrderView:
    """Change the delivery address before anything was dispatched."""
    contact = body.contact.to_domain() if body.contact else None
    with _problems(order_id):
        return order_view(_app(request).change_address(order_id, body.shipping_address.to_domain(), contact,
                                                       _staff(actor)))
