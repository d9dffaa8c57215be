"""One upstream message on its way into the views: what the envelope says, and its payload."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import NamedTuple

from google.protobuf.message import Message
from google.protobuf.timestamp_pb2 import Timestamp

from oms.envelope.v1.envelope_pb2 import Envelope
from oms_platform.contract_values import datetime_from_contract


class Fact(NamedTuple):  # a tuple, like ConsumedRecord: one is made per message
    event_id: str
    type: str  # full protobuf name: "oms.order.v1.OrderHeld"
    producer: str
    topic: str
    aggregate_id: str
    aggregate_version: int
    occurred_at: str  # ISO 8601 UTC; when the producer recorded the fact
    payload: Message
    store_position: int = 0  # where the fact is in its producer's store; 0 from channel adapters

    @classmethod
    def from_envelope(cls, envelope: Envelope, payload: Message, topic: str) -> Fact:
        return cls(
            event_id=envelope.event_id,
            type=envelope.type,
            producer=envelope.producer,
            topic=topic,
            aggregate_id=envelope.aggregate_id,
            aggregate_version=envelope.aggregate_version,
            occurred_at=stamp_text(envelope.occurred_at) or iso_time(datetime.now(UTC)),
            payload=payload,
            store_position=envelope.store_position,
        )

    @property
    def name(self) -> str:
        """The message's own name: "OrderHeld"."""
        return self.type.rsplit(".", 1)[-1]

    @property
    def context(self) -> str:
        """The bounded context whose contract it is: "order" for "oms.order.v1.OrderHeld"."""
        parts = self.type.split(".")
        return parts[1] if len(parts) > 2 else ""


def iso_time(moment: datetime) -> str:
    """The one text form of a time in the views; compares correctly as text."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return _utc_text(moment.astimezone(UTC))


def stamp_text(stamp: Timestamp) -> str | None:
    """A protobuf Timestamp in the views' text form; None when unset (the epoch is never real here)."""
    moment = datetime_from_contract(stamp)
    return None if moment is None else _utc_text(moment)  # already UTC: no conversion, on every fact


def _utc_text(m: datetime) -> str:
    # Formatted by hand: strftime and protobuf's ToDatetime were a tenth of a replay's time.
    return (f"{m.year:04d}-{m.month:02d}-{m.day:02d}T{m.hour:02d}:{m.minute:02d}:{m.second:02d}"
            f".{m.microsecond:06d}Z")
