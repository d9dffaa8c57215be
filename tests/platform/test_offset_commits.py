"""The consumer commits Kafka offsets now and then, not after every batch.

Offsets only save work after a restart or a rebalance (what is read again is dropped by the
positions in the store), so they are committed at most every `commit_interval` seconds and when
the consumer stops: the offset after the last record applied in each partition the consumer still
holds. The broker side of commits is covered by the operations tests; this is the loop's logic.
"""

import asyncio
from typing import Any, NamedTuple

from aiokafka import TopicPartition

from oms_platform.messaging.batch import PROCESSED, BatchConsumer
from oms_platform.metrics import ServiceMetrics

A, B = TopicPartition("orders", 0), TopicPartition("orders", 1)


class Record(NamedTuple):
    topic: str
    partition: int
    offset: int
    headers: tuple = ()


class Step:
    unavailable = (ConnectionError,)

    def __init__(self) -> None:
        self.applied: list[int] = []

    def apply_batch(self, records):
        self.applied += [r.offset for r in records]
        return [PROCESSED] * len(records)

    def apply_one(self, record):
        return self.apply_batch([record])[0]

    async def after_commit(self) -> None:
        pass

    async def between_batches(self) -> None:
        pass


class Consumer:
    """Hands out prepared fetches, then stops the run; records what is committed."""

    def __init__(self, fetches: list[dict[TopicPartition, list[Record]]], stopping: asyncio.Event,
                 assigned: set[TopicPartition]) -> None:
        self.fetches, self.stopping, self.assigned = list(fetches), stopping, assigned
        self.commits: list[dict[TopicPartition, int]] = []

    async def getmany(self, *, timeout_ms: int, max_records: int) -> dict[TopicPartition, list[Record]]:
        if not self.fetches:
            self.stopping.set()
            return {}
        return self.fetches.pop(0)

    async def commit(self, offsets: dict[TopicPartition, int]) -> None:
        self.commits.append(dict(offsets))

    def assignment(self) -> set[TopicPartition]:
        return self.assigned

    def highwater(self, partition: Any) -> None:
        return None


class NoDeadLetters:
    async def publish(self, record, dead_letter) -> None:
        raise AssertionError("nothing here is dead-lettered")


def _fetch(partition: TopicPartition, *offsets: int) -> dict[TopicPartition, list[Record]]:
    return {partition: [Record(partition.topic, partition.partition, o) for o in offsets]}


async def _run(fetches, *, interval: float, assigned=frozenset({A, B})) -> tuple[Step, Consumer]:
    stopping = asyncio.Event()
    step, consumer = Step(), Consumer(fetches, stopping, set(assigned))
    await BatchConsumer(consumer, step, dead_letters=NoDeadLetters(), commit_interval=interval).run(stopping)
    return step, consumer


async def test_batches_within_the_interval_are_committed_once_when_the_consumer_stops() -> None:
    step, consumer = await _run([_fetch(A, 0, 1), _fetch(B, 7), _fetch(A, 2), {}], interval=3600)
    assert step.applied == [0, 1, 7, 2]
    assert consumer.commits == [{A: 3, B: 8}]  # the offset after the last record applied


async def test_a_commit_follows_a_batch_once_the_interval_has_passed() -> None:
    _, consumer = await _run([_fetch(A, 0), _fetch(A, 1), {}], interval=0)
    assert consumer.commits == [{A: 1}, {A: 2}]


async def test_nothing_applied_nothing_committed() -> None:
    _, consumer = await _run([{}, {}], interval=0)
    assert consumer.commits == []


async def test_partitions_taken_away_are_not_committed_by_the_old_owner() -> None:
    _, consumer = await _run([_fetch(A, 0), _fetch(B, 4)], interval=3600, assigned={B})
    assert consumer.commits == [{B: 5}]


async def test_each_batch_size_is_observed() -> None:
    metrics, stopping = ServiceMetrics("test"), asyncio.Event()
    consumer = Consumer([_fetch(A, 0, 1, 2), _fetch(B, 3)], stopping, {A, B})
    await BatchConsumer(consumer, Step(), dead_letters=NoDeadLetters(), metrics=metrics).run(stopping)
    assert metrics.registry.get_sample_value("oms_consumer_batch_records_count") == 2
    assert metrics.registry.get_sample_value("oms_consumer_batch_records_sum") == 4
