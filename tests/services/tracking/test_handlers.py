"""The tracking application's handlers, given plain commands: no broker, no protobuf.

Each handler returns the aggregates to record; `run` records them as the consumer would.
"""

from __future__ import annotations

import ast
import uuid
from dataclasses import replace
from pathlib import Path

import pytest

from oms_kernel.money import Money
from oms_platform.messaging.consumer import InvalidMessage
from services.tracking.application import handlers
from services.tracking.application.commands import (
    RecordDispatch,
    RecordOrderConfirmed,
    RecordPaymentCompleted,
    RecordPickingStarted,
    RecordReviewPassed,
)
from services.tracking.application.service import TrackingApplication
from services.tracking.domain.carrier_events import CarrierEvent
from services.tracking.domain.checkpoints import Checkpoint, Source
from services.tracking.domain.errors import UnknownTrackingNumber
from services.tracking.domain.timeline import OrderTimeline
from services.tracking.domain.tracking_numbers import DispatchedShipment, TrackingNumber
from services.tracking.domain.values import UNKNOWN_PLACE, Place
from tests.services.tracking.builders import HANGZHOU, at

ORDER_ID = str(uuid.uuid4())
SHIPMENT_ID = "shipment-1"
WAREHOUSE = Place(name="WH-HZ", code="WH-HZ")


@pytest.fixture
def app():
    application = TrackingApplication()
    yield application
    application.close()


def run(app: TrackingApplication, handler, command) -> list:
    aggregates = handler(app, command)
    app.record(*aggregates)
    return aggregates


def checkpoints(app: TrackingApplication, order_id: str = ORDER_ID) -> list[Checkpoint]:
    return [entry.checkpoint for entry in app.timeline(order_id).ordered_entries()]


def confirmed(**changes) -> RecordOrderConfirmed:
    return replace(RecordOrderConfirmed(ORDER_ID, "SO-20261120-0001", False, at(0.1), "e-placed"), **changes)


def paid(**changes) -> RecordPaymentCompleted:
    return replace(RecordPaymentCompleted(ORDER_ID, False, at(0.2), "e-paid"), **changes)


def picking(**changes) -> RecordPickingStarted:
    return replace(RecordPickingStarted(ORDER_ID, SHIPMENT_ID, "WH-HZ", at(1.25), "e-started"), **changes)


def dispatched(**changes) -> RecordDispatch:
    command = RecordDispatch(ORDER_ID, SHIPMENT_ID, "WH-HZ", "SF", (" sf100 ", "  ", "sf101"), None, at(2),
                             "e-dispatched")
    return replace(command, **changes)


def test_an_order_confirmed_opens_the_timeline_with_its_first_checkpoint(app):
    [timeline] = run(app, handlers.order_confirmed, confirmed())

    assert isinstance(timeline, OrderTimeline) and timeline.order_id == ORDER_ID
    [entry] = app.timeline(ORDER_ID).entries
    assert (entry.checkpoint, entry.occurred_at, entry.source) == (Checkpoint.ORDER_CONFIRMED, at(0.1),
                                                                   Source.UPSTREAM_EVENT)
    assert (entry.upstream_event_id, entry.place) == ("e-placed", UNKNOWN_PLACE)
    assert entry.description == "Order SO-20261120-0001 confirmed"
    assert not app.timeline(ORDER_ID).cash_on_delivery


def test_an_order_without_a_number_is_confirmed_all_the_same(app):
    run(app, handlers.order_confirmed, confirmed(order_number=""))

    assert [e.description for e in app.timeline(ORDER_ID).entries] == ["Order confirmed"]


def test_the_same_fact_again_adds_nothing(app):
    run(app, handlers.order_confirmed, confirmed())
    run(app, handlers.order_confirmed, confirmed(upstream_event_id="e-placed-again", occurred_at=at(3)))

    [entry] = app.timeline(ORDER_ID).entries
    assert entry.upstream_event_id == "e-placed"


def test_payment_review_and_picking_follow_in_order(app):
    run(app, handlers.order_confirmed, confirmed())
    run(app, handlers.payment_completed, paid())
    run(app, handlers.review_passed, RecordReviewPassed(ORDER_ID, at(0.3), "e-approved"))
    run(app, handlers.picking_started, picking())

    assert checkpoints(app) == [Checkpoint.ORDER_CONFIRMED, Checkpoint.PAYMENT_COMPLETED,
                                Checkpoint.REVIEW_PASSED, Checkpoint.PICKING_STARTED]
    started = app.timeline(ORDER_ID).ordered_entries()[-1]
    assert (started.shipment_id, started.place, started.occurred_at) == (SHIPMENT_ID, WAREHOUSE, at(1.25))
    assert started.upstream_event_id == "e-started"


