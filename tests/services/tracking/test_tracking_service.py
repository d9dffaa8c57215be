"""The tracking service in-process against a real broker: upstream events and carrier webhooks
build the nine checkpoints of an order's timeline (T1, T2)."""

from __future__ import annotations

import pytest

from oms.tracking.v1 import tracking_pb2
from tests.services.tracking.api import checkpoints, eventually, scan, until_reached
from tests.services.tracking.upstream import FULFILLMENT_EVENTS, ORDER_EVENTS, TRACKING_EVENTS, UpstreamOrder
from tests.support.messaging import TopicReader

pytestmark = pytest.mark.kafka

NINE = ["ORDER_CONFIRMED", "PAYMENT_COMPLETED", "REVIEW_PASSED", "PICKING_STARTED", "OUTBOUND_SCAN",
        "CARRIER_PICKUP", "TRANSIT_ARRIVAL", "OUT_FOR_DELIVERY", "DELIVERED"]


async def test_upstream_events_and_carrier_webhooks_build_the_nine_checkpoints(tracking_on_both_stores, broker):
    service, order = tracking_on_both_stores, UpstreamOrder(broker)
    placed = await order.from_order_service(order.placed())
    await order.again(ORDER_EVENTS, placed)  # redelivered before anything else of the order
    await order.from_order_service(order.paid())
    await order.from_order_service(order.approved())
    await order.from_fulfillment(order.pick_list())  # a list on the floor: nobody picks yet
    start = await order.from_fulfillment(order.picking_started())
    await order.again(FULFILLMENT_EVENTS, start)
    await order.from_fulfillment(order.picked())  # picking had already started: no new checkpoint
    await order.from_fulfillment(order.dispatched("sf-express", "sf7001"))

    assert await until_reached(service, order.order_id, *NINE[:5]) == NINE[:5]

    webhook = "/carriers/sf/events"
    for body in (scan("SF7001", "50", 9), scan("SF7001", "30", 15), scan("SF7001", "44", 18),
                 scan("SF7001", "80", 20, "已签收")):
        response = await service.client.post(webhook, json=body)
        assert response.status_code == 202, response.text
        assert response.json()["status"] == "recorded"
    delivered = scan("SF7001", "80", 20, "已签收")
    again = await service.client.post(webhook, json=delivered)
    assert (again.status_code, again.json()["status"]) == (200, "duplicate")
    assert again.json()["checkpoint"]["checkpoint"] == "DELIVERED"

    timeline = (await service.client.get(f"/orders/{order.order_id}/timeline")).json()
    assert [c["checkpoint"] for c in timeline["checkpoints"]] == NINE
    assert timeline["shipments"][0] | {"delivered_at": None} == {
        "shipment_id": order.shipment_id, "warehouse_id": "WH-HZ", "carrier_code": "sf-express",
        "tracking_numbers": ["SF7001"], "delivered": True, "delivered_at": None,
    }
    assert timeline["checkpoints"][-1]["location"]["city"] == "Hangzhou"

    async with TopicReader(broker, TRACKING_EVENTS) as topic:
        delivery = (await topic.wait_for("oms.tracking.v1.ShipmentDelivered"))[0]
        recorded = [p for e, p in topic.messages("oms.tracking.v1.CheckpointRecorded")
                    if e.aggregate_id == order.order_id]
        raw = topic.messages("oms.tracking.v1.CarrierEventReceived")
    assert (delivery.order_id, delivery.shipment_id, delivery.tracking_number) == \
        (order.order_id, order.shipment_id, "SF7001")
    # Order and fulfillment events arrive on two topics, so only each topic's own order is kept.
    assert sorted(tracking_pb2.Checkpoint.Name(p.checkpoint) for p in recorded) == \
        sorted(f"CHECKPOINT_{c}" for c in NINE)
    assert all(p.order_id == order.order_id for p in recorded)
    assert {p.upstream_event_id for p in recorded} >= {placed.event_id, start.event_id}
    assert [p.raw_code for _, p in raw] == ["50", "30", "44", "80"]

    metrics = (await service.client.get("/metrics")).text
    assert 'oms_messages_consumed_total{outcome="duplicate",topic="oms.order.events.v1"} 1.0' in metrics
    assert 'oms_messages_consumed_total{outcome="duplicate",topic="oms.fulfillment.events.v1"} 1.0' in metrics

    # The parcel is delivered: a late scan is refused and changes nothing.
    late = await service.client.post(webhook, json=scan("SF7001", "44", 21))
    assert late.status_code == 409 and late.json()["type"].endswith("/shipment-delivered")
    assert await checkpoints(service, order.order_id) == NINE

    parcel = (await service.client.get("/tracking/SF/sf7001")).json()
    assert parcel["order_id"] == order.order_id and parcel["shipment"]["delivered"]
    assert [c["checkpoint"] for c in parcel["checkpoints"]] == NINE[3:]


