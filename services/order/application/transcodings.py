"""How the order's value objects are stored inside its events (JSON in the event store).

Amounts are the shared kernel's Money, stored by the platform as `oms.money`. Before that the
order had a Money of its own, stored as `order.Money` with the same keys (`currency`,
`minor_units`): events recorded then still read back as the kernel's Money (LEGACY_MONEY).
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from eventsourcing.persistence import JSONTranscoder, Transcoding

from oms_platform.store.values import LegacyMoney
from services.order.domain import requests, review, values

STORED_VALUES: tuple[type, ...] = (
    values.Address, values.Contact, values.OrderLine, values.LineQuantity,
    values.ShipmentLine, values.Totals, values.Payment, values.PaymentConfirmation, values.TimeWindow,
    values.InvoiceRequest, values.Placement, values.Actor, values.WarehouseAllocation,
    values.PlannedShipment, values.Dispatch, values.Hold, values.ChangeRequest,
    requests.StockRequest, requests.ShipmentRequest, review.ReviewCheck,
)


class ValueTranscoding(Transcoding):
    """A frozen dataclass as a JSON object of its fields, under the class's name."""

    def __init__(self, value_type: type):
        self.type = value_type
        self.name = f"order.{value_type.__name__}"

    def encode(self, obj: Any) -> dict[str, Any]:
        return {f.name: getattr(obj, f.name) for f in fields(obj)}

    def decode(self, data: dict[str, Any]) -> Any:
        # JSON has no tuples: every list in a value object was a tuple when it was recorded.
        return self.type(**{name: tuple(v) if isinstance(v, list) else v for name, v in data.items()})


# How amounts were stored before the kernel's Money: read only, registered before the platform's
# `oms.money` (the last transcoding registered for a type is the one that writes it).
LEGACY_MONEY = LegacyMoney("order.Money")


def register_legacy_money(transcoder: JSONTranscoder) -> None:
    transcoder.register(LEGACY_MONEY)


def register_values(transcoder: JSONTranscoder) -> None:
    for value_type in STORED_VALUES:
        transcoder.register(ValueTranscoding(value_type))
