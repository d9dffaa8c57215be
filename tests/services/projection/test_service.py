"""The projection service against a real broker: the platform's consumer writes the views, the
query API shows the result."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator, Callable

import pytest

from oms.order.v1.order_pb2 import OrderStatus
from oms.tracking.v1.tracking_pb2 import Checkpoint
from oms_dev.broker import EmbeddedBroker
from services.projection.bootstrap import definition
from tests.services.projection.messages import (
    FULFILLMENT_EVENTS,
    ORDER_EVENTS,
    TRACKING_EVENTS,
    at,
    checkpoint,
    new_order_id,
    order_placed,
    order_status_event,
    shipment_created,
    shipment_dispatched,
)
from tests.support.backends import StoreBackend
from tests.support.messaging import TopicReader, publish, publish_raw
from tests.support.services import ServiceUnderTest, running_service


@pytest.fixture
async def projection(embedded_broker: EmbeddedBroker, store_backend: StoreBackend) -> AsyncIterator[ServiceUnderTest]:
    async with running_service(definition(), bootstrap=embedded_broker.bootstrap_servers,
                               data_dir=store_backend.data_dir, database_url=store_backend.database_url) as service:
        yield service


async def until(check: Callable[[], object], *, timeout: float = 30.0) -> object:
    """Poll an async check until it returns something truthy; fail with its last answer."""
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        result = await check()
        if result:
            return result
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"condition not met within {timeout}s")
        await asyncio.sleep(0.1)


async def test_events_from_three_topics_make_one_order_with_its_timeline(projection, embedded_broker):
    bootstrap = embedded_broker.bootstrap_servers
    order_id, shipment_id = new_order_id(), f"shp-{uuid.uuid4().hex[:8]}"
    # Times fixed like the shipment's: the timeline is in the order the facts occurred.
    await publish(bootstrap, ORDER_EVENTS, order_id, order_placed(order_id, number="SO-INT-1"),
                  producer="order", aggregate_id=order_id, aggregate_version=1, occurred_at=at(0))
    approved = order_status_event(order_id, "OrderApproved", OrderStatus.ORDER_STATUS_APPROVED, auto_approved=True)
    for _ in range(2):  # the same event twice, as after a relay restart: one effect
        await publish(bootstrap, ORDER_EVENTS, order_id, approved, producer="order", aggregate_id=order_id,
                      aggregate_version=2, event_id=f"{order_id}-2", occurred_at=at(1))
    for version, message in enumerate([shipment_created(order_id, shipment_id),
                                       shipment_dispatched(order_id, shipment_id)], start=1):
        await publish(bootstrap, FULFILLMENT_EVENTS, shipment_id, message, producer="fulfillment",
                      aggregate_id=shipment_id, aggregate_version=version)
    await publish(bootstrap, TRACKING_EVENTS, order_id,
                  checkpoint(order_id, shipment_id, Checkpoint.CHECKPOINT_OUTBOUND_SCAN, minutes=30),
                  producer="tracking", aggregate_id=shipment_id, aggregate_version=1)

    async def complete():
        answer = await projection.client.get(f"/api/orders/{order_id}")
        body = answer.json() if answer.status_code == 200 else None
        return body if body and len(body["timeline"]) >= 5 and body["shipments"] else None

    order = await until(complete)
    assert order["status"] == "approved"
    assert [e["title"] for e in order["timeline"]] == [
        "Order placed", "Order approved", "Shipment created", "Shipment dispatched", "Outbound scan"]
    assert order["shipments"][0]["status"] == "dispatched"
    assert (await projection.client.get("/api/orders", params={"q": "SO-INT-1"})).json()["total"] == 1
    assert not projection.runtime.tasks["consumer"].done()


async def test_garbage_is_dead_lettered_and_counted_and_the_service_stays_ready(projection, embedded_broker):
    bootstrap = embedded_broker.bootstrap_servers
    await publish_raw(bootstrap, ORDER_EVENTS, b"order-x", b"\x00\x01 not an envelope")
    order_id = new_order_id()
    await publish(bootstrap, ORDER_EVENTS, order_id, order_placed(order_id), producer="order",
                  aggregate_id=order_id, aggregate_version=1)

    async with TopicReader(bootstrap, f"{ORDER_EVENTS}.dlq") as dead_letters:
        async def arrived():
            await dead_letters.poll()
            return dead_letters.records

        [letter] = await until(arrived)
    headers = dict(letter.headers)
    assert (letter.key, letter.value) == (b"order-x", b"\x00\x01 not an envelope")
    assert headers["dlq-reason"].startswith(b"undecodable") and headers["dlq-consumer"] == b"projection"

    async def shown():
        return (await projection.client.get(f"/api/orders/{order_id}")).status_code == 200

    await until(shown)  # the message after the garbage got through
    metrics = (await projection.client.get("/metrics")).text
    assert 'oms_dead_letters_total{reason="undecodable",topic="oms.order.events.v1"} 1.0' in metrics
    assert (await projection.client.get("/health/ready")).status_code == 200
