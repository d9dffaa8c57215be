"""What the tracking service does with each upstream fact: a checkpoint on the order's timeline.

Each handler takes one command of `application/commands.py` (domain values only: the Kafka edge,
`entrypoints/kafka.py`, builds them from the contract messages) and returns the aggregates to
record; the runtime records them with the upstream position, so a redelivered message changes
nothing.
"""

from __future__ import annotations

import contextlib
from datetime import datetime
from typing import Any

from oms_platform.messaging.consumer import InvalidMessage
from services.tracking.application.commands import (
    RecordDispatch,
    RecordOrderConfirmed,
    RecordPaymentCompleted,
    RecordPickingStarted,
    RecordReviewPassed,
)
from services.tracking.application.service import TrackingApplication
from services.tracking.domain.carrier_codes import canonical_carrier_code, code_table, normal_tracking_number
from services.tracking.domain.carrier_events import CarrierEvent
from services.tracking.domain.checkpoints import Checkpoint, Source, TimelineEntry
from services.tracking.domain.errors import ShipmentAlreadyDelivered, TrackingNumberTaken
from services.tracking.domain.timeline import OrderTimeline, ShipmentTrack
from services.tracking.domain.tracking_numbers import DispatchedShipment, TrackingNumber
from services.tracking.domain.values import UNKNOWN_PLACE, warehouse_place


def order_confirmed(app: TrackingApplication, command: RecordOrderConfirmed) -> list[Any]:
    timeline = app.timeline_for(command.order_id)
    if command.cash_on_delivery:
        timeline.expect_cash_on_delivery()
    timeline.reach(_upstream_entry(
        Checkpoint.ORDER_CONFIRMED, command.occurred_at, command.upstream_event_id,
        description=f"Order {command.order_number} confirmed" if command.order_number else "Order confirmed",
    ))
    return [timeline]


def payment_completed(app: TrackingApplication, command: RecordPaymentCompleted) -> list[Any]:
    timeline = app.timeline_for(command.order_id)
    entry = _upstream_entry(Checkpoint.PAYMENT_COMPLETED, command.occurred_at, command.upstream_event_id,
                            description="Payment completed")
    timeline.confirm_payment(entry, on_delivery=command.cash_on_delivery)
    return [timeline]


def review_passed(app: TrackingApplication, command: RecordReviewPassed) -> list[Any]:
    timeline = app.timeline_for(command.order_id)
    timeline.reach(_upstream_entry(Checkpoint.REVIEW_PASSED, command.occurred_at, command.upstream_event_id,
                                   description="Review passed"))
    return [timeline]


def picking_started(app: TrackingApplication, command: RecordPickingStarted) -> list[Any]:
    # Never a pick list issued: a list on the floor is not yet anyone picking.
    timeline = app.timeline_for(command.order_id)
    timeline.reach(_upstream_entry(
        Checkpoint.PICKING_STARTED, command.occurred_at, command.upstream_event_id,
        shipment_id=command.shipment_id, place=warehouse_place(command.warehouse_id),
        description="Picking started",
    ))
    return [timeline]


def dispatch(app: TrackingApplication, command: RecordDispatch) -> list[Any]:
    timeline = app.timeline_for(command.order_id)
    carrier = canonical_carrier_code(command.carrier_code)
    numbers = tuple(normal_tracking_number(n) for n in command.tracking_numbers if n.strip())
    shipment = ShipmentTrack(
        shipment_id=command.shipment_id, warehouse_id=command.warehouse_id,
        carrier_code=carrier, tracking_numbers=numbers, cash_on_delivery=command.cash_on_delivery,
    )
    timeline.dispatch(shipment, _upstream_entry(
        Checkpoint.OUTBOUND_SCAN, command.occurred_at, command.upstream_event_id,
        shipment_id=shipment.shipment_id, place=warehouse_place(command.warehouse_id),
        carrier_code=carrier, tracking_number=next(iter(numbers), ""),
        description=f"Left warehouse {command.warehouse_id} with {carrier}",
    ))
    lookups: list[TrackingNumber | DispatchedShipment] = [
        _tracking_number(app, timeline, shipment, number) for number in numbers]
    if app.dispatched_shipment(shipment.shipment_id) is None:
        lookups.append(DispatchedShipment(shipment.shipment_id, timeline.order_id))
    return [timeline, *lookups]


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


def _upstream_entry(checkpoint: Checkpoint, occurred_at: datetime, upstream_event_id: str,
                    **details: Any) -> TimelineEntry:
    details.setdefault("place", UNKNOWN_PLACE)
    return TimelineEntry(
        checkpoint=checkpoint,
        occurred_at=occurred_at,
        source=Source.UPSTREAM_EVENT,
        upstream_event_id=upstream_event_id,
        **details,
    )
