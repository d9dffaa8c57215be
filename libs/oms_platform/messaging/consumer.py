"""The tracked consumer: processes a topic so that redelivery and restarts change nothing.

For each message it opens the envelope (a broken one becomes a dead letter), skips it when this
store already recorded that upstream aggregate's version on that topic, runs the service's handler,
and records the handler's new events together with that version in ONE transaction. Kafka offsets
are committed afterwards only to save work on restart; correctness never depends on them.

A fetched batch is applied in one unit of work: one transaction holds every message's events and
positions, so a busy consumer pays one commit per batch, not per message. When anything in the
batch fails (a handler error, a conflicting writer, a lost database), nothing of it was written and
the batch is applied again one message at a time, where each failure is retried or dead-lettered
on its own.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from eventsourcing.persistence import IntegrityError, InterfaceError, OperationalError, Tracking
from google.protobuf.message import Message

from oms_platform.logging import get_logger, log_context
from oms_platform.messaging.context import message_context
from oms_platform.messaging.dead_letters import DeadLetter, DeadLetterPublisher
from oms_platform.messaging.envelope import ContractViolation, Envelope, Opened, open_envelope
from oms_platform.metrics import ServiceMetrics
from oms_platform.store.application import ServiceApplication

log = get_logger(__name__)


class InvalidMessage(Exception):
    """Raised by a handler for a well-formed message whose content cannot be accepted."""


class ConcurrentWrite(Exception):
    """Another writer saved the same aggregate first; the handler runs again on fresh state."""


@dataclass(frozen=True)
class Inbound:
    """Where a message came from, for handlers that need more than its payload."""

    envelope: Envelope
    topic: str
    partition: int
    offset: int
    key: str | None


Handler = Callable[[Any, Message, Inbound], Sequence[Any]]

PROCESSED, DUPLICATE, IGNORED = "processed", "duplicate", "ignored"
# Set by `omsctl dlq redrive` to `<dead-letter topic>@<offset>` of the entry it republished.
REDRIVE_HEADER = "oms-redrive-of"
HANDLER_ATTEMPTS = 3
BATCH_ATTEMPTS = 3  # conflicts before a batch is applied message by message


def tracking_name(producer: str, topic: str, aggregate_id: str) -> str:
    """What is tracked: how far one upstream aggregate's messages on one topic were processed.

    An aggregate's events are published in version order under one key, so they reach a consumer
    in that order on whatever partition the key maps to, even after a broker lost its topics and
    recreated them with another partition count. A partition-wide position would not survive that.
    """
    return f"{producer}|{topic}|{aggregate_id}"


class TrackedConsumer:
    def __init__(
        self,
        app: ServiceApplication,
        consumer: Any,
        *,
        allowed_types: Mapping[str, frozenset[str]],
        handlers: Mapping[str, Handler],
        dead_letters: DeadLetterPublisher,
        metrics: ServiceMetrics | None = None,
        max_batch: int = 500,
    ):
        self._app = app
        self._consumer = consumer
        self._allowed_types = allowed_types
        self._handlers = handlers
        self._dead_letters = dead_letters
        self._metrics = metrics
        self._max_batch = max_batch

    async def run(self, stopping: asyncio.Event) -> None:
        while not stopping.is_set():
            batches = await self._consumer.getmany(timeout_ms=200, max_records=self._max_batch)
            records = [record for partition_records in batches.values() for record in partition_records]
            if records:
                await self.process_batch(records)
                await self._consumer.commit()
                await self._observe_lag(batches)

    async def process_batch(self, records: Sequence[Any]) -> list[str]:
        """Process records in one transaction; on a failure other than a conflict, one by one."""
        loop = asyncio.get_running_loop()
        started = loop.time()
        conflicts = 0
        while True:
            try:
                outcomes = await asyncio.to_thread(self._handle_batch, records)
                break
            except IntegrityError as error:
                # Another writer (an HTTP command, another instance) changed an aggregate of the
                # batch: the failed write dropped the stale copies, so the batch again, on fresh
                # state, rather than a transaction per message.
                conflicts += 1
                if conflicts >= BATCH_ATTEMPTS:
                    return await self._one_by_one(records, error)
            except Exception as error:  # noqa: BLE001 - nothing was written: each message gets its own retries
                return await self._one_by_one(records, error)
        share = (loop.time() - started) / len(records)
        labels = []
        for record, outcome in zip(records, outcomes, strict=True):
            labels.append(await self._finish(record, outcome, share))
        return labels

    async def _one_by_one(self, records: Sequence[Any], error: Exception) -> list[str]:
        log.info("batch not applied as one, applying message by message",
                 records=len(records), error=f"{type(error).__name__}: {error}")
        return [await self.process(record) for record in records]

    def _handle_batch(self, records: Sequence[Any]) -> list[str | DeadLetter]:
        with self._app.unit_of_work():
            opened = [self._open(record) for record in records]
            self._app.prefetch_positions([
                tracking.application_name for record, o in zip(records, opened, strict=True)
                if isinstance(o, Opened) and (tracking := _tracking(o.envelope, record))
            ])
            outcomes = [self._apply(record, o) if isinstance(o, Opened) else o
                        for record, o in zip(records, opened, strict=True)]
        return outcomes

    async def process(self, record: Any) -> str:
        """Process one record to its end: recorded, skipped, ignored or dead-lettered."""
        loop = asyncio.get_running_loop()
        started = loop.time()
        outcome = await self._process_with_retries(record)
        return await self._finish(record, outcome, loop.time() - started)

    async def _finish(self, record: Any, outcome: str | DeadLetter, seconds: float) -> str:
        if isinstance(outcome, DeadLetter):
            await self._dead_letters.publish(record, outcome)
            label = "dead_lettered"
        else:
            label = outcome
        if self._metrics:
            self._metrics.messages_consumed_total.labels(topic=record.topic, outcome=label).inc()
            self._metrics.message_processing_seconds.labels(topic=record.topic).observe(seconds)
        return label

    async def _process_with_retries(self, record: Any) -> str | DeadLetter:
        # A lost database is waited out (the message must not be lost); a conflicting writer is
        # retried at once on fresh state; a handler that keeps failing is dead-lettered.
        attempts = 0
        while True:
            attempts += 1
            try:
                return await asyncio.to_thread(self._handle, record)
            except (OperationalError, InterfaceError) as error:
                log.warning("store unavailable, retrying", error=str(error), attempt=attempts)
                await asyncio.sleep(min(0.1 * 2**attempts, 5.0))
            except ConcurrentWrite:
                continue
            except Exception as error:  # a bug or an unexpected input: keep it, do not block the partition
                if attempts >= HANDLER_ATTEMPTS:
                    log.exception("handler failed, dead-lettering", topic=record.topic, offset=record.offset)
                    return DeadLetter("handler-error", f"{type(error).__name__}: {error}")
                await asyncio.sleep(0.05 * attempts)

    def _handle(self, record: Any) -> str | DeadLetter:
        opened = self._open(record)
        return self._apply(record, opened) if isinstance(opened, Opened) else opened

    def _open(self, record: Any) -> Opened | DeadLetter:
        try:
            return open_envelope(record.value or b"", allowed_types=self._allowed_types.get(record.topic, frozenset()))
        except ContractViolation as violation:
            return DeadLetter(violation.kind, violation.detail)

    def _apply(self, record: Any, opened: Opened) -> str | DeadLetter:
        envelope = opened.envelope
        handler = self._handlers.get(envelope.type)
        if handler is None:
            return IGNORED
        tracking = _tracking(envelope, record)
        if tracking and self._app.tracked_position(tracking.application_name) >= tracking.notification_id:
            tracking = _redrive_tracking(record)
            if tracking is None or self._app.tracked_position(tracking.application_name) >= 1:
                return DUPLICATE
        inbound = Inbound(envelope, record.topic, record.partition, record.offset, _text(record.key))
        with message_context(correlation_id=envelope.correlation_id, causation_id=envelope.event_id), \
                log_context(correlation_id=envelope.correlation_id, event_id=envelope.event_id,
                            message_type=envelope.type, aggregate_id=envelope.aggregate_id):
            try:
                aggregates = handler(self._app, opened.payload, inbound)
            except InvalidMessage as invalid:
                return DeadLetter("invalid", str(invalid))
            return self._record(aggregates, tracking)

    def _record(self, aggregates: Sequence[Any], tracking: Tracking | None) -> str:
        try:
            self._app.record(*aggregates, tracking=tracking)
        except IntegrityError:
            if tracking and self._app.tracked_position(tracking.application_name) >= tracking.notification_id:
                return DUPLICATE  # another instance processed it first
            raise ConcurrentWrite() from None
        return PROCESSED

    async def _observe_lag(self, batches: Mapping[Any, Sequence[Any]]) -> None:
        if not self._metrics:
            return
        for partition in batches:
            highwater = self._consumer.highwater(partition)
            if highwater is None:
                continue
            position = await self._consumer.position(partition)
            self._metrics.consumer_lag.labels(
                topic=partition.topic, partition=str(partition.partition)
            ).set(max(highwater - position, 0))


def _tracking(envelope: Envelope, record: Any) -> Tracking | None:
    # Messages from producers without a store (channel adapters) carry no aggregate version; their
    # handlers are idempotent by the message's own identity instead.
    if not envelope.aggregate_version or not envelope.aggregate_id:
        return None
    name = tracking_name(envelope.producer, record.topic, envelope.aggregate_id)
    return Tracking(name, envelope.aggregate_version)


def _redrive_tracking(record: Any) -> Tracking | None:
    """An operator redrove this message from a dead-letter topic after a fix.

    It was never applied (dead letters record no tracking), though later messages of the same
    aggregate may have been; it is applied once, tracked by the dead-letter entry it came from.
    """
    origin = dict(record.headers or ()).get(REDRIVE_HEADER)
    if not origin:
        return None
    return Tracking(f"redrive|{origin.decode('utf-8', errors='replace')}", 1)


def _text(key: bytes | None) -> str | None:
    return key.decode("utf-8", errors="replace") if key is not None else None
