"""The outbox relay: publishes a store's notification log to Kafka, in order, at least once.

A service never writes to Kafka and its store in one step (no dual writes). It records events; the
relay reads them after its last confirmed position, publishes them keyed for ordering, waits for
the broker's acknowledgements, and only then records the new position in the same store. A relay
killed at any point republishes from its last confirmed position; consumers drop what they have
already processed by the envelope's aggregate id and version.

What it sends was sealed when the events were recorded (`oms_platform.messaging.outbox`): the
relay reads outbox rows and sends them. Events stored without a row (before the outbox existed)
are translated here, by the same functions, into the same bytes.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

from aiokafka.errors import KafkaError
from aiokafka.partitioner import DefaultPartitioner
from eventsourcing.persistence import Notification, Tracking
from tenacity import AsyncRetrying, retry_if_exception_type, stop_after_delay, wait_exponential

from oms_platform.logging import get_logger
from oms_platform.messaging.outbox import (  # noqa: F401 - Publication is imported from here by the services
    EVENT_ID_NAMESPACE,
    Outbox,
    Outgoing,
    Publication,
    PublicationMap,
    decode_messages,
)
from oms_platform.metrics import ServiceMetrics
from oms_platform.store.application import RELAY_TRACKING_NAME, ServiceApplication
from oms_platform.store.write_signals import listen_for_writes
from oms_platform.topics import TopicError
from oms_platform.tracing import active_tracer, publish_span

log = get_logger(__name__)

T = TypeVar("T")


class Producer(Protocol):
    """The batch API of aiokafka's producer: a message costs 2-3 µs there against 16-25 in `send`."""

    def create_batch(self) -> Any: ...

    async def send_batch(self, batch: Any, topic: str, *, partition: int) -> Any: ...

    async def partitions_for(self, topic: str) -> set[int]: ...


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
        self._outbox = Outbox(publications, producer_name)
        app.publish_with(self._outbox)  # what is recorded from now on comes with its messages
        self._producer = producer
        self._producer_name = producer_name
        self._metrics = metrics
        self._batch_size = batch_size
        self._idle_seconds = idle_seconds

    async def run(self, stopping: asyncio.Event) -> None:
        """Publish until asked to stop: woken by every write to the store (this process's, and on
        PostgreSQL other processes' through NOTIFY), a busy store drained in batches, an idle one
        looked at now and then as a safety net."""
        loop = asyncio.get_running_loop()
        recorded = asyncio.Event()

        def wake() -> None:
            # RuntimeError: the loop is closing; the next start publishes what is left
            with contextlib.suppress(RuntimeError):
                loop.call_soon_threadsafe(recorded.set)

        unsubscribe = self._app.on_recorded(wake)
        # Other processes' writes (several instances on one PostgreSQL store) wake it too.
        listening = asyncio.create_task(listen_for_writes(self._app.recorder, recorded.set))
        try:
            while not stopping.is_set():
                recorded.clear()
                if await self.publish_pending() == 0:
                    await _first_of(recorded, stopping, timeout=self._idle_seconds)
        finally:
            unsubscribe()
            listening.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await listening

    async def publish_pending(self) -> int:
        """Publish one batch after the confirmed position; returns how many stored events it moved."""
        batch = await asyncio.to_thread(lambda: self.read(self._app.tracked_position(RELAY_TRACKING_NAME)))
        if not batch.events:
            return 0
        await self._publish(batch.messages)
        await asyncio.to_thread(
            self._app.recorder.insert_tracking, Tracking(RELAY_TRACKING_NAME, batch.newest)
        )
        if self._metrics:
            self._metrics.relay_position.set(batch.newest)
            self._metrics.relay_batch_messages.observe(len(batch.messages))
        return batch.events

    def read(self, position: int, stop: int | None = None) -> OutboxBatch:
        """The messages of the stored events after `position` (up to `stop`), at most a batch."""
        rows = self._app.outbox_after(position, self._batch_size, stop)
        if not rows:
            return OutboxBatch(0, position, [])
        unsealed = self._stored_without_outbox([p for p, row in rows if row is None])
        messages = [m for p, row in rows
                    for m in (decode_messages(row) if row is not None else self._translate(unsealed[p]))]
        return OutboxBatch(len(rows), rows[-1][0], messages)

    def _stored_without_outbox(self, positions: Sequence[int]) -> dict[int, Notification]:
        if not positions:
            return {}
        found = self._app.recorder.select_notifications(start=positions[0], stop=positions[-1],
                                                        limit=positions[-1] - positions[0] + 1)
        return {n.id: n for n in found}

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
            batch = await asyncio.to_thread(self.read, position, stop)
            if not batch.events:
                break
            try:
                await patiently(functools.partial(self._publish, batch.messages), give_up_after=give_up_after,
                                what=f"publishing positions {position + 1}..{batch.newest}")
            except BROKER_ERRORS as error:
                raise RepublishIncomplete(total, position, error) from error
            position = batch.newest
            total += batch.events
            if progress:
                progress(batch.events)
        return total

    async def _publish(self, outgoing: Sequence[Outgoing]) -> None:
        tracer = active_tracer()
        if tracer is None:
            await self._send(outgoing)
            return
        # The messages' own trace headers were written when they were recorded: this span only
        # shows the relay's work, linked to theirs.
        with publish_span(tracer, outgoing):
            await self._send(outgoing)

    async def _send(self, outgoing: Sequence[Outgoing]) -> None:
        batches = await self._batches(outgoing)
        acknowledgements = [await self._producer.send_batch(batch, topic, partition=partition)
                            for topic, partition, batch in batches]
        # Every message must be acknowledged before the position moves past it.
        await asyncio.gather(*acknowledgements)
        if self._metrics:
            for m in outgoing:
                self._metrics.messages_published_total.labels(topic=m.topic).inc()

    async def _batches(self, outgoing: Sequence[Outgoing]) -> list[tuple[str, int, Any]]:
        """The messages in producer batches per partition, in their order. Partitions are chosen
        as `send` chooses them (the default partitioner over the key), so one key keeps one
        partition; a full batch is followed by another for the same partition, sent after it."""
        topics = {m.topic for m in outgoing}
        partitions = {topic: sorted(await self._producer.partitions_for(topic)) for topic in topics}
        open_batches: dict[tuple[str, int], Any] = {}
        batches: list[tuple[str, int, Any]] = []
        for m in outgoing:
            partition = _PARTITIONER(m.key, partitions[m.topic], partitions[m.topic])
            batch = open_batches.get((m.topic, partition))
            if batch is None or batch.append(timestamp=None, key=m.key, value=m.value, headers=m.headers) is None:
                batch = open_batches[(m.topic, partition)] = self._producer.create_batch()
                batches.append((m.topic, partition, batch))
                if batch.append(timestamp=None, key=m.key, value=m.value, headers=m.headers) is None:
                    raise ValueError(f"a message of {len(m.value)} bytes for {m.topic} does not fit in a batch")
        return batches

    def _translate(self, notification: Notification) -> list[Outgoing]:
        """An event stored without its messages: sealed now, as it would have been when recorded."""
        event = self._app.mapper.to_domain_event(notification)
        meta = self._app.message_meta(notification)
        sealed = self._outbox.seal(event, notification.originator_id, notification.originator_version,
                                   meta.correlation_id if meta else "", meta.causation_id if meta else "")
        return [s.at(notification.id) for s in sealed]


@dataclass(frozen=True)
class OutboxBatch:
    events: int  # stored events read
    newest: int  # position of the last of them
    messages: list[Outgoing]


class RepublishIncomplete(Exception):
    """A republish gave up: how many stored events it published, up to which position, and why."""

    def __init__(self, published: int, position: int, cause: BaseException):
        self.published, self.position, self.cause = published, position, cause
        super().__init__(f"gave up after publishing {published} stored events (up to position {position}):"
                         f" {type(cause).__name__}: {cause}")


# What `send` partitions keyed messages with (AIOKafkaProducer's default).
_PARTITIONER = DefaultPartitioner()

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
            error=f"{type(state.outcome.exception()).__name__}: {state.outcome.exception()}"),  # type: ignore[union-attr]
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
