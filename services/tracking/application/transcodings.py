"""How the tracking domain's value objects are written into stored events (as JSON).

Events keep the domain's own types (a Checkpoint, a Place) instead of strings and dicts; these
transcodings name each type in the stored JSON so it reads back as the same type. Amounts are the
kernel's Money, written as `oms.money` by the platform; the ones stored before that, as
`tracking.Money` (`{"currency", "minor_units"}`), still read back as Money through LEGACY_VALUES.
"""

from __future__ import annotations

from dataclasses import fields
from enum import Enum
from typing import Any

from eventsourcing.persistence import JSONTranscoder, Transcoding

from oms_platform.store.values import LegacyMoney
from services.tracking.domain.carrier_events import CarrierEvent
from services.tracking.domain.checkpoints import Checkpoint, Source, TimelineEntry
from services.tracking.domain.timeline import ShipmentTrack
from services.tracking.domain.values import Place

VALUE_TYPES = (Place, TimelineEntry, CarrierEvent, ShipmentTrack)
ENUM_TYPES = (Checkpoint, Source)
# Read only: Money as this service stored it before the kernel's Money (now written as oms.money).
LEGACY_VALUES = (LegacyMoney("tracking.Money"),)


class ValueAsDict(Transcoding):
    def __init__(self, value_type: type):
        self.type = value_type
        self.name = f"tracking.{value_type.__name__}"

    def encode(self, obj: Any) -> dict[str, Any]:
        # Not dataclasses.asdict: nested values must stay typed so their own transcoding applies.
        return {field.name: getattr(obj, field.name) for field in fields(obj)}

    def decode(self, data: dict[str, Any]) -> Any:
        # JSON has no tuples; the values only ever hold tuples, never lists.
        return self.type(**{key: tuple(v) if isinstance(v, list) else v for key, v in data.items()})


class EnumAsName(Transcoding):
    def __init__(self, enum_type: type[Enum]):
        self.type = enum_type
        self.enum_type = enum_type  # `type` is typed as any class by Transcoding
        self.name = f"tracking.{enum_type.__name__}"

    def encode(self, obj: Enum) -> str:
        return obj.name

    def decode(self, data: str) -> Enum:
        return self.enum_type[data]


def register_legacy_values(transcoder: JSONTranscoder) -> None:
    """Decoders for names no longer written; register them before the platform's own (the
    transcoder writes a type with the last transcoding registered for it)."""
    for legacy in LEGACY_VALUES:
        transcoder.register(legacy)


def register_domain_values(transcoder: JSONTranscoder) -> None:
    for value_type in VALUE_TYPES:
        transcoder.register(ValueAsDict(value_type))
    for enum_type in ENUM_TYPES:
        transcoder.register(EnumAsName(enum_type))
