"""HTTP intake for web forms and staff (I1): orders, their updates, and the rejections kept (I2)."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Query, Request, Response

from oms_platform.http import Conflict, FieldError, NotFound, Problem, UnprocessableContent, problem_responses
from oms_platform.service import service_application
from services.ingest.adapters.reported_amounts import ReportedAmounts
from services.ingest.application.intake import Refused
from services.ingest.application.service import IngestApplication
from services.ingest.domain.delivery import HTTP, Delivery
from services.ingest.domain.errors import ChannelOrderContentDiffers, UpdateAlreadyRejected
from services.ingest.domain.rejection import Rejection
from services.ingest.domain.rejection_reasons import RejectionCode
from services.ingest.domain.reported_order import ChannelOrderRef
from services.ingest.entrypoints.order_forms import ChannelOrderForm, ChannelOrderUpdateForm
from services.ingest.entrypoints.refused_input import KeptRefusalRoute
from services.ingest.entrypoints.views import (
    ChannelOrderView,
    OrderTakenView,
    RejectionDetailView,
    RejectionView,
    UpdateTakenView,
)

JSON = "application/json"

router = APIRouter(prefix="/intake", tags=["intake"], route_class=KeptRefusalRoute)


def _app(request: Request) -> IngestApplication:
    return service_application(request, IngestApplication)


@router.post(
    "/orders", status_code=201, response_model=OrderTakenView,
    responses={
        201: {"description": "Accepted as a new order, with its order number"},
        200: {"description": "The same channel order was accepted before; this is that order", "model": OrderTakenView},
        **problem_responses(400, 409, 422),
    },
)
async def submit_order(form: ChannelOrderForm, request: Request, response: Response) -> OrderTakenView:
    """Accept a channel order; 422 lists every reason it was rejected (the rejection is kept)."""
    delivery = Delivery(HTTP, "", await request.body(), JSON)
    amounts = ReportedAmounts()
    order = form.to_domain(amounts)
    try:
        outcome = await _app(request).submit_order(order, delivery, amounts.unreadable)
    except ChannelOrderContentDiffers as error:
        raise Conflict(str(error), slug="channel-order-content-differs",
                       extensions={"order_id": error.order_id, "order_number": error.order_number}) from None
    if isinstance(outcome, Refused):
        raise _rejected(outcome.rejection)
    if not outcome.first_time:
        response.status_code = 200
    return OrderTakenView.of(outcome.order)


@router.post(
    "/orders/{channel_account}/{channel_order_id}/updates", response_model=UpdateTakenView,
    responses={
        200: {"description": "Applied now, or earlier under the same update id"},
        **problem_responses(400, 404, 409, 422),
    },
)
async def submit_update(
    channel_account: str, channel_order_id: str, form: ChannelOrderUpdateForm, request: Request
) -> UpdateTakenView:
    """Apply a channel update (paid, cancelled, address changed); the same update id again is a no-op."""
    delivery = Delivery(HTTP, "", await request.body(), JSON)
    ref = ChannelOrderRef("", channel_account, channel_order_id)
    amounts = ReportedAmounts()
    update = form.to_domain(amounts)
    try:
        outcome = await _app(request).submit_update(ref, update, delivery, amounts.unreadable)
    except UpdateAlreadyRejected as error:
        raise Conflict(str(error), slug="update-already-rejected",
                       extensions={"rejection_id": error.rejection_id}) from None
    if isinstance(outcome, Refused):
        raise _rejected(outcome.rejection)
    order = outcome.order
    return UpdateTakenView(order_id=order.order_id, order_number=order.order_number, update_id=outcome.update_id)


@router.get("/orders/{order_id}", response_model=ChannelOrderView, responses=problem_responses(404, 422))
def get_order(order_id: uuid.UUID, request: Request) -> ChannelOrderView:
    order = _app(request).channel_order(str(order_id))
    if order is None:
        raise NotFound("order", str(order_id))
    return ChannelOrderView.of(order)


@router.get("/rejections", response_model=list[RejectionView], responses=problem_responses(422))
def list_rejections(
    request: Request,
    limit: int = Query(50, ge=1, le=500),
    channel_account: str | None = Query(None, max_length=128),
) -> list[RejectionView]:
    """Rejected orders and updates, newest first, with every reason."""
    return [RejectionView.of(r) for r in _app(request).rejections(limit, channel_account)]


@router.get("/rejections/{rejection_id}", response_model=RejectionDetailView, responses=problem_responses(404, 422))
def get_rejection(rejection_id: uuid.UUID, request: Request) -> RejectionDetailView:
    rejection = _app(request).rejection(str(rejection_id))
    if rejection is None:
        raise NotFound("rejection", str(rejection_id))
    return RejectionDetailView.of(rejection)


def _rejected(rejection: Rejection) -> Problem:
    """404 for an update of an order never accepted, else 422 naming every field at fault."""
    reasons = rejection.reasons
    if any(reason.code == RejectionCode.UNKNOWN_CHANNEL_ORDER for reason in reasons):
        ref = rejection.channel_order
        return NotFound("channel order", f"{ref.channel_account}:{ref.channel_order_id}",
                        detail=f"no accepted channel order {ref.channel_account}:{ref.channel_order_id}; "
                               f"the update is kept as rejection {rejection.rejection_id}")
    count = len(reasons)
    return UnprocessableContent(
        f"The {rejection.subject} was rejected for {count} reason{'s' if count != 1 else ''}; "
        f"it is kept as rejection {rejection.rejection_id}.",
        [FieldError(r.field_path, r.code, r.message, location="body") for r in reasons],
        slug=f"{rejection.subject}-rejected",
        title=f"The {rejection.subject} was rejected",
        extensions={"rejection_id": rejection.rejection_id},
    )
