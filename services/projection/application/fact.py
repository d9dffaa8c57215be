"""One upstream message on its way into the views: what the envelope says, and its payload."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from google.protobuf.message import Message
from google.protobuf.timestamp_pb2 import Timestamp

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
        return cls(
            event_id=envelope.event_id,
            type=envelope.type,
            producer=envelope.producer,
            topic=topic,
            aggregate_id=envelope.aggregate_id,
            aggregate_version=envelope.aggregate_version,
            occurred_at=stamp_text(envelope.occurred_at) or iso_time(datetime.now(timezone.utc)),
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
    m = moment.astimezone(timezone.utc)
    # Formatted by hand: strftime and protobuf's ToDatetime were a tenth of a replay's time.
    return (f"{m.year:04d}-{m.month:02d}-{m.day:02d}T{m.hour:02d}:{m.minute:02d}:{m.second:02d}"
            f".{m.microsecond:06d}Z")


_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


def stamp_text(stamp: Timestamp) -> str | None:
    """A protobuf Timestamp in the views' text form; None when unset (the epoch is never real here)."""
    if not stamp.seconds and not stamp.nanos:
        return None
    return iso_time(_EPOCH + timedelta(seconds=stamp.seconds, microseconds=stamp.nanos // 1000))
