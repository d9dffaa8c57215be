"""The one consumer pipeline: fetch a batch, apply it in one transaction, dead-letter, count, commit.

Every service consumes this way; what "apply" means is the service's step (`BatchStep`): the
event-sourced services record their handlers' aggregates with the upstream positions
(`record_aggregates.py`), the projection writes its views with theirs. The step writes a batch's
effects and positions in ONE transaction, so a redelivered message changes nothing; Kafka offsets
are committed afterwards only to save work on restart, correctness never depends on them.

When a batch fails, nothing of it was written. A conflicting writer runs it again on fresh state
(up to BATCH_ATTEMPTS times); a store that is away is waited for and the batch tried again whole
(one message at a time would be a transaction per message, for nothing); any other failure
applies it again one message at a time, where each message is retried on its own and, when it
keeps failing, dead-lettered so that the partition is not blocked.
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import Mapping, Sequence
from typing import Any, Protocol

from oms_platform.logging import get_logger
from oms_platform.messaging.dead_letters import DeadLetter, DeadLetterPublisher
from oms_platform.metrics import ServiceMetrics

log = get_logger(__name__)

PROCESSED, DUPLICATE, IGNORED, PARKED = "processed", "duplicate", "ignored", "parked"
HANDLER_ATTEMPTS = 3
BATCH_ATTEMPTS = 3  # conflicts before a batch is applied message by message

Outcome = str | DeadLetter


class ConcurrentWrite(Exception):
    """Another writer saved the same records first; the step runs again on fresh state."""


class BatchStep(Protocol):
    """What a consumer does with the records it fetched: its service's effects in its store."""

    # Errors saying the store is away or busy (not that the records are wrong): waited out.
    unavailable: tuple[type[Exception], ...]

    def apply_batch(self, records: Sequence[Any]) -> list[Outcome]:
        """Apply the records in order in ONE transaction: all of them or, on an exception, none."""

    def apply_one(self, record: Any) -> Outcome:
        """Apply one record in its own transaction."""

    async def after_commit(self) -> None:
        """Work that may only follow a commit (dead letters of what the commit settled)."""

    async def between_batches(self) -> None:
        """Called before each fetch, for work the step does now and then."""


class BatchConsumer:
    def __init__(self, consumer: Any, step: BatchStep, *, dead_letters: DeadLetterPublisher,
                 metrics: ServiceMetrics | None = None, max_batch: int = 500):
        self._consumer = consumer
        self._step = step
        self._dead_letters = dead_letters
        self._metrics = metrics
        self._max_batch = max_batch

    async def run(self, stopping: asyncio.Event) -> None:
        while not stopping.is_set():
            await self._step.between_batches()
            batches = await self._consumer.getmany(timeout_ms=200, max_records=self._max_batch)
            records = [record for partition_records in batches.values() for record in partition_records]
            if records:
                await self.process_batch(records)
                await self._consumer.commit()
                await self._observe_lag(batches)

    async def process_batch(self, records: Sequence[Any]) -> list[str]:
        """Apply records in one transaction; on a failure other than a conflict or an absent
        store, one by one. Returns each record's outcome label."""
        loop = asyncio.get_running_loop()
        started = loop.time()
        conflicts = unavailable = 0
        while True:
            try:
                outcomes = await asyncio.to_thread(self._step.apply_batch, records)
                break
            except ConcurrentWrite as error:
                conflicts += 1
                if conflicts >= BATCH_ATTEMPTS:
                    return await self._one_by_one(records, error)
            except self._step.unavailable as error:
                unavailable += 1
                log.warning("store unavailable for a batch, retrying", error=str(error).splitlines()[0],
                            records=len(records), attempt=unavailable)
                # Jittered: two instances (or rebuild workers) deadlocked on the same rows must
                # not meet again at once.
                await asyncio.sleep(_backoff(unavailable) * random.uniform(0.5, 1.0))
            except Exception as error:  # noqa: BLE001 - nothing was written: each message gets its own retries
                return await self._one_by_one(records, error)
        share = (loop.time() - started) / len(records)
        labels = [await self._finish(record, outcome, share) for record, outcome in zip(records, outcomes, strict=True)]
        await self._step.after_commit()
        return labels

    async def _one_by_one(self, records: Sequence[Any], error: Exception) -> list[str]:
        log.info("batch not applied as one, applying message by message",
                 records=len(records), error=f"{type(error).__name__}: {error}")
        return [await self.process(record) for record in records]

    async def process(self, record: Any) -> str:
        """Process one record to its end: applied, parked, skipped, ignored or dead-lettered."""
        loop = asyncio.get_running_loop()
        started = loop.time()
        outcome = await self._apply_with_retries(record)
        label = await self._finish(record, outcome, loop.time() - started)
        await self._step.after_commit()
        return label

    async def _apply_with_retries(self, record: Any) -> Outcome:
        # A store that is away is waited out (the message must not be lost); a conflicting writer
        # is retried at once on fresh state; a message that keeps failing is dead-lettered.
        failures = unavailable = 0
        while True:
            try:
                return await asyncio.to_thread(self._step.apply_one, record)
            except ConcurrentWrite:
                continue
            except self._step.unavailable as error:
                unavailable += 1
                log.warning("store unavailable, retrying", error=str(error), attempt=unavailable)
                await asyncio.sleep(_backoff(unavailable))
            except Exception as error:  # a bug or an unexpected input: keep it, do not block the partition
                failures += 1
                if failures >= HANDLER_ATTEMPTS:
                    log.exception("message failed, dead-lettering", topic=record.topic,
                                  partition=record.partition, offset=record.offset)
                    return DeadLetter("handler-error", f"{type(error).__name__}: {error}")
                await asyncio.sleep(0.05 * failures)

    async def _finish(self, record: Any, outcome: Outcome, seconds: float) -> str:
        if isinstance(outcome, DeadLetter):
            await self._dead_letters.publish(record, outcome)
            label = "dead_lettered"
        else:
            label = outcome
        if self._metrics:
            self._metrics.messages_consumed_total.labels(topic=record.topic, outcome=label).inc()
            self._metrics.message_processing_seconds.labels(topic=record.topic).observe(seconds)
        return label

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


def _backoff(attempt: int) -> float:
    return min(0.1 * 2 ** min(attempt, 6), 5.0)