def test_cash_on_delivery_is_not_paid_until_delivered(app):
    run(app, handlers.order_confirmed, confirmed(cash_on_delivery=True))
    run(app, handlers.payment_completed, paid(cash_on_delivery=True))

    assert app.timeline(ORDER_ID).cash_on_delivery
    assert checkpoints(app) == [Checkpoint.ORDER_CONFIRMED]


def test_a_pick_after_the_start_adds_nothing_and_a_pick_alone_is_the_start(app):
    run(app, handlers.picking_started, picking())
    run(app, handlers.picking_started, picking(warehouse_id="", occurred_at=at(1.5), upstream_event_id="e-picked"))
    other = str(uuid.uuid4())
    run(app, handlers.picking_started, picking(order_id=other, warehouse_id="", occurred_at=at(1.5)))

    [started] = app.timeline(ORDER_ID).entries
    assert (started.occurred_at, started.upstream_event_id) == (at(1.25), "e-started")
    [implied] = app.timeline(other).entries
    assert (implied.checkpoint, implied.occurred_at, implied.place) == (Checkpoint.PICKING_STARTED, at(1.5),
                                                                        UNKNOWN_PLACE)


def test_a_dispatch_is_the_outbound_scan_with_its_numbers_and_cash_to_collect(app):
    aggregates = run(app, handlers.dispatch, dispatched(cash_on_delivery=Money("CNY", 12_900)))

    assert [type(a) for a in aggregates] == [OrderTimeline, TrackingNumber, TrackingNumber, DispatchedShipment]
    timeline = app.timeline(ORDER_ID)
    shipment = timeline.shipment(SHIPMENT_ID)
    assert (shipment.carrier_code, shipment.tracking_numbers) == ("sf-express", ("SF100", "SF101"))
    assert shipment.cash_on_delivery == Money("CNY", 12_900)
    [scan] = timeline.entries
    assert (scan.checkpoint, scan.place, scan.carrier_code, scan.tracking_number) == (
        Checkpoint.OUTBOUND_SCAN, WAREHOUSE, "sf-express", "SF100")
    assert scan.description == "Left warehouse WH-HZ with sf-express"
    number, lookup = app.shipment_lookup("sf", "sf101")
    assert (number.order_id, number.shipment_id, lookup.order_id) == (ORDER_ID, SHIPMENT_ID, ORDER_ID)
    assert app.dispatched_shipment(SHIPMENT_ID).order_id == ORDER_ID


def test_a_dispatch_read_again_records_no_second_shipment(app):
    run(app, handlers.dispatch, dispatched())
    again = run(app, handlers.dispatch, dispatched(upstream_event_id="e-dispatched-again"))

    assert not any(isinstance(a, DispatchedShipment) for a in again)
    assert checkpoints(app) == [Checkpoint.OUTBOUND_SCAN]


def test_a_dispatch_places_the_carrier_reports_held_for_its_numbers(app):
    early = CarrierEvent("sf-express", "SF100", "50", "", at(3), HANGZHOU, Source.CARRIER_WEBHOOK, at(3.01))
    with pytest.raises(UnknownTrackingNumber):
        app.receive_carrier_event(early)

    run(app, handlers.dispatch, dispatched())

    assert checkpoints(app) == [Checkpoint.OUTBOUND_SCAN, Checkpoint.CARRIER_PICKUP]


def test_a_tracking_number_of_another_shipment_is_an_invalid_message_and_nothing_changes(app):
    run(app, handlers.dispatch, dispatched())
    other_order = str(uuid.uuid4())

    with pytest.raises(InvalidMessage, match="tracking number 'SF100' already belongs to shipment shipment-1"):
        handlers.dispatch(app, dispatched(order_id=other_order, shipment_id="shipment-2"))

    assert app.dispatched_shipment("shipment-2") is None
    assert app.tracking_number("sf-express", "SF100").shipment_id == SHIPMENT_ID


def test_the_application_handlers_know_nothing_of_protobuf_or_kafka():
    application = Path(handlers.__file__).parent
    offenders = []
    for module in ("handlers.py", "commands.py"):
        for node in ast.walk(ast.parse((application / module).read_text())):
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            else:
                continue
            offenders += [f"{module}: {name}" for name in names
                          if name.split(".")[0] in {"oms", "google", "aiokafka"} or name.endswith(".Inbound")]
    assert not offenders
