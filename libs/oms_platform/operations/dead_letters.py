"""Inspect and redrive dead-letter topics."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass

from aiokafka import AIOKafkaConsumer, TopicPartition

from oms_platform.messaging.consumer import REDRIVE_HEADER
from oms_platform.messaging.producers import start_producer
from oms_platform.settings import ServiceSettings

SOURCE_HEADERS = ("dlq-reason", "dlq-source-topic", "dlq-source-partition", "dlq-source-offset",
                  "dlq-consumer", "dlq-failed-at")


@dataclass(frozen=True)
class DeadLetterEntry:
    topic: str
    offset: int
    key: bytes | None
    value: bytes
    headers: dict[str, bytes]

    def header(self, name: str) -> str:
        return self.headers.get(name, b"").decode("utf-8", errors="replace")

    @property
    def reference(self) -> str:
        return f"{self.topic}@{self.offset}"


async def read_dead_letters(bootstrap: str, topic: str, *, offsets: Sequence[int] = ()) -> list[DeadLetterEntry]:
    """Every entry of a (single-partition) dead-letter topic, or only the given offsets."""
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False)
    await consumer.start()
    try:
        partition = TopicPartition(topic, 0)
        consumer.assign([partition])
        end = (await consumer.end_offsets([partition]))[partition]
        await consumer.seek_to_beginning(partition)
        entries: list[DeadLetterEntry] = []
        # Read until past the end offset AND a fetch brings nothing: Tansu's end offset counts
        # produced batches, not records, so it can be lower than the last record's offset.
        while True:
            records = (await consumer.getmany(partition, timeout_ms=500)).get(partition, [])
            for record in records:
                if not offsets or record.offset in offsets:
                    entries.append(DeadLetterEntry(topic, record.offset, record.key, record.value,
                                                   dict(record.headers or ())))
            if not records and await consumer.position(partition) >= end:
                return entries
    finally:
        await consumer.stop()


@dataclass(frozen=True)
class RedriveOutcome:
    entry: DeadLetterEntry
    failed_again: DeadLetterEntry | None

    @property
    def succeeded(self) -> bool:
        return self.failed_again is None


async def redrive(bootstrap: str, entries: Sequence[DeadLetterEntry], *,
                  watch_seconds: float = 10.0) -> list[RedriveOutcome]:
    """Send entries back to their source topic unchanged; report which came back dead again.

    An entry that fails again is dead-lettered once more carrying our redrive header, so the
    outcome is read from the dead-letter topics within `watch_seconds`.
    """
    if not entries:
        return []
    marks = {entry.topic: (await _end_offset(bootstrap, entry.topic)) for entry in entries}
    producer = await start_producer(ServiceSettings(kafka_bootstrap_servers=bootstrap), "omsctl-redrive")
    try:
        for entry in entries:
            headers = [(name, value) for name, value in entry.headers.items()
                       if name not in SOURCE_HEADERS and name != REDRIVE_HEADER]
            headers.append((REDRIVE_HEADER, entry.reference.encode()))
            await (await producer.send(entry.header("dlq-source-topic"), value=entry.value, key=entry.key,
                                       headers=headers))
    finally:
        await producer.stop()
    failures = await _watch_for_failures(bootstrap, marks, {e.reference for e in entries}, watch_seconds)
    return [RedriveOutcome(entry, failures.get(entry.reference)) for entry in entries]


async def _end_offset(bootstrap: str, topic: str) -> int:
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap)
    await consumer.start()
    try:
        partition = TopicPartition(topic, 0)
        return (await consumer.end_offsets([partition]))[partition]
    finally:
        await consumer.stop()


async def _watch_for_failures(bootstrap: str, marks: dict[str, int], references: set[str],
                              seconds: float) -> dict[str, DeadLetterEntry]:
    failures: dict[str, DeadLetterEntry] = {}
    deadline = asyncio.get_running_loop().time() + seconds
    while asyncio.get_running_loop().time() < deadline and len(failures) < len(references):
        for topic, mark in marks.items():
            for entry in await read_dead_letters(bootstrap, topic):
                origin = entry.header(REDRIVE_HEADER)
                if entry.offset >= mark and origin in references:
                    failures[origin] = entry
        await asyncio.sleep(0.5)
    return failures
