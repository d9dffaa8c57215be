"""Orders run to delivered and settled while services are killed under load: no operator needed.

Found from outside (issue 9): after the order service came back from an outage, tracking's
`ShipmentDelivered` facts reached it before fulfillment's `ShipmentDispatched` and were
dead-lettered, so orders stalled at SHIPPED until an operator redrove them. Here paid orders flow
at a steady pace, the warehouse and the carrier work them to delivery, and services are SIGKILLed
at moments drawn at random (the order service with outages of several seconds, while tracking
runs ahead). Every order must complete and settle, and no dead-letter topic may hold anything.
"""

import asyncio
import random

import pytest
from aiokafka import AIOKafkaConsumer, TopicPartition

from oms_dev.broker import EmbeddedBroker
from oms_platform.catalogue import load_catalogue
from tests.bench.load import run_load
from tests.support.stack import running_stack

pytestmark = [pytest.mark.fault, pytest.mark.kafka]

ORDERS = 240
RATE = 10  # orders per second: the run lasts long enough for every kill below
OUTAGES = [("order", 6.0), ("tracking", 1.0), ("order", 8.0), ("fulfillment", 1.0), ("order", 5.0)]


@pytest.fixture
def stack(tmp_path):
    with (EmbeddedBroker(log_dir=tmp_path, die_with_parent=True) as broker,
          running_stack(broker.bootstrap_servers, tmp_path) as stack):
        yield stack


def test_orders_complete_without_an_operator_when_services_restart_under_load(stack):
    result, killed = asyncio.run(_load_with_outages(stack))

    assert len(killed) == len(OUTAGES), killed
    assert result.complete, f"orders left unfinished after {killed}"
    assert asyncio.run(_dead_letters(stack.bootstrap)) == {}


async def _load_with_outages(stack):
    killed: list[str] = []
    outages = asyncio.create_task(_kill_and_restart(stack, killed))
    result = await run_load(stack, orders=ORDERS, rate=RATE, sample_every=ORDERS, timeout=600)
    await outages
    return result, killed


async def _kill_and_restart(stack, killed: list[str]) -> None:
    pauses = random.Random()  # the moments are not chosen: each run draws its own
    for name, outage in OUTAGES:
        await asyncio.sleep(pauses.uniform(1.0, 3.0))
        service = stack.services[name]
        await asyncio.to_thread(service.kill)
        killed.append(name)
        await asyncio.sleep(outage)
        await asyncio.to_thread(service.start)
        await asyncio.to_thread(service.wait_ready, 120)


async def _dead_letters(bootstrap: str) -> dict[str, int]:
    """How many records each dead-letter topic holds (read from the beginning, no group)."""
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False)
    await consumer.start()
    found: dict[str, int] = {}
    try:
        await consumer._client.force_metadata_update()  # noqa: SLF001 - no public call in aiokafka
        for topic in (t.name for t in load_catalogue().all_topics() if t.name.endswith(".dlq")):
            partitions = [TopicPartition(topic, p) for p in consumer.partitions_for_topic(topic) or ()]
            if not partitions:
                continue
            consumer.assign(partitions)
            await consumer.seek_to_beginning(*partitions)
            count = 0
            for _ in range(5):  # a few empty polls: Tansu's end offsets count batches, not records
                count += sum(len(records) for records in (await consumer.getmany(timeout_ms=200)).values())
            if count:
                found[topic] = count
    finally:
        await consumer.stop()
    return found
