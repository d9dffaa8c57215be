"""Small helpers for runtime tests that talk to a real broker."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Awaitable, Callable
from contextlib import asynccontextmanager

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition

from oms_platform.messaging.consumer import TrackedConsumer
from oms_platform.messaging.dead_letters import DeadLetterPublisher
from oms_platform.topics import TopicSpec, ensure_topics

from .sample_domain import PARCEL_TYPES, TALLY_HANDLERS


async def new_topic(bootstrap: str, prefix: str, partitions: int = 6) -> str:
    name = f"test.{prefix}.{uuid.uuid4().hex[:10]}"
    await ensure_topics(bootstrap, [TopicSpec(name, partitions, {}), TopicSpec(f"{name}.dlq", 1, {})])
    return name


def producer(bootstrap: str) -> AIOKafkaProducer:
    return AIOKafkaProducer(bootstrap_servers=bootstrap, enable_idempotence=False, linger_ms=2)


def consumer(bootstrap: str, *topics: str, group: str | None = None) -> AIOKafkaConsumer:
    return AIOKafkaConsumer(
        *topics,
        bootstrap_servers=bootstrap,
        group_id=group,
        enable_auto_commit=False,
        auto_offset_reset="earliest",
        rebalance_timeout_ms=3000,
        session_timeout_ms=6000,
        heartbeat_interval_ms=500,
    )


async def read_all(bootstrap: str, topic: str, *, expect: int, timeout: float = 30.0) -> list:
    """Read a topic from the start (no group) until `expect` records arrived or time ran out."""
    reader = AIOKafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False)
    await reader.start()
    try:
        numbers = reader.partitions_for_topic(topic) or await _partitions(reader, topic)
        partitions = [TopicPartition(topic, p) for p in numbers]
        reader.assign(partitions)
        await reader.seek_to_beginning(*partitions)
        records: list = []
        deadline = asyncio.get_running_loop().time() + timeout
        while len(records) < expect and asyncio.get_running_loop().time() < deadline:
            batches = await reader.getmany(timeout_ms=200)
            for batch in batches.values():
                records.extend(batch)
        return records
    finally:
        await reader.stop()


async def _partitions(reader: AIOKafkaConsumer, topic: str) -> set[int]:
    await reader._client.force_metadata_update()  # noqa: SLF001 - aiokafka has no public call for this
    return reader.partitions_for_topic(topic) or set()


async def eventually(check: Callable[[], Awaitable[bool] | bool], *, timeout: float = 30.0,
                     what: str = "condition") -> None:
    """Wait for a condition instead of sleeping a fixed time."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        result = check()
        if asyncio.iscoroutine(result):
            result = await result
        if result:
            return
        if loop.time() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.05)


@asynccontextmanager
async def running_consumer(book, bootstrap: str, topic: str, metrics, allowed_types=PARCEL_TYPES):
    """The tally book consuming `topic` with the runtime's tracked consumer until the block ends."""
    kafka_out = producer(bootstrap)
    kafka_in = consumer(bootstrap, topic, group=f"tally-{uuid.uuid4().hex[:6]}")
    await kafka_out.start()
    await kafka_in.start()
    stopping = asyncio.Event()
    tracked = TrackedConsumer(
        book, kafka_in, allowed_types={topic: allowed_types}, handlers=TALLY_HANDLERS,
        dead_letters=DeadLetterPublisher(kafka_out, consumer_name="tally", metrics=metrics), metrics=metrics,
    )
    task = asyncio.create_task(tracked.run(stopping))
    try:
        yield
    finally:
        stopping.set()
        await asyncio.wait_for(task, timeout=10)
        await kafka_in.stop()
        await kafka_out.stop()
