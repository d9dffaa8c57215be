"""Publish and read contract messages the way an outside client would: envelope + protobuf."""

from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, datetime

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from google.protobuf.message import Message

from oms.envelope.v1.envelope_pb2 import Envelope
from oms_platform.contracts import message_class, register_all_messages


async def publish(bootstrap: str, topic: str, key: str, payload: Message, *, producer: str = "test-adapter",
                  aggregate_id: str = "", aggregate_version: int = 0, event_id: str | None = None,
                  occurred_at: datetime | None = None) -> Envelope:
    """Publish one enveloped message and wait for the broker's acknowledgement (recorded now,
    unless the test says when: views order a timeline by the time facts occurred)."""
    envelope = Envelope(
        event_id=event_id or str(uuid.uuid4()),
        type=payload.DESCRIPTOR.full_name,
        producer=producer,
        aggregate_id=aggregate_id,
        aggregate_version=aggregate_version,
    )
    envelope.correlation_id = envelope.event_id
    envelope.causation_id = envelope.event_id
    envelope.occurred_at.FromDatetime(occurred_at or datetime.now(UTC))
    envelope.payload.Pack(payload)
    await publish_raw(bootstrap, topic, key.encode(), envelope.SerializeToString())
    return envelope


async def publish_raw(bootstrap: str, topic: str, key: bytes | None, value: bytes) -> None:
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, enable_idempotence=False)
    await producer.start()
    try:
        await (await producer.send(topic, value=value, key=key))
    finally:
        await producer.stop()


class TopicReader:
    """Reads a topic from the beginning, without a consumer group, and decodes envelopes."""

    def __init__(self, bootstrap: str, topic: str):
        self._bootstrap = bootstrap
        self._topic = topic
        self._consumer: AIOKafkaConsumer | None = None
        self.records: list = []

    async def __aenter__(self) -> TopicReader:
        register_all_messages()
        self._consumer = AIOKafkaConsumer(bootstrap_servers=self._bootstrap, enable_auto_commit=False)
        await self._consumer.start()
        partitions = self._consumer.partitions_for_topic(self._topic)
        if not partitions:
            await self._consumer._client.force_metadata_update()  # noqa: SLF001 - no public call
            partitions = self._consumer.partitions_for_topic(self._topic) or {0}
        assigned = [TopicPartition(self._topic, p) for p in partitions]
        self._consumer.assign(assigned)
        await self._consumer.seek_to_beginning(*assigned)
        return self

    async def __aexit__(self, *exc: object) -> None:
        assert self._consumer is not None
        await self._consumer.stop()

    async def poll(self) -> None:
        assert self._consumer is not None
        for batch in (await self._consumer.getmany(timeout_ms=100)).values():
            self.records.extend(batch)

    def messages(self, type_name: str | None = None) -> list[tuple[Envelope, Message]]:
        opened = []
        for record in self.records:
            envelope = Envelope.FromString(record.value)
            if type_name and envelope.type != type_name:
                continue
            payload = message_class(envelope.type)()
            envelope.payload.Unpack(payload)
            opened.append((envelope, payload))
        return opened

    async def wait_for(self, type_name: str, count: int = 1, *, timeout: float = 30.0,
                       where=lambda payload: True) -> list[Message]:
        """Poll until `count` messages of the type (matching `where`) arrived; fail on timeout."""
        deadline = asyncio.get_running_loop().time() + timeout
        while True:
            found = [p for _, p in self.messages(type_name) if where(p)]
            if len(found) >= count:
                return found
            if asyncio.get_running_loop().time() > deadline:
                raise AssertionError(f"timed out waiting for {count} x {type_name} on {self._topic}; got {len(found)}")
            await self.poll()
