"""Shipments and the T2 timeline from fulfillment and tracking events, in whatever order they come."""

from __future__ import annotations

from oms.tracking.v1 import tracking_events_pb2 as tracking
from oms.tracking.v1.tracking_pb2 import Checkpoint
from services.projection.application.queries.orders import order_detail
from tests.services.projection.conftest import snapshot
from tests.services.projection.messages import (
    FULFILLMENT_EVENTS,
    ORDER_EVENTS,
    TRACKING_EVENTS,
    at,
    checkpoint,
    new_order_id,
    order_placed,
    packed,
    picked,
    picking_started,
    record,
    shipment_created,
    shipment_dispatched,
    stamp,
)

SHIPMENT = "shp-1"


def feed(projector, topic: str, producer: str, aggregate_id: str, *messages) -> list[str]:
    return [projector.project(record(topic, m, producer=producer, aggregate_id=aggregate_id, version=v))
            for v, m in enumerate(messages, start=1)]


def detail(views, order_id: str) -> dict:
    with views.read() as session:
        return order_detail(session, order_id)


def test_a_shipment_follows_its_stages_with_carrier_and_tracking_number(projector, views):
    order_id = new_order_id()
    feed(projector, ORDER_EVENTS, "order", order_id, order_placed(order_id))
    feed(projector, FULFILLMENT_EVENTS, "fulfillment", SHIPMENT, shipment_created(order_id, SHIPMENT),
         picked(order_id, SHIPMENT), packed(order_id, SHIPMENT), shipment_dispatched(order_id, SHIPMENT))

    [shipment] = detail(views, order_id)["shipments"]
    assert shipment["status"] == "dispatched"
    assert (shipment["warehouse_id"], shipment["carrier_code"], shipment["tracking_numbers"]) == (
        "WH-SH-01", "SF", ["SF1234567890"])
    assert (shipment["picked_at"], shipment["packed_at"], shipment["dispatched_at"]) == (
        "2026-11-22T08:10:00.000000Z", "2026-11-22T08:15:00.000000Z", "2026-11-22T08:30:00.000000Z")
    assert shipment["lines"] == [{"line_id": "1", "sku": "SKU-TEA-01", "name": "Longjing tea 250g", "quantity": 2}]


def test_a_late_earlier_stage_does_not_move_a_shipment_back(projector, views):
    order_id = new_order_id()
    delivered = tracking.ShipmentDelivered(order_id=order_id, shipment_id=SHIPMENT, delivered_at=stamp(at(600)))
    feed(projector, TRACKING_EVENTS, "tracking", SHIPMENT, delivered)
    feed(projector, FULFILLMENT_EVENTS, "fulfillment", SHIPMENT, shipment_created(order_id, SHIPMENT),
         shipment_dispatched(order_id, SHIPMENT))
    with views.read() as session:
        row = session.one("SELECT status, created_at, dispatched_at, delivered_at FROM shipments")
    assert row == {"status": "delivered", "created_at": "2026-11-22T08:05:00.000000Z",
                   "dispatched_at": "2026-11-22T08:30:00.000000Z", "delivered_at": "2026-11-22T18:00:00.000000Z"}


def test_a_shipment_being_picked_shows_picking_and_the_start_on_the_timeline(projector, views):
    order_id = new_order_id()
    feed(projector, ORDER_EVENTS, "order", order_id, order_placed(order_id))
    feed(projector, FULFILLMENT_EVENTS, "fulfillment", SHIPMENT, shipment_created(order_id, SHIPMENT),
         picking_started(order_id, SHIPMENT))

    order = detail(views, order_id)
    assert order["shipments"][0]["status"] == "picking"
    [started] = [e for e in order["timeline"] if e["code"] == "PickingStarted"]
    assert (started["title"], started["detail"], started["occurred_at"]) == (
        "Picking started", None, "2026-11-22T08:08:00.000000Z")


def test_a_start_implied_by_the_pick_says_so_and_does_not_move_the_shipment_back(projector, views):
    order_id = new_order_id()
    feed(projector, ORDER_EVENTS, "order", order_id, order_placed(order_id))
    feed(projector, FULFILLMENT_EVENTS, "fulfillment", SHIPMENT, shipment_created(order_id, SHIPMENT),
         picked(order_id, SHIPMENT), picking_started(order_id, SHIPMENT, minutes=10, implied_by_pick=True))

    order = detail(views, order_id)
    assert order["shipments"][0]["status"] == "picked"
    [started] = [e for e in order["timeline"] if e["code"] == "PickingStarted"]
    assert started["detail"] == "with the pick"


def test_checkpoints_come_in_t2_order_by_time_whatever_order_they_arrive_in(projector, views):
    order_id = new_order_id()
    feed(projector, ORDER_EVENTS, "order", order_id, order_placed(order_id))
    arrivals = [
        checkpoint(order_id, SHIPMENT, Checkpoint.CHECKPOINT_OUTBOUND_SCAN, minutes=30),
        checkpoint(order_id, SHIPMENT, Checkpoint.CHECKPOINT_ORDER_CONFIRMED, minutes=0),
        checkpoint(order_id, SHIPMENT, Checkpoint.CHECKPOINT_PICKING_STARTED, minutes=10, city="杭州"),
        # Same moment as the order confirmation: the T2 order breaks the tie.
        checkpoint(order_id, SHIPMENT, Checkpoint.CHECKPOINT_PAYMENT_COMPLETED, minutes=0),
    ]
    assert feed(projector, TRACKING_EVENTS, "tracking", f"timeline-{order_id}", *arrivals) == ["processed"] * 4

    order = detail(views, order_id)
    checkpoints = [(e["code"], e["location"]) for e in order["timeline"] if e["kind"] == "checkpoint"]
    assert checkpoints == [("order_confirmed", "上海 hub, 上海"), ("payment_completed", "上海 hub, 上海"),
                           ("picking_started", "杭州 hub, 杭州"), ("outbound_scan", "上海 hub, 上海")]
    assert [(c["code"], c["reached"]) for c in order["checkpoints"]] == [
        ("order_confirmed", True), ("payment_completed", True), ("review_passed", False),
        ("picking_started", True), ("outbound_scan", True), ("carrier_pickup", False),
        ("transit_arrival", False), ("out_for_delivery", False), ("delivered", False)]
    assert order["checkpoints"][4]["occurred_at"] == "2026-11-22T08:30:00.000000Z"


def test_replaying_fulfillment_and_tracking_changes_nothing(projector, views):
    order_id = new_order_id()
    messages = [
        record(FULFILLMENT_EVENTS, shipment_created(order_id, SHIPMENT), producer="fulfillment",
               aggregate_id=SHIPMENT, version=1),
        record(FULFILLMENT_EVENTS, shipment_dispatched(order_id, SHIPMENT), producer="fulfillment",
               aggregate_id=SHIPMENT, version=4),
        record(TRACKING_EVENTS, checkpoint(order_id, SHIPMENT, Checkpoint.CHECKPOINT_OUTBOUND_SCAN, minutes=30),
               producer="tracking", aggregate_id=SHIPMENT, version=2),
    ]
    for message in messages:
        projector.project(message)
    before = snapshot(views)
    assert [projector.project(m) for m in messages] == ["duplicate"] * 3
    assert snapshot(views) == before
