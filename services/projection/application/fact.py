"""One upstream message on its way into the views: what the envelope says, and its payload."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

from google.protobuf.message import Message

from oms.envelope.v1.envelope_pb2 import Envelope


@dataclass(frozen=True)
class Fact:
    event_id: str
    type: str  # full protobuf name: "oms.order.v1.OrderHeld"
    producer: str
    topic: str
    aggregate_id: str
    aggregate_version: int
    occurred_at: str  # ISO 8601 UTC; when the producer recorded the fact
    payload: Message

    @classmethod
    def from_envelope(cls, envelope: Envelope, payload: Message, topic: str) -> "Fact":
        occurred = envelope.occurred_at
        at = occurred.ToDatetime(tzinfo=timezone.utc) if occurred.seconds or occurred.nanos else None
        return cls(
            event_id=envelope.event_id,
            type=envelope.type,
            producer=envelope.producer,
            topic=topic,
            aggregate_id=envelope.aggregate_id,
            aggregate_version=envelope.aggregate_version,
            occurred_at=iso_time(at or datetime.now(timezone.utc)),
            payload=payload,
        )

    @property
    def name(self) -> str:
        """The message's own name: "OrderHeld"."""
        return self.type.rsplit(".", 1)[-1]


def iso_time(moment: datetime) -> str:
    """The one text form of a time in the views; compares correctly as text."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
