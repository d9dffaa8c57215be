"""Seal payloads into the one envelope every topic carries, and open them again strictly.

Opening is where the contract is enforced: bytes that do not decode, an envelope missing its ids,
or a payload type the topic does not carry all raise ContractViolation, which the consumer turns
into a dead letter.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime

from google.protobuf.any_pb2 import Any as AnyMessage
from google.protobuf.message import DecodeError, Message

from oms.envelope.v1.envelope_pb2 import Envelope
from oms_platform.contract_values import timestamp_parts
from oms_platform.contracts import UnknownMessageType, full_name, message_class


class ContractViolation(Exception):
    """A message that breaks the contract of its topic; `kind` is a short machine-readable code."""

    def __init__(self, kind: str, detail: str):
        super().__init__(f"{kind}: {detail}")
        self.kind = kind
        self.detail = detail


@dataclass(frozen=True)
class Opened:
    envelope: Envelope
    payload: Message


def seal(
    payload: Message,
    *,
    event_id: str,
    producer: str,
    occurred_at: datetime,
    aggregate_id: str = "",
    aggregate_version: int = 0,
    store_position: int = 0,
    correlation_id: str = "",
    causation_id: str = "",
) -> Envelope:
    envelope = Envelope(
        event_id=event_id,
        type=full_name(payload),
        producer=producer,
        correlation_id=correlation_id or event_id,
        causation_id=causation_id or correlation_id or event_id,
        aggregate_id=aggregate_id,
        aggregate_version=aggregate_version,
        store_position=store_position,
    )
    envelope.occurred_at.seconds, envelope.occurred_at.nanos = timestamp_parts(occurred_at)
    envelope.payload.Pack(payload)
    return envelope


_REQUIRED = ("event_id", "type", "producer")


def open_envelope(data: bytes, *, allowed_types: Collection[str]) -> Opened:
    envelope = Envelope()
    try:
        envelope.ParseFromString(data)
    except (DecodeError, ValueError) as error:
        raise ContractViolation("undecodable", f"not an oms.envelope.v1.Envelope: {error}") from None
    missing = [name for name in _REQUIRED if not getattr(envelope, name)]
    if not envelope.HasField("payload"):
        missing.append("payload")
    if missing:
        raise ContractViolation("missing-fields", f"envelope lacks {', '.join(missing)}")
    payload_type = envelope.payload.TypeName()
    if payload_type != envelope.type:
        raise ContractViolation(
            "type-mismatch", f"envelope says {envelope.type!r}, payload is {payload_type!r}"
        )
    if envelope.type not in allowed_types:
        raise ContractViolation("type-not-allowed", f"{envelope.type!r} does not belong on this topic")
    return Opened(envelope, _unpack(envelope.payload, envelope.type))


def _unpack(packed: AnyMessage, type_name: str) -> Message:
    try:
        payload = message_class(type_name)()
    except UnknownMessageType:
        raise ContractViolation("unknown-type", f"no contract named {type_name!r}") from None
    try:
        unpacked = packed.Unpack(payload)
    except DecodeError:
        unpacked = False
    if not unpacked:
        raise ContractViolation("undecodable-payload", f"payload is not a valid {type_name}")
    return payload
