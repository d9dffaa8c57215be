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

A record whose `oms-type` header names a type its topic carries but the step does not handle
(`BatchStep.ignored_types`) is counted "ignored" without being opened: it reaches neither the
step nor a transaction, and a batch of nothing else costs no commit. Nothing uses such a record,
so nothing can be harmed by its content; judging that content is for the consumers that use it.
A record without that header, or whose header names a type the topic does not carry or one the
step handles, is opened and checked in full as before (a bad one is dead-lettered).
"""

from __future__ import annotations

import asyncio
import random
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any, Protocol

from oms_platform.logging import get_logger
from oms_platform.messaging.dead_letters import DeadLetter, DeadLetterPublisher
from oms_platform.metrics import ServiceMetrics
from oms_platform.tracing import active_tracer, batch_span

log = get_logger(__name__)

PROCESSED, DUPLICATE, IGNORED, PARKED = "processed", "duplicate", "ignored", "parked"
HANDLER_ATTEMPTS = 3
BATCH_ATTEMPTS = 3  # conflicts before a batch is applied message by message

Outcome = str | DeadLetter

# Set by the outbox on every record it publishes: the envelope's type (the payload's full name).
TYPE_HEADER = "oms-type"


class ConcurrentWrite(Exception):
    """Another writer saved the same records first; the step runs again on fresh state."""


class BatchStep(Protocol):
    """What a consumer does with the records it fetched: its service's effects in its store."""

    # Errors saying the store is away or busy (not that the records are wrong): waited out.
    # (A read-only member, so a step may declare a narrower tuple.)
    @property
    def unavailable(self) -> tuple[type[Exception], ...]: ...

    # Optional (read with getattr; a step without it is given every record): per topic, the
    # UTF-8 names of the types the topic carries that this step does nothing with. A record whose
    # `oms-type` header is one of them is counted "ignored" without reaching the step.
    # ignored_types: Mapping[str, frozenset[bytes]]

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
                 metrics: ServiceMetrics | None = None, max_batch: int = 500, commit_interval: float = 1.0):
        self._consumer = consumer
        self._step = step
        self._dead_letters = dead_letters
        self._metrics = metrics
        self._max_batch = max_batch
        self._commit_interval = commit_interval
        self._ignored_types: Mapping[str, frozenset[bytes]] = getattr(step, "ignored_types", None) or {}

    async def run(self, stopping: asyncio.Event) -> None:
        # Offsets are committed at most every `commit_interval` seconds (and when stopping), not
        # after every batch: they only save work after a restart or a rebalance, where the next
        # owner drops what it reads again by the positions in the store; a commit is a broker
        # round trip (12 % of a busy ingest's CPU when it followed every batch). What is committed
        # is the offset after the last record applied per partition, as before.
        loop = asyncio.get_running_loop()
        committed_at, applied = loop.time(), {}
        try:
            while not stopping.is_set():
                await self._step.between_batches()
                batches = await self._consumer.getmany(timeout_ms=200, max_records=self._max_batch)
                records = [record for partition_records in batches.values() for record in partition_records]
                if records:
                    await self.process_batch(records)
                    applied.update({tp: batch[-1].offset + 1 for tp, batch in batches.items() if batch})
                    await self._observe_lag(batches)
                if applied and loop.time() - committed_at >= self._commit_interval:
                    await self._commit(applied)
                    committed_at, applied = loop.time(), {}
        finally:
            if applied:
                await self._commit(applied, stopping=True)

    async def _commit(self, offsets: dict[Any, int], *, stopping: bool = False) -> None:
        # Partitions the group took away meanwhile are its new owner's to commit.
        assigned = self._consumer.assignment()
        offsets = {tp: offset for tp, offset in offsets.items() if tp in assigned}
        if not offsets:
            return
        if not stopping:
            await self._consumer.commit(offsets)
            return
        try:
            await self._consumer.commit(offsets)
        except Exception as error:  # noqa: BLE001 - a lost group or broker: the store's positions decide anyway
            log.warning("offsets not committed on stop", error=f"{type(error).__name__}: {error}")

    async def process_batch(self, records: Sequence[Any]) -> list[str]:
        """Apply records in one transaction; on a failure other than a conflict or an absent
        store, one by one. Returns each record's outcome label."""
        loop = asyncio.get_running_loop()
        started = loop.time()
        if self._metrics:
            self._metrics.consumer_batch_records.observe(len(records))
        ignored = [self._ignores(record) for record in records] if self._ignored_types else []
        if not any(ignored):
            return await self._process_wanted(records, started)
        wanted = [record for record, skip in zip(records, ignored, strict=True) if not skip]
        skipped = [record for record, skip in zip(records, ignored, strict=True) if skip]
        if not wanted:  # nothing to open, no transaction, no commit
            self._count(skipped, [IGNORED] * len(skipped), (loop.time() - started) / len(skipped))
            return [IGNORED] * len(skipped)
        labels = await self._process_wanted(wanted, started)
        self._count(skipped, [IGNORED] * len(skipped), 0.0)
        return _merge(ignored, labels)

    async def _process_wanted(self, records: Sequence[Any], started: float) -> list[str]:
        outcomes = await self._apply_batch(records)
        if outcomes is None:  # applied one by one, each finished on its own
            return [await self.process(record) for record in records]
        share = (asyncio.get_running_loop().time() - started) / len(records)
        labels = await self._finish_batch(records, outcomes, share)
        await self._step.after_commit()
        return labels

    async def _apply_batch(self, records: Sequence[Any]) -> list[Outcome] | None:
        """The step's outcomes of the batch applied as one, or None when that failed for a
        reason other than an absent store and the records must go one by one."""
        conflicts = unavailable = 0
        tracer = active_tracer()
        while True:
            try:
                if tracer is None:
                    return await asyncio.to_thread(self._step.apply_batch, records)
                # One span per attempt, linked to the records' contexts; each record's own span
                # (the step's) continues the record's trace.
                with batch_span(tracer, records):
                    return await asyncio.to_thread(self._step.apply_batch, records)
            except ConcurrentWrite as error:
                conflicts += 1
                if conflicts >= BATCH_ATTEMPTS:
                    self._log_one_by_one(records, error)
                    return None
            except self._step.unavailable as error:
                unavailable += 1
                log.warning("store unavailable for a batch, retrying", error=str(error).splitlines()[0],
                            records=len(records), attempt=unavailable)
                # Jittered: two instances (or rebuild workers) deadlocked on the same rows must
                # not meet again at once.
                await asyncio.sleep(_backoff(unavailable) * random.uniform(0.5, 1.0))
            except Exception as error:  # noqa: BLE001 - nothing was written: each message gets its own retries
                self._log_one_by_one(records, error)
                return None

    def _ignores(self, record: Any) -> bool:
        """True when the record's `oms-type` header names a type its topic carries that the step
        does nothing with: then it is not opened at all."""
        unhandled = self._ignored_types.get(record.topic)
        if not unhandled:
            return False
        named = False
        for name, value in record.headers or ():
            if name == TYPE_HEADER:
                if value not in unhandled:
                    return False  # a handled type, or one the topic does not carry: opened
                named = True
        return named  # every `oms-type` header it has names an unhandled type

    @staticmethod
    def _log_one_by_one(records: Sequence[Any], error: Exception) -> None:
        log.info("batch not applied as one, applying message by message",
                 records=len(records), error=f"{type(error).__name__}: {error}")

    async def process(self, record: Any) -> str:
        """Process one record to its end: applied, parked, skipped, ignored or dead-lettered."""
        loop = asyncio.get_running_loop()
        started = loop.time()
        if self._ignored_types and self._ignores(record):
            self._count([record], [IGNORED], loop.time() - started)
            return IGNORED
        outcome = await self._apply_with_retries(record)
        [label] = await self._finish_batch([record], [outcome], loop.time() - started)
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

    async def _finish_batch(self, records: Sequence[Any], outcomes: Sequence[Outcome], seconds: float) -> list[str]:
        """Dead-letter what must be, in order; count the outcomes once per batch, not per record.
        `seconds` is each record's share of the time the batch took."""
        labels: list[str] = []
        for record, outcome in zip(records, outcomes, strict=True):
            if isinstance(outcome, DeadLetter):
                await self._dead_letters.publish(record, outcome)
                labels.append("dead_lettered")
            else:
                labels.append(outcome)
        self._count(records, labels, seconds)
        return labels

    def _count(self, records: Sequence[Any], labels: Sequence[str], seconds: float) -> None:
        if not self._metrics:
            return
        consumed = self._metrics.messages_consumed_total
        for (topic, label), n in Counter(zip((r.topic for r in records), labels, strict=True)).items():
            consumed.labels(topic=topic, outcome=label).inc(n)
        timing = self._metrics.message_processing_seconds
        for topic, n in Counter(r.topic for r in records).items():
            child = timing.labels(topic=topic)
            for _ in range(n):  # one observation per message, as a histogram counts them
                child.observe(seconds)

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


def _merge(ignored: Sequence[bool], outcomes: Sequence[Any]) -> list[Any]:
    """The outcomes of the records applied, with IGNORED where a record was skipped."""
    applied = iter(outcomes)
    return [IGNORED if skip else next(applied) for skip in ignored]


def _backoff(attempt: int) -> float:
    return min(0.1 * 2 ** min(attempt, 6), 5.0)
