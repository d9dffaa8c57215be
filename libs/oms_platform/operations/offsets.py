"""Consumer-group offsets: lag per partition, and resets to earliest, latest or a time."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.errors import CommitFailedError
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


class GroupBusy(Exception):
    """Another member holds some of the group's partitions: the service is still running."""


async def reset_offsets(bootstrap: str, group: str, topics: Sequence[str], to: str, *,
                        session_timeout_ms: int = 6000) -> dict[TopicPartition, int]:
    """Commit new positions for a group that is not running: 'earliest', 'latest' or an ISO time."""
    reader = AIOKafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False)
    await reader.start()
    try:
        partitions = await _partitions(reader, topics)
        reader.assign(partitions)
        targets = await _targets(reader, partitions, to)
    finally:
        await reader.stop()
    await commit_group_offsets(bootstrap, group, targets, "omsctl reset", session_timeout_ms=session_timeout_ms)
    return targets


async def commit_group_offsets(bootstrap: str, group: str, offsets: Mapping[TopicPartition, int], note: str, *,
                               session_timeout_ms: int = 6000, join_timeout_s: float = 60.0) -> None:
    """Commit positions for a stopped group.

    Kafka tools commit from outside the group (generation -1), which Kafka accepts for an empty
    group. Tansu refuses that for any group that ever had members; then the positions are
    committed by joining the group as its only member (every service's group, the projection's
    too, is one of plain Kafka consumers, whose assignment such a member can take part in).
    """
    try:
        await _commit_from_outside(bootstrap, group, offsets, note)
    except CommitFailedError:
        await _commit_as_member(bootstrap, group, offsets, note, session_timeout_ms, join_timeout_s)


async def _commit_from_outside(bootstrap: str, group: str, offsets: Mapping[TopicPartition, int], note: str) -> None:
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, group_id=group, enable_auto_commit=False)
    await consumer.start()
    try:
        consumer.assign(list(offsets))  # commit() works on assigned partitions only
        await consumer.commit({tp: OffsetAndMetadata(offset, note) for tp, offset in offsets.items()})
    finally:
        await consumer.stop()


async def _commit_as_member(bootstrap: str, group: str, offsets: Mapping[TopicPartition, int], note: str,
                            session_timeout_ms: int, join_timeout_s: float) -> None:
    topics = sorted({tp.topic for tp in offsets})
    member = AIOKafkaConsumer(*topics, bootstrap_servers=bootstrap, group_id=group, enable_auto_commit=False,
                              session_timeout_ms=session_timeout_ms,
                              heartbeat_interval_ms=max(session_timeout_ms // 3, 100),
                              rebalance_timeout_ms=session_timeout_ms)
    await member.start()
    try:
        deadline = asyncio.get_running_loop().time() + join_timeout_s
        # Only the group's sole member is given every partition of its topics.
        every = set(await _partitions(member, topics)) | set(offsets)
        while member.assignment() != every:
            if asyncio.get_running_loop().time() > deadline:
                raise GroupBusy(f"consumer group {group} has other members; stop its service first")
            await asyncio.sleep(0.05)
        await member.commit({tp: OffsetAndMetadata(offset, note) for tp, offset in offsets.items()})
    finally:
        await member.stop()


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
