"""What the tracking service does with each upstream event: a checkpoint on the order's timeline."""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Mapping
from datetime import UTC
from typing import Any

from google.protobuf.message import Message
from google.protobuf.timestamp_pb2 import Timestamp

from oms.common.v1.payment_pb2 import PAYMENT_METHOD_CASH_ON_DELIVERY
from oms.fulfillment.v1.fulfillment_events_pb2 import PickingStarted, ShipmentDispatched, ShipmentPicked
from oms.order.v1.lifecycle_events_pb2 import OrderApproved, OrderPlaced, PaymentConfirmed
from oms_kernel.money import InvalidAmount, Money
from oms_platform.messaging.consumer import Handler, Inbound, InvalidMessage
from services.tracking.adapters.translation import cash_on_delivery_amount, to_datetime
from services.tracking.application.service import TrackingApplication
from services.tracking.domain.carrier_codes import canonical_carrier_code, code_table, normal_tracking_number
from services.tracking.domain.carrier_events import CarrierEvent
from services.tracking.domain.checkpoints import Checkpoint, Source, TimelineEntry
from services.tracking.domain.errors import ShipmentAlreadyDelivered, TrackingNumberTaken
from services.tracking.domain.timeline import OrderTimeline, ShipmentTrack
from services.tracking.domain.tracking_numbers import DispatchedShipment, TrackingNumber
from services.tracking.domain.values import UNKNOWN_PLACE, warehouse_place


def order_placed(app: TrackingApplication, message: OrderPlaced, inbound: Inbound) -> list[Any]:
    timeline = _timeline(app, message.order_id)
    if message.payment_method == PAYMENT_METHOD_CASH_ON_DELIVERY:
        timeline.expect_cash_on_delivery()
    timeline.reach(_upstream_entry(
        Checkpoint.ORDER_CONFIRMED, message.accepted_at, inbound,
        description=f"Order {message.order_number} confirmed" if message.order_number else "Order confirmed",
    ))
    return [timeline]


def payment_confirmed(app: TrackingApplication, message: PaymentConfirmed, inbound: Inbound) -> list[Any]:
    timeline = _timeline(app, message.order_id)
    entry = _upstream_entry(Checkpoint.PAYMENT_COMPLETED, message.paid_at, inbound, description="Payment completed")
    timeline.confirm_payment(entry, on_delivery=message.method == PAYMENT_METHOD_CASH_ON_DELIVERY)
    return [timeline]


def order_approved(app: TrackingApplication, message: OrderApproved, inbound: Inbound) -> list[Any]:
    timeline = _timeline(app, message.order_id)
    timeline.reach(_upstream_entry(Checkpoint.REVIEW_PASSED, message.approved_at, inbound, description="Review passed"))
    return [timeline]


def picking_started(app: TrackingApplication, message: PickingStarted, inbound: Inbound) -> list[Any]:
    # Not PickListIssued: a list on the floor is not yet anyone picking.
    return _picking_started(app, message.order_id, message.shipment_id, message.started_at, inbound,
                            warehouse_id=message.warehouse_id)


def shipment_picked(app: TrackingApplication, message: ShipmentPicked, inbound: Inbound) -> list[Any]:
    # A pick proves picking started; shipments picked before PickingStarted existed have only this.
    return _picking_started(app, message.order_id, message.shipment_id, message.picked_at, inbound)


