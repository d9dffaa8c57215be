"""How the tracking domain's value objects are written into stored events (as JSON).

Events keep the domain's own types (a Checkpoint, a Place) instead of strings and dicts; these
transcodings name each type in the stored JSON so it reads back as the same type.
"""

from __future__ import annotations

from dataclasses import fields
from enum import Enum
from typing import Any

from eventsourcing.persistence import JSONTranscoder, Transcoding

from services.tracking.domain.carrier_events import CarrierEvent
from services.tracking.domain.checkpoints import Checkpoint, Source, TimelineEntry
from services.tracking.domain.timeline import ShipmentTrack
from services.tracking.domain.values import Money, Place

VALUE_TYPES = (Place, Money, TimelineEntry, CarrierEvent, ShipmentTrack)
ENUM_TYPES = (Checkpoint, Source)


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


def register_domain_values(transcoder: JSONTranscoder) -> None:
    for value_type in VALUE_TYPES:
        transcoder.register(ValueAsDict(value_type))
    for enum_type in ENUM_TYPES:
        transcoder.register(EnumAsName(enum_type))
