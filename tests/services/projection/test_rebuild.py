"""`omsctl rebuild-projection` against a real broker: worker processes, garbage on the topics."""

from __future__ import annotations

import asyncio

import pytest

from oms.order.v1.order_pb2 import OrderStatus
from oms_dev.broker import EmbeddedBroker
from services.projection.adapters.view_schema import QUERY_ONLY_INDEXES
from services.projection.adapters.view_store import open_view_store
from services.projection.application.queries.orders import order_detail
from services.projection.bootstrap import definition
from services.projection.entrypoints.rebuild import rebuild
from services.projection.settings import ProjectionSettings
from tests.services.projection.messages import ORDER_EVENTS, new_order_id, order_placed, order_status_event
from tests.support.messaging import TopicReader, publish, publish_raw
from tests.support.services import running_service
from tests.support.services import test_settings as service_settings  # not collected as a test


@pytest.mark.parametrize("workers", [1, 2])
async def test_a_rebuild_applies_every_order_once_and_dead_letters_garbage_with_its_bytes(
        embedded_broker: EmbeddedBroker, tmp_path, workers):
    bootstrap = embedded_broker.bootstrap_servers
    order_ids = [new_order_id() for _ in range(6)]  # spread over the topic's partitions
    approved = {order_id: order_status_event(order_id, "OrderApproved", OrderStatus.ORDER_STATUS_APPROVED,
                                             auto_approved=True) for order_id in order_ids}
    for order_id in order_ids:
        await publish(bootstrap, ORDER_EVENTS, order_id, order_placed(order_id), producer="order",
                      aggregate_id=order_id, aggregate_version=1)
        for _ in range(2):  # delivered twice: applied once
            await publish(bootstrap, ORDER_EVENTS, order_id, approved[order_id], producer="order",
                          aggregate_id=order_id, aggregate_version=2, event_id=f"{order_id}-2")
    await publish_raw(bootstrap, ORDER_EVENTS, b"garbage", b"\x00\x01 not an envelope")
    settings = ProjectionSettings(kafka_bootstrap_servers=bootstrap, data_dir=tmp_path)

    summary = await rebuild(settings, workers=workers)

    assert summary.outcomes == {"processed": 12, "duplicate": 6, "dead_lettered": 1}
    views = open_view_store(settings)
    try:
        with views.read() as session:
            for order_id in order_ids:
                order = order_detail(session, order_id)
                assert order["status"] == "approved" and len(order["timeline"]) == 2
            indexes = {row["name"] for row in session.all("SELECT name FROM sqlite_master WHERE type = 'index'")}
    finally:
        views.close()
    assert set(QUERY_ONLY_INDEXES) <= indexes  # dropped for the replay, built again at its end
    async with TopicReader(bootstrap, f"{ORDER_EVENTS}.dlq") as dead_letters:
        deadline = asyncio.get_running_loop().time() + 10
        while not dead_letters.records and asyncio.get_running_loop().time() < deadline:
            await dead_letters.poll()
    [letter] = dead_letters.records
    assert (letter.key, letter.value) == (b"garbage", b"\x00\x01 not an envelope")
    assert dict(letter.headers)["dlq-reason"].startswith(b"undecodable")


async def test_a_rebuild_moves_the_group_of_a_projection_that_ran_before(embedded_broker: EmbeddedBroker, tmp_path):
    """The projection's group is one of plain consumers: a group that had members (which the
    embedded broker lets nobody commit for from outside) is joined and moved past the replay."""
    bootstrap = embedded_broker.bootstrap_servers
    order_id = new_order_id()
    await publish(bootstrap, ORDER_EVENTS, order_id, order_placed(order_id), producer="order",
                  aggregate_id=order_id, aggregate_version=1)
    async with running_service(definition(), bootstrap=bootstrap, data_dir=tmp_path) as projection:
        deadline = asyncio.get_running_loop().time() + 30
        while (await projection.client.get(f"/api/orders/{order_id}")).status_code != 200:
            assert asyncio.get_running_loop().time() < deadline, "the projection never showed the order"
            await asyncio.sleep(0.1)

    summary = await rebuild(service_settings(definition(), bootstrap=bootstrap, data_dir=tmp_path))

    assert summary.group_moved and summary.outcomes == {"processed": 1}
