"""The event-sourced services' consumer step: handlers' aggregates recorded with the upstream position.

For each message it opens the envelope (a broken one becomes a dead letter), skips it when this
store already recorded that upstream aggregate's version on that topic, runs the service's handler,
and records the handler's new events together with that version; a batch shares one unit of work
(`app.unit_of_work()`), so a busy consumer pays one commit per batch, not per message. The batch
consumer (`batch.py`) fetches, retries and dead-letters around it.

A record whose `oms-type` header names a type its topic carries and no handler takes is not
handed to this step at all (`ignored_types`, used by the batch consumer): it is counted "ignored"
unopened, as it would have been after opening.

A valid message that needs a fact from another topic not read yet is parked (see `parking.py`)
and applied once, when the fact has come.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from eventsourcing.persistence import IntegrityError, InterfaceError, OperationalError, Tracking
from google.protobuf.message import Message
from opentelemetry.trace import Tracer

from oms_platform.logging import get_logger, log_context
from oms_platform.messaging.batch import DUPLICATE, IGNORED, PARKED, PROCESSED, ConcurrentWrite, Outcome
from oms_platform.messaging.context import message_context
from oms_platform.messaging.dead_letters import DeadLetter, DeadLetterPublisher
from oms_platform.messaging.envelope import ContractViolation, Envelope, Opened, open_envelope
from oms_platform.messaging.parked_table import ParkedMessage
from oms_platform.messaging.parking import (
    NotYet,
    ParkingSettings,
    WaitingRoom,
    parked_from,
    set_counts,
    too_long,
)
from oms_platform.metrics import ServiceMetrics
from oms_platform.store.application import ServiceApplication
from oms_platform.tracing import active_tracer, consumer_span, set_outcome

log = get_logger(__name__)


class InvalidMessage(Exception):
    """Raised by a handler for a well-formed message whose content cannot be accepted."""


@dataclass(frozen=True)
class Inbound:
    """Where a message came from, for handlers that need more than its payload."""

    envelope: Envelope
    topic: str
    partition: int
    offset: int
    key: str | None


Handler = Callable[[Any, Message, Inbound], Sequence[Any]]

# Set by `omsctl dlq redrive` to `<dead-letter topic>@<offset>` of the entry it republished.
REDRIVE_HEADER = "oms-redrive-of"


def tracking_name(producer: str, topic: str, aggregate_id: str) -> str:
    """What is tracked: how far one upstream aggregate's messages on one topic were processed.

    An aggregate's events are published in version order under one key, so they reach a consumer
    in that order on whatever partition the key maps to, even after a broker lost its topics and
    recreated them with another partition count. A partition-wide position would not survive that.
    """
    return f"{producer}|{topic}|{aggregate_id}"


class RecordAggregates:
    """The `BatchStep` of an event-sourced service."""

    unavailable = (OperationalError, InterfaceError)

    def __init__(self, app: ServiceApplication, *, allowed_types: Mapping[str, frozenset[str]],
                 handlers: Mapping[str, Handler], dead_letters: DeadLetterPublisher,
                 metrics: ServiceMetrics | None = None, parking: ParkingSettings | None = None):
        self._app = app
        self._allowed_types = allowed_types
        self._handlers = handlers
        # Per topic, what it carries that no handler takes: the batch consumer skips these by
        # their `oms-type` header, unopened. A handled type is always opened and checked.
        self.ignored_types: Mapping[str, frozenset[bytes]] = {
            topic: frozenset(name.encode() for name in types if name not in handlers)
            for topic, types in allowed_types.items()
        }
        self._dead_letters = dead_letters
        self._metrics = metrics
        self._parking = parking or ParkingSettings()
        self._next_sweep = 0.0  # at the first fetch
        # Waiting rooms of units that were committed, whose dead letters are still to be sent.
        self._settled: list[WaitingRoom] = []

    def apply_batch(self, records: Sequence[Any]) -> list[Outcome]:
        tracer = active_tracer()
        try:
            with self._app.unit_of_work():
                room = self._waiting_room()
                opened = [self._open(record) for record in records]
                self._app.prefetch_positions([
                    tracking.application_name for record, o in zip(records, opened, strict=True)
                    if isinstance(o, Opened) and (tracking := _tracking(o.envelope, record))
                ])
                if tracer is None:
                    outcomes = [self._apply(record, o, room) if isinstance(o, Opened) else o
                                for record, o in zip(records, opened, strict=True)]
                else:
                    outcomes = [self._apply_traced(tracer, record, o, room) if isinstance(o, Opened) else o
                                for record, o in zip(records, opened, strict=True)]
        except IntegrityError as error:
            # Another writer (an HTTP command, another instance) changed an aggregate of the
            # batch: the failed write dropped the stale copies, so the batch again, on fresh
            # state, rather than a transaction per message.
            raise ConcurrentWrite() from error
        self._settled.append(room)
        return outcomes

    def apply_one(self, record: Any) -> Outcome:
        opened = self._open(record)
        if not isinstance(opened, Opened):
            return opened
        room = self._waiting_room()
        tracer = active_tracer()
        if tracer is None:
            outcome = self._apply(record, opened, room)
        else:
            outcome = self._apply_traced(tracer, record, opened, room)
        self._settled.append(room)
        return outcome

    async def after_commit(self) -> None:
        await self._settle_parked()

    async def between_batches(self) -> None:
        if time.monotonic() >= self._next_sweep:
            await self.sweep_parked()
            self._next_sweep = time.monotonic() + self._parking.retry_seconds

    def _open(self, record: Any) -> Opened | DeadLetter:
        try:
            return open_envelope(record.value or b"", allowed_types=self._allowed_types.get(record.topic, frozenset()))
        except ContractViolation as violation:
            return DeadLetter(violation.kind, violation.detail)

    def _apply_traced(self, tracer: Tracer, record: Any, opened: Opened, room: WaitingRoom) -> str | DeadLetter:
        """`_apply` in the record's consumer span: what it records carries the record's trace on."""
        with consumer_span(tracer, record) as span:
            outcome = self._apply(record, opened, room)
            set_outcome(span, outcome)
            return outcome

    def _apply(self, record: Any, opened: Opened, room: WaitingRoom) -> str | DeadLetter:
        envelope = opened.envelope
        handler = self._handlers.get(envelope.type)
        if handler is None:
            return IGNORED
        tracking = _tracking(envelope, record)
        if tracking and self._app.tracked_position(tracking.application_name) >= tracking.notification_id:
            tracking = _redrive_tracking(record)
            if tracking is None or self._app.tracked_position(tracking.application_name) >= 1:
                return DUPLICATE
        ahead = tracking and room.stream_waits_for(tracking.application_name)
        if ahead:
            # Its upstream aggregate's earlier message waits: it must not overtake it.
            return self._park(record, envelope, tracking, room, ahead, "behind an earlier parked message")
        inbound = Inbound(envelope, record.topic, record.partition, record.offset, _text(record.key))
        # The message's ids cover the recording too: the store stamps them on the events and the
        # outbox seals them into the envelopes, so the next hop keeps the correlation.
        with message_context(correlation_id=envelope.correlation_id, causation_id=envelope.event_id), \
                log_context(correlation_id=envelope.correlation_id, event_id=envelope.event_id,
                            message_type=envelope.type, aggregate_id=envelope.aggregate_id):
            try:
                aggregates = handler(self._app, opened.payload, inbound)
            except InvalidMessage as invalid:
                return DeadLetter("invalid", str(invalid))
            except NotYet as waiting:
                return self._park(record, envelope, tracking, room, waiting.waiting_for, str(waiting))
            outcome = self._record(aggregates, tracking)
        if outcome == PROCESSED:
            self._release_waiting(room, [str(aggregate.id) for aggregate in aggregates])
        return outcome

    def _record(self, aggregates: Sequence[Any], tracking: Tracking | None,
                parked: Sequence[ParkedMessage] = ()) -> str:
        try:
            self._app.record(*aggregates, tracking=tracking, parked=parked)
        except IntegrityError:
            if tracking and self._app.tracked_position(tracking.application_name) >= tracking.notification_id:
                return DUPLICATE  # another instance processed it first
            raise ConcurrentWrite() from None
        return PROCESSED

    # -- parked messages (see parking.py) -------------------------------------------------------

    def _waiting_room(self) -> WaitingRoom:
        return WaitingRoom(self._app.parking, self._app.parking.outline())

    def _park(self, record: Any, envelope: Envelope, tracking: Tracking | None, room: WaitingRoom,
              waiting_for: str, reason: str) -> str:
        message = parked_from(record, envelope.event_id, waiting_for=waiting_for, reason=reason, at=time.time(),
                              stream=tracking.application_name if tracking else None)
        outcome = self._record([], tracking, parked=[message])
        if outcome != PROCESSED:
            return outcome
        room.park(message)
        log.info("message parked", topic=record.topic, offset=record.offset, event_id=envelope.event_id,
                 waiting_for=waiting_for, reason=reason)
        return PARKED

    def _release_waiting(self, room: WaitingRoom, changed: Sequence[str]) -> None:
        """Apply what waited for the aggregates just changed, and what that lets through in turn."""
        queue = [aggregate_id for aggregate_id in dict.fromkeys(changed) if room.is_waiting(aggregate_id)]
        while queue:
            blocked: set[str | None] = set()
            for message in room.take(queue.pop(0)):
                if message.stream and message.stream in blocked:
                    continue  # an earlier message of its stream still waits
                applied = self._apply_parked(room, message)
                if applied is None:
                    blocked.add(message.stream)
                    continue
                queue.extend(i for a in applied if room.is_waiting(i := str(a.id)) and i not in queue)

    def _apply_parked(self, room: WaitingRoom, message: ParkedMessage) -> Sequence[Any] | None:
        """The aggregates a parked message changed; None while it still waits."""
        tracer = active_tracer()
        if tracer is None:
            return self._apply_parked_now(room, message)
        # In its own trace (its headers were kept when it was parked), not the one that let it through.
        with consumer_span(tracer, message) as span:
            applied = self._apply_parked_now(room, message)
            span.set_attribute("oms.outcome", "still_parked" if applied is None else "released")
            return applied

    def _apply_parked_now(self, room: WaitingRoom, message: ParkedMessage) -> Sequence[Any] | None:
        opened = self._open(message)
        handler = self._handlers.get(opened.envelope.type) if isinstance(opened, Opened) else None
        if handler is None or not isinstance(opened, Opened):  # the contract or the handlers changed while it waited
            room.dead_letter(message, opened if isinstance(opened, DeadLetter) else
                             DeadLetter("no-handler", f"nothing handles it any more; it waited: {message.reason}"))
            return []
        envelope = opened.envelope
        inbound = Inbound(envelope, message.topic, message.partition, message.offset, _text(message.key))
        with message_context(correlation_id=envelope.correlation_id, causation_id=envelope.event_id), \
                log_context(correlation_id=envelope.correlation_id, event_id=envelope.event_id,
                            message_type=envelope.type, aggregate_id=envelope.aggregate_id):
            try:
                aggregates = handler(self._app, opened.payload, inbound)
            except NotYet:
                return None
            except InvalidMessage as invalid:
                room.dead_letter(message, DeadLetter("invalid", str(invalid)))
                return []
            except Exception:  # a bug must not fail the message that let it through
                log.exception("parked message failed; it stays parked", topic=message.topic,
                              event_id=message.event_id)
                return None
            try:
                self._app.record(*aggregates, released=[message.parked_id])
            except Exception as error:  # noqa: BLE001 - outside a unit: another instance released it first
                log.warning("parked message not released; retried later", event_id=message.event_id,
                            error=str(error))
                return None
        room.release(message)
        log.info("parked message applied", topic=message.topic, event_id=message.event_id,
                 waiting_for=message.waiting_for)
        return aggregates

    async def sweep_parked(self) -> None:
        """Retry everything parked; dead-letter what waited too long. Runs at start and now and then."""
        try:
            await asyncio.to_thread(self._retry_parked)
            now = time.time()
            expired = await asyncio.to_thread(self._app.parking.parked_before, now - self._parking.max_seconds)
            for message in expired:
                await self._dead_letters.publish(message, too_long(message, now))
                await asyncio.to_thread(self._app.parking.remove, [message.parked_id])
            await self._settle_parked(count=True)
        except Exception:  # the next sweep tries again; nothing was lost
            log.exception("parked messages not retried this time")

    def _retry_parked(self) -> None:
        with self._app.unit_of_work():
            room = self._waiting_room()
            self._release_waiting(room, room.waiting_ids())
        self._settled.append(room)

    async def _settle_parked(self, *, count: bool = False) -> None:
        """After a commit: send what a parked message was refused for, then drop its row."""
        rooms, self._settled = self._settled, []
        for room in rooms:
            for message, letter in room.dead:
                await self._dead_letters.publish(message, letter)
                await asyncio.to_thread(self._app.parking.remove, [message.parked_id])
            count = count or room.changed or bool(room.dead)
        if count and self._metrics:
            counts = await asyncio.to_thread(self._app.parking.counts)
            set_counts(self._metrics.parked_messages, list(self._allowed_types), counts)


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
