"""The broker loses its topics while services run: every partition of every consumed topic is
read again, whatever partition count the topics come back with.

Two real services (order and fulfillment) run in this process against a real broker. Each test
first has them read a few messages on every partition, so that their positions and their group's
assignment belong to the old topics. Then the topics go (the broker restarts with empty memory, or
they are deleted) and come back, with another partition count than before. A message is then
written to every partition of every topic the services consume; each must be read. Undecodable
bytes are used as messages because each one read shows up in a dead-letter topic with the
partition it was read from, the same way whichever service and topic read it.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager

import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition

from oms_platform.catalogue import load_catalogue
from oms_platform.topics import TopicSpec, delete_topics, ensure_topics, specs_from_catalogue
from services.fulfillment.bootstrap import definition as fulfillment_definition
from services.order.bootstrap import definition as order_definition
from tests.support.services import running_service

pytestmark = [pytest.mark.fault, pytest.mark.kafka]

SERVICES = (order_definition, fulfillment_definition)
CATALOGUE = load_catalogue()
CONSUMED = sorted({t.name for d in SERVICES for t in CATALOGUE.consumed_by(d().name)})
DEAD_LETTERS = sorted({CATALOGUE.topic(t).dead_letter for t in CONSUMED})


async def test_topics_recreated_with_more_partitions_are_read_in_full(embedded_broker, tmp_path):
    bootstrap = embedded_broker.bootstrap_servers
    async with services_reading_everything(bootstrap, tmp_path):
        await delete_topics(bootstrap, CONSUMED)
        await ensure_topics(bootstrap, [TopicSpec(name, 8) for name in CONSUMED])
        await every_partition_is_read(bootstrap)


async def test_a_broker_restart_with_fewer_partitions_is_read_in_full(embedded_broker, tmp_path):
    bootstrap = embedded_broker.bootstrap_servers
    async with services_reading_everything(bootstrap, tmp_path):
        embedded_broker.restart()  # memory storage: topics, offsets and groups are gone
        # The services' clients race this and may bring their topics back with Tansu's 4 partitions.
        await ensure_topics(bootstrap, [TopicSpec(name, 3) for name in CONSUMED])
        await every_partition_is_read(bootstrap)


@asynccontextmanager
async def services_reading_everything(bootstrap: str, data_dir) -> AsyncIterator[None]:
    """The services running, each having read three messages on every partition it consumes."""
    await ensure_topics(bootstrap, specs_from_catalogue(CATALOGUE.all_topics()))
    async with AsyncExitStack() as stack:
        for definition in SERVICES:
            await stack.enter_async_context(running_service(
                definition(), bootstrap=bootstrap, data_dir=data_dir / definition().name,
                consumer_watch_seconds=1.0))
        for _ in range(3):
            await every_partition_is_read(bootstrap)
        yield


async def every_partition_is_read(bootstrap: str) -> None:
    """Write a marked message to every partition of the consumed topics; wait until each was read."""
    marker = f"garbage {uuid.uuid4()}".encode()
    written = await write_to_every_partition(bootstrap, marker)
    assert {topic for topic, _ in written} == set(CONSUMED)
    deadline = asyncio.get_running_loop().time() + 60
    read: set[tuple[str, int]] = set()
    while not written <= read:
        assert asyncio.get_running_loop().time() < deadline, f"never read: {sorted(written - read)}"
        await asyncio.sleep(0.5)
        read = await dead_lettered(bootstrap, marker)


async def write_to_every_partition(bootstrap: str, value: bytes) -> set[tuple[str, int]]:
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, enable_idempotence=False)
    await producer.start()
    try:
        written = set()
        for topic in CONSUMED:
            for partition in sorted(await producer.partitions_for(topic)):
                await (await producer.send(topic, value=value, key=b"k", partition=partition))
                written.add((topic, partition))
        return written
    finally:
        await producer.stop()


async def dead_lettered(bootstrap: str, marker: bytes) -> set[tuple[str, int]]:
    """(topic, partition) of every marked message the services dead-lettered so far."""
    reader = AIOKafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False)
    await reader.start()
    try:
        # Metadata of all topics (a reader without topics asks for all): naming a topic would make
        # Tansu create it.
        await reader._client.force_metadata_update()  # noqa: SLF001 - aiokafka has no public call
        partitions = [TopicPartition(t, p) for t in DEAD_LETTERS for p in reader.partitions_for_topic(t) or ()]
        if not partitions:
            return set()
        reader.assign(partitions)
        await reader.seek_to_beginning(*partitions)
        ends = await reader.end_offsets(partitions)
        sources = set()
        while [tp for tp in partitions if await reader.position(tp) < ends[tp]]:
            for records in (await reader.getmany(timeout_ms=200)).values():
                for record in records:
                    headers = {k: v.decode() for k, v in record.headers}
                    if record.value == marker:
                        sources.add((headers["dlq-source-topic"], int(headers["dlq-source-partition"])))
        return sources
    finally:
        await reader.stop()
