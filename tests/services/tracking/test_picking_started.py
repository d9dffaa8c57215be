"""Checkpoint 4, picking started, comes from a picker starting, not from the pick list (T2)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.services.tracking.api import until_reached
from tests.services.tracking.upstream import UpstreamOrder, stamp

pytestmark = pytest.mark.kafka


async def picking_started(service, order_id: str) -> dict | None:
    timeline = (await service.client.get(f"/orders/{order_id}/timeline")).json()
    return next((c for c in timeline["checkpoints"] if c["checkpoint"] == "PICKING_STARTED"), None)


def occurred_at(checkpoint: dict) -> datetime:
    return datetime.fromisoformat(checkpoint["occurred_at"])


def hours(value: float) -> datetime:
    return stamp(value).ToDatetime(tzinfo=UTC)


async def test_an_issued_pick_list_is_not_picking_started(tracking, broker):
    order = UpstreamOrder(broker)
    await order.from_order_service(order.placed())
    await order.from_fulfillment(order.pick_list())
    # Same order key, same partition: once the dispatch is on the timeline the pick list was read.
    await order.from_fulfillment(order.dispatched("sf-express", "SF8001"))

    assert await until_reached(tracking, order.order_id, "OUTBOUND_SCAN") == ["ORDER_CONFIRMED", "OUTBOUND_SCAN"]
    assert await picking_started(tracking, order.order_id) is None


async def test_picking_started_is_when_the_picker_started(tracking_on_both_stores, broker):
    service, order = tracking_on_both_stores, UpstreamOrder(broker)
    await order.from_fulfillment(order.pick_list())
    start = await order.from_fulfillment(order.picking_started(hours=1.25))
    await order.from_fulfillment(order.picked())  # at 1.5 h: picking had started already

    await until_reached(service, order.order_id, "PICKING_STARTED")
    checkpoint = await picking_started(service, order.order_id)
    assert occurred_at(checkpoint) == hours(1.25)
    assert (checkpoint["shipment_id"], checkpoint["location"]["code"]) == (order.shipment_id, "WH-HZ")
    [entry] = service.app.timeline(order.order_id).ordered_entries()
    assert entry.upstream_event_id == start.event_id


async def test_a_pick_without_a_start_is_picking_started_at_the_pick(tracking, broker):
    order = UpstreamOrder(broker)
    await order.from_fulfillment(order.pick_list())
    picked = await order.from_fulfillment(order.picked())

    await until_reached(tracking, order.order_id, "PICKING_STARTED")
    checkpoint = await picking_started(tracking, order.order_id)
    assert occurred_at(checkpoint) == hours(1.5)
    [entry] = tracking.app.timeline(order.order_id).ordered_entries()
    assert entry.upstream_event_id == picked.event_id
