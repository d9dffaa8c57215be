"""Dead-letter publishing: a message that cannot be processed is kept, never dropped.

The dead-letter record carries the ORIGINAL key and bytes unchanged, so it can be inspected and
redriven after a fix; why and where it failed travel in headers.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from oms_platform.logging import get_logger
from oms_platform.metrics import ServiceMetrics

log = get_logger(__name__)


@dataclass(frozen=True)
class DeadLetter:
    kind: str  # machine-readable: undecodable, missing-fields, type-not-allowed, invalid, handler-error...
    detail: str


def dead_letter_topic(topic: str) -> str:
    return f"{topic}.dlq"


class DeadLetterPublisher:
    def __init__(
        self,
        producer: Any,
        *,
        consumer_name: str,
        metrics: ServiceMetrics | None = None,
        topic_for: Callable[[str], str] = dead_letter_topic,
    ):
        self._producer = producer
        self._consumer_name = consumer_name
        self._metrics = metrics
        self._topic_for = topic_for

    async def publish(self, record: Any, letter: DeadLetter) -> None:
        """Publish and wait for the broker's acknowledgement before the offset may move on."""
        headers = [
            *(record.headers or ()),
            ("dlq-reason", f"{letter.kind}: {letter.detail}"[:2000].encode()),
            ("dlq-source-topic", record.topic.encode()),
            ("dlq-source-partition", str(record.partition).encode()),
            ("dlq-source-offset", str(record.offset).encode()),
            ("dlq-consumer", self._consumer_name.encode()),
            ("dlq-failed-at", datetime.now(UTC).isoformat().encode()),
        ]
        topic = self._topic_for(record.topic)
        acknowledgement = await self._producer.send(
            topic, value=record.value, key=record.key, headers=headers
        )
        await acknowledgement
        log.warning(
            "message dead-lettered",
            source_topic=record.topic,
            partition=record.partition,
            offset=record.offset,
            reason=letter.kind,
            detail=letter.detail,
        )
        if self._metrics:
            self._metrics.dead_letters_total.labels(topic=record.topic, reason=letter.kind).inc()
