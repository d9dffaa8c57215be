"""Takes each consumed record to its end: applied, skipped, ignored or dead-lettered.

The same rules as the platform's tracked consumer: a database that is away is waited for (the
message must not be lost), a record that keeps failing for another reason is dead-lettered with
the reason (the partition must not be blocked), and every outcome is counted.
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import Sequence

from oms_platform.logging import get_logger
from oms_platform.messaging.dead_letters import DeadLetter, DeadLetterPublisher
from oms_platform.metrics import ServiceMetrics
from services.projection.adapters.view_store import ViewStoreUnavailable
from services.projection.application.projector import ConsumedRecord, Projector

log = get_logger(__name__)

ATTEMPTS = 3


class RecordProcessor:
    def __init__(self, projector: Projector, dead_letters: DeadLetterPublisher,
                 metrics: ServiceMetrics | None = None):
        self._projector = projector
        self._dead_letters = dead_letters
        self._metrics = metrics

    async def process_batch(self, records: Sequence[ConsumedRecord]) -> list[str]:
        """Records in one transaction; when that fails, nothing was written: one by one instead."""
        loop = asyncio.get_running_loop()
        started = loop.time()
        unavailable = 0
        while True:
            try:
                outcomes = await asyncio.to_thread(self._projector.project_batch, records)
                break
            except ViewStoreUnavailable as error:
                # Away, busy, or a deadlock victim: the batch as a whole is fine, try it again
                # (one record at a time would be a transaction per record, for nothing).
                unavailable += 1
                log.warning("views unavailable for a batch, retrying", error=str(error).splitlines()[0],
                            records=len(records), attempt=unavailable)
                await asyncio.sleep(min(0.1 * 2 ** min(unavailable, 6), 5.0) * random.uniform(0.5, 1.0))
            except Exception as error:  # noqa: BLE001 - each record then gets its own retries
                log.info("batch not applied as one, applying record by record",
                         records=len(records), error=f"{type(error).__name__}: {error}")
                return [await self.process(record) for record in records]
        share = (loop.time() - started) / max(len(records), 1)
        return [await self._finish(record, outcome, share) for record, outcome in zip(records, outcomes, strict=True)]

    async def process(self, record: ConsumedRecord) -> str:
        loop = asyncio.get_running_loop()
        started = loop.time()
        outcome = await self._project_with_retries(record)
        return await self._finish(record, outcome, loop.time() - started)

    async def _finish(self, record: ConsumedRecord, outcome: str | DeadLetter, seconds: float) -> str:
        if isinstance(outcome, DeadLetter):
            await self._dead_letters.publish(record, outcome)
            outcome = "dead_lettered"
        if self._metrics:
            self._metrics.messages_consumed_total.labels(topic=record.topic, outcome=outcome).inc()
            self._metrics.message_processing_seconds.labels(topic=record.topic).observe(seconds)
        return outcome

    async def _project_with_retries(self, record: ConsumedRecord) -> str | DeadLetter:
        failures = 0
        unavailable = 0
        while True:
            try:
                return await asyncio.to_thread(self._projector.project, record)
            except ViewStoreUnavailable as error:
                unavailable += 1
                log.warning("views unavailable, retrying", error=str(error), attempt=unavailable)
                await asyncio.sleep(min(0.1 * 2 ** min(unavailable, 6), 5.0))
            except Exception as error:  # noqa: BLE001 - a bug or unexpected input: keep it, move on
                failures += 1
                if failures >= ATTEMPTS:
                    log.exception("cannot project message, dead-lettering", topic=record.topic,
                                  partition=record.partition, offset=record.offset)
                    return DeadLetter("handler-error", f"{type(error).__name__}: {error}")
                await asyncio.sleep(0.05 * failures)