async def test_an_upstream_event_naming_no_real_order_is_dead_lettered_and_the_rest_goes_on(tracking, broker):
    broken, order = UpstreamOrder(broker, order_id="not-an-order-id"), UpstreamOrder(broker)
    await broken.from_order_service(broken.placed())
    await order.from_order_service(order.placed())

    assert await until_reached(tracking, order.order_id, "ORDER_CONFIRMED") == ["ORDER_CONFIRMED"]
    async with TopicReader(broker, f"{ORDER_EVENTS}.dlq") as dead_letters:
        await eventually(lambda: _polled(dead_letters))
    letter = dead_letters.records[0]
    assert letter.key == b"not-an-order-id"
    assert dict(letter.headers)["dlq-consumer"] == b"tracking"
    assert dict(letter.headers)["dlq-reason"].startswith(b"invalid: OrderPlaced: order_id 'not-an-order-id'")


async def _polled(reader: TopicReader) -> bool:
    await reader.poll()
    return bool(reader.records)


async def test_a_batch_of_carrier_events_gives_each_event_its_own_outcome(tracking_on_both_stores, broker):
    service, order = tracking_on_both_stores, UpstreamOrder(broker)
    await order.from_order_service(order.placed())
    await order.from_fulfillment(order.picking_started())
    await order.from_fulfillment(order.dispatched("sf-express", "sf7101"))
    await until_reached(service, order.order_id, "OUTBOUND_SCAN")

    response = await service.client.post("/carriers/sf/events/batch", json={"events": [
        scan("SF7101", "50", 9),
        scan("SF7101", "30", 15),  # the same timeline again, inside the same batch
        scan("SF7101", "50", 9),  # a duplicate of the first
        scan("SF9999", "50", 9),  # nobody shipped this one (yet): kept as unmatched
        scan("SF7101", "??", 16),  # a code SF does not use
    ]})

    assert response.status_code == 200, response.text
    results = response.json()["results"]
    assert [r["status"] for r in results] == [202, 202, 200, 404, 422]
    assert [r["result"]["status"] for r in results[:3]] == ["recorded", "recorded", "duplicate"]
    assert results[4]["problem"]["errors"][0]["field"] == "events[4].event_code"
    assert results[3]["problem"]["resource_id"] == "sf-express:SF9999"
    assert await checkpoints(service, order.order_id) == NINE[0:1] + NINE[3:7]


async def test_a_batch_with_an_invalid_event_is_refused_whole_naming_the_field(tracking):
    response = await tracking.client.post("/carriers/sf/events/batch", json={"events": [
        scan("SF7201", "50", 9), {"event_code": "50", "occurred_at": "2026-11-21T09:00:00+08:00"}]})

    assert response.status_code == 422
    assert any(error["field"].startswith("events[1]") and "tracking_number" in error["field"]
               for error in response.json()["errors"]), response.text