def shipment_dispatched(app: TrackingApplication, message: ShipmentDispatched, inbound: Inbound) -> list[Any]:
    timeline = _timeline(app, message.order_id)
    carrier = canonical_carrier_code(message.carrier_code)
    numbers = tuple(normal_tracking_number(n) for n in message.tracking_numbers if n.strip())
    shipment = ShipmentTrack(
        shipment_id=_shipment_id(message.shipment_id), warehouse_id=message.warehouse_id,
        carrier_code=carrier, tracking_numbers=numbers,
        cash_on_delivery=_cash_on_delivery(message),
    )
    timeline.dispatch(shipment, _upstream_entry(
        Checkpoint.OUTBOUND_SCAN, message.dispatched_at, inbound,
        shipment_id=shipment.shipment_id, place=warehouse_place(message.warehouse_id),
        carrier_code=carrier, tracking_number=next(iter(numbers), ""),
        description=f"Left warehouse {message.warehouse_id} with {carrier}",
    ))
    lookups: list[TrackingNumber | DispatchedShipment] = [
        _tracking_number(app, timeline, shipment, number) for number in numbers]
    if app.dispatched_shipment(shipment.shipment_id) is None:
        lookups.append(DispatchedShipment(shipment.shipment_id, timeline.order_id))
    return [timeline, *lookups]


# Each handler takes its own message class (a pairing the type checker cannot express).
HANDLERS: Mapping[type[Message], Handler] = {
    OrderPlaced: order_placed,
    PaymentConfirmed: payment_confirmed,
    OrderApproved: order_approved,
    PickingStarted: picking_started,
    ShipmentPicked: shipment_picked,
    ShipmentDispatched: shipment_dispatched,
}


def _picking_started(app: TrackingApplication, order_id: str, shipment_id: str, when: Timestamp,
                     inbound: Inbound, *, warehouse_id: str = "") -> list[Any]:
    timeline = _timeline(app, order_id)
    timeline.reach(_upstream_entry(
        Checkpoint.PICKING_STARTED, when, inbound, shipment_id=_shipment_id(shipment_id),
        place=warehouse_place(warehouse_id), description="Picking started",
    ))
    return [timeline]


def _tracking_number(app: TrackingApplication, timeline: OrderTimeline, shipment: ShipmentTrack,
                     tracking_number: str) -> TrackingNumber:
    number = app.tracking_number(shipment.carrier_code, tracking_number) or TrackingNumber(
        shipment.carrier_code, tracking_number
    )
    try:
        number.assign(timeline.order_id, shipment.shipment_id)
    except TrackingNumberTaken as taken:
        raise InvalidMessage(str(taken)) from None
    for report in sorted(number.release_held(), key=lambda held: held.occurred_at):
        _place_held_report(timeline, shipment.shipment_id, report)
    return number


def _place_held_report(timeline: OrderTimeline, shipment_id: str, report: CarrierEvent) -> None:
    checkpoint = code_table(report.carrier_code).checkpoint_for(report.raw_code, report.description)
    # a scan after delivery adds nothing; it stays in the tracking number's history
    with contextlib.suppress(ShipmentAlreadyDelivered):
        timeline.take_carrier_event(shipment_id, report, checkpoint)


def _cash_on_delivery(message: ShipmentDispatched) -> Money | None:
    try:
        return cash_on_delivery_amount(message.cash_on_delivery_amount)
    except InvalidAmount as error:  # a currency that is no ISO 4217 code: the amount is unknown
        raise InvalidMessage(f"cash_on_delivery_amount: {error}") from None


def _timeline(app: TrackingApplication, order_id: str) -> OrderTimeline:
    try:
        canonical = str(uuid.UUID(order_id))
    except ValueError:
        raise InvalidMessage(f"order_id {order_id!r} is not a UUID") from None
    return app.timeline_for(canonical)


def _shipment_id(shipment_id: str) -> str:
    if not shipment_id.strip():
        raise InvalidMessage("shipment_id is empty")
    return shipment_id


def _upstream_entry(checkpoint: Checkpoint, when: Timestamp, inbound: Inbound, **details: Any) -> TimelineEntry:
    sent_at = inbound.envelope.occurred_at.ToDatetime(tzinfo=UTC)
    details.setdefault("place", UNKNOWN_PLACE)
    return TimelineEntry(
        checkpoint=checkpoint,
        occurred_at=to_datetime(when, fallback=sent_at),
        source=Source.UPSTREAM_EVENT,
        upstream_event_id=inbound.envelope.event_id,
        **details,
    )
