"""What a stored event becomes on the wire, worked out once, when it is recorded.

The store writes, in the transaction that records the events, one outbox row per event: the
messages it is published as (topic, key, sealed envelope, headers). The relay then only reads rows
and sends them, instead of decoding every stored event back into a domain event, mapping it and
sealing envelopes (30-150 µs per event). Events stored before there was an outbox, or recorded by
an application no relay has set up, have no row: the relay translates them as it always did, with
the same functions, so the bytes and the event ids are the same either way.
"""

from __future__ import annotations

import struct
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from google.protobuf.message import Message

from oms.envelope.v1.envelope_pb2 import Envelope
from oms_kernel.ids import name_based_id
from oms_platform.messaging.context import current_context
from oms_platform.messaging.envelope import seal
from oms_platform.tracing import trace_headers

# Stable event ids: republishing the same stored event yields the same id.
EVENT_ID_NAMESPACE = uuid.UUID("6f1c8d3e-2b7a-4c59-9e0f-0d5a3c1b7e42")


@dataclass(frozen=True)
class Publication:
    """One message a domain event becomes on one topic."""

    topic: str
    key: str
    message: Message


PublicationMap = Callable[[Any], Iterable[Publication]]


@dataclass(frozen=True)
class Outgoing:
    topic: str
    key: bytes
    value: bytes
    headers: list[tuple[str, bytes]]


@dataclass(frozen=True)
class Sealed:
    """A message sealed but for its store position, which the store assigns on insert."""

    topic: str
    key: bytes
    envelope: Envelope
    headers: list[tuple[str, bytes]]

    def at(self, position: int) -> Outgoing:
        self.envelope.store_position = position
        return Outgoing(self.topic, self.key, self.envelope.SerializeToString(), self.headers)


class Outbox:
    """A service's publication map and producer name, applied to events as they are recorded."""

    def __init__(self, publications: PublicationMap, producer: str):
        self.publications = publications
        self.producer = producer

    def seal_recorded(self, events: Sequence[Any]) -> list[list[Sealed]]:
        """The messages of each event, with the ids of the work recording them (as the store
        stamps them on the events, see `oms_platform.store.transcoder`) and, when tracing, the
        trace context of that work in their headers: now, not when the relay sends them later
        from its own task, is when the request or consumed message that caused them is current."""
        context = current_context()
        correlation = context.correlation_id if context else ""
        causation = context.causation_id if context else ""
        trace = trace_headers()
        return [self.seal(event, event.originator_id, event.originator_version, correlation, causation, trace)
                for event in events]

    def seal(self, event: Any, aggregate_id: Any, version: int, correlation: str, causation: str,
             trace: Sequence[tuple[str, bytes]] = ()) -> list[Sealed]:
        publications = list(self.publications(event))
        topics = [p.topic for p in publications]
        if len(set(topics)) != len(topics):
            # Consumers deduplicate by (producer, topic, aggregate, version): two messages of one
            # event on one topic would make the second look like a duplicate and be dropped.
            raise ValueError(f"{type(event).__name__} maps to one topic twice: {topics}")
        return [self._sealed(p, event, str(aggregate_id), version, correlation, causation, trace)
                for p in publications]

    def _sealed(self, publication: Publication, event: Any, aggregate_id: str, version: int,
                correlation: str, causation: str, trace: Sequence[tuple[str, bytes]]) -> Sealed:
        event_id = name_based_id(EVENT_ID_NAMESPACE, f"{self.producer}/{aggregate_id}/{version}/{publication.topic}")
        envelope = seal(publication.message, event_id=event_id, producer=self.producer,
                        occurred_at=occurred_at(event), aggregate_id=aggregate_id, aggregate_version=version,
                        correlation_id=correlation, causation_id=causation)
        headers = [
            ("oms-type", envelope.type.encode()),
            ("oms-event-id", event_id.encode()),
            ("oms-producer", self.producer.encode()),
            ("oms-correlation-id", envelope.correlation_id.encode()),
        ]
        if trace:  # `traceparent` (and `tracestate`): the row format takes any number of headers
            headers.extend(trace)
        return Sealed(publication.topic, publication.key.encode(), envelope, headers)


def occurred_at(event: Any) -> datetime:
    timestamp = getattr(event, "timestamp", None)
    if isinstance(timestamp, datetime):
        return timestamp if timestamp.tzinfo else timestamp.replace(tzinfo=UTC)
    return datetime.now(UTC)


# -- the bytes of one outbox row -------------------------------------------------------------------
# Version 1: count of messages, then per message its header count and its fields (topic, key,
# value, then name and value of each header), each field length-prefixed. Cheap to read back,
# where JSON would need base64 for the envelope bytes. Headers are counted per message, so rows
# with trace headers and rows written before there were any read the same way.

_FORMAT = b"\x01"
_COUNT = struct.Struct(">H")
_LENGTH = struct.Struct(">I")


def encode_messages(messages: Sequence[Outgoing]) -> bytes:
    parts = [_FORMAT, _COUNT.pack(len(messages))]
    for m in messages:
        parts.append(_COUNT.pack(len(m.headers)))
        fields = [m.topic.encode(), m.key, m.value]
        for name, value in m.headers:
            fields += [name.encode(), value]
        for data in fields:
            parts += [_LENGTH.pack(len(data)), data]
    return b"".join(parts)


def decode_messages(row: bytes) -> list[Outgoing]:
    if row[:1] != _FORMAT:
        raise ValueError(f"unknown outbox row format {row[:1]!r}")
    view, offset = memoryview(row), 1

    def field() -> bytes:
        nonlocal offset
        (length,) = _LENGTH.unpack_from(view, offset)
        offset += _LENGTH.size + length
        return bytes(view[offset - length:offset])

    (count,), offset = _COUNT.unpack_from(view, offset), offset + _COUNT.size
    messages = []
    for _ in range(count):
        (headers,), offset = _COUNT.unpack_from(view, offset), offset + _COUNT.size
        topic, key, value = field().decode(), field(), field()
        messages.append(Outgoing(topic, key, value, [(field().decode(), field()) for _ in range(headers)]))
    return messages
