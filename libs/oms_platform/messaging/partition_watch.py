"""Keeps a group consumer reading every partition of its topics after the broker lost them.

When a broker loses its topics (a Tansu restart, topics deleted and created again, perhaps with
another partition count), aiokafka's group consumer can be left reading less than everything:

- Its metadata is refreshed only every `metadata_max_age_ms` (5 min) or after a fetch error, and
  Tansu answers fetches from a vanished or recreated topic without an error. A group assigned from
  the old partition count keeps it: the new partitions are read by nobody.
- It keeps the positions it had in the old partitions. Kafka answers a fetch beyond a partition's
  end with OffsetOutOfRange and the consumer starts again from the earliest offset; Tansu answers
  with no records, no error and the new, lower high watermark, so the consumer waits for offsets
  the recreated partition may only reach much later.

`watch_partitions` runs beside the consumer and finds both: a position beyond the partition's high
watermark is moved to the beginning (the tracked consumer drops what it already processed), and a
partition of the consumed topics that nobody in the group holds makes it return a reason, on which
the runtime replaces the consumer, which joins the group again with fresh metadata.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.coordinator.protocol import ConsumerProtocol
from aiokafka.errors import IllegalStateError, KafkaError

from oms_platform.logging import get_logger

log = get_logger(__name__)

# Positions are compared with the high watermarks of the last fetches: local state, no request, so
# it is done often and a recreated partition is noticed before much is written to it.
POSITION_CHECK_SECONDS = 0.5


async def watch_partitions(consumer: AIOKafkaConsumer, admin: Any, group: str, topics: Sequence[str], *,
                           every: float, stop: asyncio.Event) -> str | None:
    """Until `stop` is set (then None), or until the consumer must rejoin (then why)."""
    loop = asyncio.get_running_loop()
    next_check = loop.time() + every
    suspect: str | None = None
    while not await _stopped(stop, POSITION_CHECK_SECONDS):
        await restart_recreated_partitions(consumer)
        if loop.time() < next_check:
            continue
        next_check = loop.time() + every
        try:
            gap = await unread_partitions(consumer, admin, group, topics)
        except (KafkaError, OSError, TimeoutError) as error:  # the broker is away: the consumer retries
            log.info("cannot check the group's partitions yet", error=str(error))
            continue
        # Twice in a row, so that a join still under way is not taken for a gap.
        if gap and gap == suspect:
            return gap
        suspect = gap
    return None


async def restart_recreated_partitions(consumer: AIOKafkaConsumer) -> list[TopicPartition]:
    """Move to the beginning every assigned partition whose position is beyond its high watermark.

    A partition never ends before the position of a consumer that read it, unless it was created
    anew; what its new incarnation holds has not been read yet.
    """
    recreated = []
    for partition in consumer.assignment():
        highwater = consumer.highwater(partition)
        if highwater is None:
            continue
        try:
            position = await asyncio.wait_for(consumer.position(partition), timeout=POSITION_CHECK_SECONDS)
        except (IllegalStateError, TimeoutError, KafkaError):  # being reassigned or reset: look next time
            continue
        if position > highwater:
            recreated.append(partition)
    if recreated:
        log.warning("partitions end before the consumer's position (recreated): reading them from the start",
                    partitions=_names(recreated))
        # revoked meanwhile; their next owner starts from committed offsets
        with contextlib.suppress(IllegalStateError):
            await consumer.seek_to_beginning(*recreated)
    return recreated


async def unread_partitions(consumer: AIOKafkaConsumer, admin: Any, group: str, topics: Sequence[str]) -> str | None:
    """Why the consumer must rejoin (its metadata is stale or some partition has no reader), or None."""
    current = await topic_partitions(admin, topics)
    known = {topic: len(consumer.partitions_for_topic(topic) or ()) for topic in current}
    stale = {topic: (known[topic], count) for topic, count in current.items() if known[topic] != count}
    if stale:
        changes = ", ".join(f"{t} {old} -> {new}" for t, (old, new) in sorted(stale.items()))
        return "partition counts changed: " + changes
    held = await _held_in_group(admin, group, consumer.assignment())
    if held is None:
        return None
    unheld = [TopicPartition(topic, p) for topic, count in current.items() for p in range(count)
              if TopicPartition(topic, p) not in held]
    return f"partitions without a reader in the group: {_names(unheld)}" if unheld else None


async def topic_partitions(admin: Any, topics: Iterable[str]) -> dict[str, int]:
    """Partition count of each of the topics that exists now (metadata of all topics: naming one
    would make Tansu create it)."""
    wanted = set(topics)
    return {t["topic"]: len(t["partitions"]) for t in await admin.describe_topics()
            if t["topic"] in wanted and t.get("error_code", 0) == 0 and t["partitions"]}


async def _held_in_group(admin: Any, group: str, mine: Iterable[TopicPartition]) -> set[TopicPartition] | None:
    """Every partition some member of the group holds, or None when that cannot be known.

    Kafka's DescribeGroups reports each member's assignment. Tansu's reports the members with empty
    assignments: then only a group of one member (this consumer) is known, by its own assignment.
    """
    [description] = await admin.describe_consumer_groups([group])
    [found] = description.to_object()["groups"]
    if found["error_code"] != 0 or found["state"] != "Stable":
        return None
    members: list[Mapping[str, Any]] = found["members"]
    if members and all(m["member_assignment"] for m in members):
        return {tp for m in members for tp in ConsumerProtocol.ASSIGNMENT.decode(m["member_assignment"]).partitions()}
    return set(mine) if len(members) == 1 else None


async def _stopped(stop: asyncio.Event, seconds: float) -> bool:
    try:
        await asyncio.wait_for(stop.wait(), timeout=seconds)
    except TimeoutError:
        return False
    return True


def _names(partitions: Iterable[TopicPartition]) -> str:
    return ", ".join(f"{tp.topic}[{tp.partition}]" for tp in sorted(partitions))
