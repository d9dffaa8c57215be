"""The tracked consumer of the event-sourced services, and what their handlers use.

It is the platform's one batch consumer (`batch.py`: fetch, one transaction a batch, retries,
dead letters, metrics, offsets, lag) with the step that records the handlers' aggregates together
with the upstream positions (`record_aggregates.py`), so that redelivery and restarts change
nothing. The projection runs the same consumer with a step that writes its views.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from oms_platform.messaging.batch import (
    DUPLICATE,
    IGNORED,
    PARKED,
    PROCESSED,
    BatchConsumer,
    BatchStep,
    ConcurrentWrite,
)
from oms_platform.messaging.dead_letters import DeadLetterPublisher
from oms_platform.messaging.edges import Translated, translated
from oms_platform.messaging.parking import NotYet, ParkingSettings
from oms_platform.messaging.record_aggregates import (
    REDRIVE_HEADER,
    Handler,
    Inbound,
    InvalidMessage,
    RecordAggregates,
    tracking_name,
)
from oms_platform.metrics import ServiceMetrics
from oms_platform.store.application import ServiceApplication

# What services' handlers and the operations import from here, wherever it is defined.
__all__ = [
    "DUPLICATE", "IGNORED", "PARKED", "PROCESSED", "REDRIVE_HEADER", "BatchConsumer", "BatchStep",
    "ConcurrentWrite", "Handler", "Inbound", "InvalidMessage", "NotYet", "RecordAggregates",
    "TrackedConsumer", "Translated", "tracking_name", "translated",
]


class TrackedConsumer(BatchConsumer):
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
        parking: ParkingSettings | None = None,
    ):
        self.recording = RecordAggregates(app, allowed_types=allowed_types, handlers=handlers,
                                          dead_letters=dead_letters, metrics=metrics, parking=parking)
        super().__init__(consumer, self.recording, dead_letters=dead_letters, metrics=metrics, max_batch=max_batch)

    async def sweep_parked(self) -> None:
        await self.recording.sweep_parked()
