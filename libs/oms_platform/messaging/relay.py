"""The outbox relay: publishes a store's notification log to Kafka, in order, at least once.

A service never writes to Kafka and its store in one step (no dual writes). It records events; the
relay reads them after its last confirmed position, publishes them keyed for ordering, waits for
the broker's acknowledgements, and only then records the new position in the same store. A relay
killed at any point republishes from its last confirmed position; consumers drop what they have
already processed by the envelope's aggregate id and version.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Protocol, TypeVar

from aiokafka.errors import KafkaError
from eventsourcing.persistence import Notification, Tracking
from google.protobuf.message import Message
from tenacity import AsyncRetrying, retry_if_exception_type, stop_after_delay, wait_exponential

from oms_platform.logging import get_logger
from oms_platform.messaging.envelope import seal
from oms_platform.metrics import ServiceMetrics
from oms_platform.store.application import RELAY_TRACKING_NAME, ServiceApplication
from oms_platform.topics import TopicError

# Stable event ids: republishing the same stored event yields the same id.
EVENT_ID_NAMESPACE = uuid.UUID("6f1c8d3e-2b7a-4c59-9e0f-0d5a3c1b7e42")

log = get_logger(__name__)

T = TypeVar("T")


@dataclass(frozen=True)
class Publication:
    """One message a domain event becomes on one topic."""

    topic: str
    key: str
    message: Message


PublicationMap = Callable[[Any], Iterable[Publication]]


class Producer(Protocol):
    async def send(self, topic: str, value: bytes, key: bytes, headers: list[tuple[str, bytes]]) -> Any: ...


@dataclass(frozen=True)
class Outgoing:
    topic: str
    key: bytes
    value: bytes
    headers: list[tuple[str, bytes]]


class OutboxRelay:
    def __init__(
        self,
        app: ServiceApplication,
        publications: PublicationMap,
        producer: Producer,
        *,
        producer_name: str,
        metrics: ServiceMetrics | None = None,
        batch_size: int = 500,
        idle_seconds: float = 0.05,
    ):
        self._app = app
        self._publications = publications
        self._producer = producer
        self._producer_name = producer_name
        self._metrics = metrics
        self._batch_size = batch_size
        self._idle_seconds = idle_seconds

    async def run(self, stopping: asyncio.Event) -> None:
        """Publish until asked to stop: woken by every write to the store, a busy store drained in
        batches, an idle one polled now and then (a write by another process wakes nobody)."""
        loop = asyncio.get_running_loop()
        recorded = asyncio.Event()

        def wake() -> None:
            try:
                loop.call_soon_threadsafe(recorded.set)
            except RuntimeError:  # the loop is closing; the next start publishes what is left
                pass

        unsubscribe = self._app.on_recorded(wake)
        try:
            while not stopping.is_set():
                recorded.clear()
                if await self.publish_pending() == 0:
                    await _first_of(recorded, stopping, timeout=self._idle_seconds)
        finally:
            unsubscribe()

    async def publish_pending(self) -> int:
        """Publish one batch after the confirmed position; returns how many notifications it moved."""
        position, notifications = await asyncio.to_thread(self._pending)
        if not notifications:
            return 0
        await self._publish(notifications)
        newest = notifications[-1].id
        await asyncio.to_thread(
            self._app.recorder.insert_tracking, Tracking(RELAY_TRACKING_NAME, newest)
        )
        if self._metrics:
            self._metrics.relay_position.set(newest)
        return len(notifications)

    def _pending(self) -> tuple[int, Sequence[Notification]]:
        position = self._app.tracked_position(RELAY_TRACKING_NAME)
        return position, self._app.notifications_after(position, self._batch_size)

    async def republish(
        self, *, start: int = 0, stop: int | None = None, progress: Callable[[int], None] | None = None,
        give_up_after: float = 0.0,
    ) -> int:
        """Publish positions (start, stop] again without moving the relay's own position.

        For operators after a broker lost its topics: consumers drop what they already hold. A
        batch the broker refuses is sent again until `give_up_after` seconds have passed since its
        first refusal (a broker that just came back answers with errors for a while); then
        RepublishIncomplete says how far it got.
        """
        stop = stop if stop is not None else await asyncio.to_thread(self._app.position)
        position, total = start, 0
        while position < stop:
            batch = await asyncio.to_thread(self._app.notifications_after, position, self._batch_size)
            batch = [n for n in batch if n.id <= stop]
            if not batch:
                break
            try:
                await patiently(lambda batch=batch: self._publish(batch), give_up_after=give_up_after,
                                what=f"publishing positions {batch[0].id}..{batch[-1].id}")
            except BROKER_ERRORS as error:
                raise RepublishIncomplete(total, position, error) from error
            position = batch[-1].id
            total += len(batch)
            if progress:
                progress(len(batch))
        return total

    async def _publish(self, notifications: Sequence[Notification]) -> None:
        outgoing = [message for n in notifications for message in self._translate(n)]
        acknowledgements = [
            await self._producer.send(m.topic, value=m.value, key=m.key, headers=m.headers)
            for m in outgoing
        ]
        # Every message must be acknowledged before the position moves past it.
        await asyncio.gather(*acknowledgements)
        if self._metrics:
            for m in outgoing:
                self._metrics.messages_published_total.labels(topic=m.topic).inc()

    def _translate(self, notification: Notification) -> list[Outgoing]:
        event = self._app.mapper.to_domain_event(notification)
        publications = list(self._publications(event))
        topics = [p.topic for p in publications]
        if len(set(topics)) != len(topics):
            # Consumers deduplicate by (producer, topic, aggregate, version): two messages of one
            # event on one topic would make the second look like a duplicate and be dropped.
            raise ValueError(f"{type(event).__name__} maps to one topic twice: {topics}")
        meta = self._app.message_meta(notification)
        return [self._outgoing(notification, event, meta, p) for p in publications]

    def _outgoing(self, notification: Notification, event: Any, meta: Any, publication: Publication) -> Outgoing:
        event_id = str(
            uuid.uuid5(
                EVENT_ID_NAMESPACE,
                f"{self._producer_name}/{notification.originator_id}/"
                f"{notification.originator_version}/{publication.topic}",
            )
        )
        envelope = seal(
            publication.message,
            event_id=event_id,
            producer=self._producer_name,
            occurred_at=_occurred_at(event),
            aggregate_id=str(notification.originator_id),
            aggregate_version=notification.originator_version,
            store_position=notification.id,
            correlation_id=meta.correlation_id if meta else "",
            causation_id=meta.causation_id if meta else "",
        )
        headers = [
            ("oms-type", envelope.type.encode()),
            ("oms-event-id", event_id.encode()),
            ("oms-producer", self._producer_name.encode()),
            ("oms-correlation-id", envelope.correlation_id.encode()),
        ]
        return Outgoing(publication.topic, publication.key.encode(), envelope.SerializeToString(), headers)


class RepublishIncomplete(Exception):
    """A republish gave up: how many stored events it published, up to which position, and why."""

    def __init__(self, published: int, position: int, cause: BaseException):
        self.published, self.position, self.cause = published, position, cause
        super().__init__(f"gave up after publishing {published} stored events (up to position {position}):"
                         f" {type(cause).__name__}: {cause}")


# What a broker that is away or just came back answers with. Tansu answers a produce with
# UnknownError (-1), which aiokafka does not retry, while it is settling after a restart.
BROKER_ERRORS = (KafkaError, OSError, TimeoutError, TopicError)


async def patiently(step: Callable[[], Awaitable[T]], *, give_up_after: float, what: str) -> T:
    """Run `step`, again after broker errors with growing pauses, for up to `give_up_after` seconds."""
    retrying = AsyncRetrying(
        retry=retry_if_exception_type(BROKER_ERRORS),
        stop=stop_after_delay(give_up_after),
        wait=wait_exponential(multiplier=0.2, max=5.0),
        before_sleep=lambda state: log.warning(
            "broker refused, trying again", step=what, attempt=state.attempt_number,
            error=f"{type(state.outcome.exception()).__name__}: {state.outcome.exception()}"),
        reraise=True,
    )
    async for attempt in retrying:
        with attempt:
            return await step()
    raise AssertionError("unreachable: tenacity either returns or reraises")


async def _first_of(*events: asyncio.Event, timeout: float) -> None:
    waiters = [asyncio.ensure_future(event.wait()) for event in events]
    try:
        await asyncio.wait(waiters, timeout=timeout, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for waiter in waiters:
            waiter.cancel()


def _occurred_at(event: Any) -> datetime:
    timestamp = getattr(event, "timestamp", None)
    if isinstance(timestamp, datetime):
        return timestamp if timestamp.tzinfo else timestamp.replace(tzinfo=timezone.utc)
    return datetime.now(timezone.utc)
