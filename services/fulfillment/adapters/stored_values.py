"""How the domain's value objects are written into the event store and read back."""

from __future__ import annotations

from dataclasses import fields
from enum import Enum
from typing import Any

from eventsourcing.persistence import JSONTranscoder, Transcoding

from services.fulfillment.domain.carriers import CarrierChoice, CarrierRate
from services.fulfillment.domain.values import (
    Address,
    LineQuantity,
    Money,
    Parcel,
    PickItem,
    QualityCheck,
    ServiceLevel,
    ShipmentLine,
    ShipmentPlan,
)

STORED_VALUES = (
    Address, CarrierChoice, CarrierRate, LineQuantity, Money, Parcel, PickItem, QualityCheck, ShipmentLine,
    ShipmentPlan,
)
STORED_ENUMS = (ServiceLevel,)


class ValueAsDict(Transcoding):
    """A frozen dataclass as its fields; nested values are transcoded by their own transcodings."""

    def __init__(self, value_type: type) -> None:
        self.type = value_type
        self.name = f"fulfillment.{value_type.__name__}"

    def encode(self, obj: Any) -> dict[str, Any]:
        return {field.name: getattr(obj, field.name) for field in fields(obj)}

    def decode(self, data: dict[str, Any]) -> Any:
        # JSON has no tuples; every sequence in these values is a tuple.
        return self.type(**{name: tuple(v) if isinstance(v, list) else v for name, v in data.items()})


class EnumAsValue(Transcoding):
    def __init__(self, enum_type: type[Enum]) -> None:
        self.type = enum_type
        self.name = f"fulfillment.{enum_type.__name__}"

    def encode(self, obj: Enum) -> Any:
        return obj.value

    def decode(self, data: Any) -> Enum:
        return self.type(data)


def register_stored_values(transcoder: JSONTranscoder) -> None:
    for value_type in STORED_VALUES:
        transcoder.register(ValueAsDict(value_type))
    for enum_type in STORED_ENUMS:
        transcoder.register(EnumAsValue(enum_type))
