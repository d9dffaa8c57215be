"""How the domain's value objects are written into the event store and read back.

Amounts are the kernel's Money, stored as `oms.money` like in every service. Before that, the
service had a Money of its own, stored as `fulfillment.Money` with the same keys (`{"currency": ...,
"minor_units": ...}`): events written then still read back as the kernel's Money.
"""

from __future__ import annotations

from dataclasses import fields
from enum import Enum
from typing import Any

from eventsourcing.persistence import JSONTranscoder, Transcoding

from oms_platform.store.values import LegacyMoney, MoneyAsDict
from services.fulfillment.domain.carriers import CarrierChoice, CarrierRate
from services.fulfillment.domain.values import (
    Address,
    LineQuantity,
    Parcel,
    PickItem,
    QualityCheck,
    ServiceLevel,
    ShipmentLine,
    ShipmentPlan,
)

STORED_VALUES = (
    Address, CarrierChoice, CarrierRate, LineQuantity, Parcel, PickItem, QualityCheck, ShipmentLine, ShipmentPlan,
)
STORED_ENUMS = (ServiceLevel,)
# The name this service's own Money was stored under before the kernel's (same keys as oms.money).
LEGACY_MONEY = "fulfillment.Money"


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
    # A transcoder writes a type with the transcoding registered for it last: MoneyAsDict again
    # after the legacy reader, so that new events are written as oms.money whatever came before.
    transcoder.register(LegacyMoney(LEGACY_MONEY))
    transcoder.register(MoneyAsDict())
    for value_type in STORED_VALUES:
        transcoder.register(ValueAsDict(value_type))
    for enum_type in STORED_ENUMS:
        transcoder.register(EnumAsValue(enum_type))
