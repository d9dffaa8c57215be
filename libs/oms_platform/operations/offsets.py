"""Consumer-group offsets: lag per partition, and resets to earliest, latest or a time."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.structs import OffsetAndMetadata


@dataclass(frozen=True)
class PartitionLag:
    group: str
    topic: str
    partition: int
    committed: int | None
    end: int

    @property
    def lag(self) -> int:
        return self.end - (self.committed or 0)


async def _partitions(consumer: AIOKafkaConsumer, topics: Sequence[str]) -> list[TopicPartition]:
    await consumer._client.force_metadata_update()  # noqa: SLF001 - aiokafka has no public call
    return [TopicPartition(topic, p) for topic in topics for p in sorted(consumer.partitions_for_topic(topic) or ())]


async def group_lag(bootstrap: str, group: str, topics: Sequence[str]) -> list[PartitionLag]:
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, group_id=group, enable_auto_commit=False)
    await consumer.start()
    try:
        partitions = await _partitions(consumer, topics)
        ends = await consumer.end_offsets(partitions) if partitions else {}
        rows = []
        for partition in partitions:
            committed = await consumer.committed(partition)
            rows.append(PartitionLag(group, partition.topic, partition.partition, committed, ends[partition]))
        return rows
    finally:
        await consumer.stop()


async def reset_offsets(bootstrap: str, group: str, topics: Sequence[str], to: str) -> dict[TopicPartition, int]:
    """Commit new positions for a group that is not running: 'earliest', 'latest' or an ISO time."""
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, group_id=group, enable_auto_commit=False)
    await consumer.start()
    try:
        partitions = await _partitions(consumer, topics)
        consumer.assign(partitions)  # commit() works on assigned partitions only
        targets = await _targets(consumer, partitions, to)
        await consumer.commit({tp: OffsetAndMetadata(offset, "omsctl reset") for tp, offset in targets.items()})
        return targets
    finally:
        await consumer.stop()


async def _targets(consumer: AIOKafkaConsumer, partitions: list[TopicPartition], to: str) -> dict[TopicPartition, int]:
    if to == "earliest":
        return await consumer.beginning_offsets(partitions)
    ends = await consumer.end_offsets(partitions)
    if to == "latest":
        return ends
    moment = datetime.fromisoformat(to)
    if moment.tzinfo is None:
        raise ValueError("a time needs its UTC offset, e.g. 2026-11-22T08:00:00+08:00")
    found = await consumer.offsets_for_times({tp: int(moment.timestamp() * 1000) for tp in partitions})
    return {tp: (found[tp].offset if found.get(tp) else ends[tp]) for tp in partitions}
