"""The tracking service's Kafka entrypoint: the upstream events it consumes, translated at the edge.

Each consumed contract message becomes a command of `application/commands.py` (protobuf stops
here) that `application/handlers.py` handles. What cannot be translated is dead-lettered with its
reason, prefixed with the message type: an order id that is not a UUID, a shipment event without a
shipment id, a cash-on-delivery amount whose currency is not an ISO 4217 code.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import UTC, datetime

from google.protobuf.message import Message
from google.protobuf.timestamp_pb2 import Timestamp

from oms.common.v1.payment_pb2 import PAYMENT_METHOD_CASH_ON_DELIVERY
from oms.fulfillment.v1.fulfillment_events_pb2 import PickingStarted, ShipmentDispatched, ShipmentPicked
from oms.order.v1.lifecycle_events_pb2 import OrderApproved, OrderPlaced, PaymentConfirmed
from oms_platform.messaging.consumer import Handler, Inbound, translated
from services.tracking.adapters.translation import cash_on_delivery_amount, to_datetime
from services.tracking.application import handlers
from services.tracking.application.commands import (
    RecordDispatch,
    RecordOrderConfirmed,
    RecordPaymentCompleted,
    RecordPickingStarted,
    RecordReviewPassed,
)


def order_placed(message: OrderPlaced, inbound: Inbound) -> RecordOrderConfirmed:
    return RecordOrderConfirmed(
        order_id=_order_id(message.order_id),
        order_number=message.order_number,
        cash_on_delivery=message.payment_method == PAYMENT_METHOD_CASH_ON_DELIVERY,
        occurred_at=_occurred_at(message.accepted_at, inbound),
        upstream_event_id=inbound.envelope.event_id,
    )


def payment_confirmed(message: PaymentConfirmed, inbound: Inbound) -> RecordPaymentCompleted:
    return RecordPaymentCompleted(
        order_id=_order_id(message.order_id),
        cash_on_delivery=message.method == PAYMENT_METHOD_CASH_ON_DELIVERY,
        occurred_at=_occurred_at(message.paid_at, inbound),
        upstream_event_id=inbound.envelope.event_id,
    )


def order_approved(message: OrderApproved, inbound: Inbound) -> RecordReviewPassed:
    return RecordReviewPassed(
        order_id=_order_id(message.order_id),
        occurred_at=_occurred_at(message.approved_at, inbound),
        upstream_event_id=inbound.envelope.event_id,
    )


def picking_started(message: PickingStarted, inbound: Inbound) -> RecordPickingStarted:
    return RecordPickingStarted(
        order_id=_order_id(message.order_id),
        shipment_id=_shipment_id(message.shipment_id),
        warehouse_id=message.warehouse_id,
        occurred_at=_occurred_at(message.started_at, inbound),
        upstream_event_id=inbound.envelope.event_id,
    )


def shipment_picked(message: ShipmentPicked, inbound: Inbound) -> RecordPickingStarted:
    # A pick proves picking started; shipments picked before PickingStarted existed have only this.
    return RecordPickingStarted(
        order_id=_order_id(message.order_id),
        shipment_id=_shipment_id(message.shipment_id),
        warehouse_id="",
        occurred_at=_occurred_at(message.picked_at, inbound),
        upstream_event_id=inbound.envelope.event_id,
    )


def shipment_dispatched(message: ShipmentDispatched, inbound: Inbound) -> RecordDispatch:
    order_id, shipment_id = _order_id(message.order_id), _shipment_id(message.shipment_id)
    try:
        cash_on_delivery = cash_on_delivery_amount(message.cash_on_delivery_amount)
    except ValueError as error:
        raise ValueError(f"cash_on_delivery_amount: {error}") from error
    return RecordDispatch(
        order_id=order_id,
        shipment_id=shipment_id,
        warehouse_id=message.warehouse_id,
        carrier_code=message.carrier_code,
        tracking_numbers=tuple(message.tracking_numbers),
        cash_on_delivery=cash_on_delivery,
        occurred_at=_occurred_at(message.dispatched_at, inbound),
        upstream_event_id=inbound.envelope.event_id,
    )


# Each translation takes its own message class (a pairing the type checker cannot express).
HANDLERS: Mapping[type[Message], Handler] = {
    OrderPlaced: translated(order_placed, handlers.order_confirmed),
    PaymentConfirmed: translated(payment_confirmed, handlers.payment_completed),
    OrderApproved: translated(order_approved, handlers.review_passed),
    PickingStarted: translated(picking_started, handlers.picking_started),
    ShipmentPicked: translated(shipment_picked, handlers.picking_started),
    ShipmentDispatched: translated(shipment_dispatched, handlers.dispatch),
}


def _order_id(order_id: str) -> str:
    """The order id in its one spelling (timelines are keyed by it)."""
    try:
        return str(uuid.UUID(order_id))
    except ValueError:
        raise ValueError(f"order_id {order_id!r} is not a UUID") from None


def _shipment_id(shipment_id: str) -> str:
    if not shipment_id.strip():
        raise ValueError("shipment_id is empty")
    return shipment_id


def _occurred_at(timestamp: Timestamp, inbound: Inbound) -> datetime:
    """When the upstream fact happened: the message's own time, or, when the producer left that
    unset, when the envelope says the message was sent."""
    return to_datetime(timestamp, fallback=inbound.envelope.occurred_at.ToDatetime(tzinfo=UTC))
