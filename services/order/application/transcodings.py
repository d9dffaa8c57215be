"""How the order's value objects are stored inside its events (JSON in the event store)."""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from eventsourcing.persistence import JSONTranscoder, Transcoding

from services.order.domain import requests, review, values

STORED_VALUES: tuple[type, ...] = (
    values.Money, values.Address, values.Contact, values.OrderLine, values.LineQuantity,
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


def register_values(transcoder: JSONTranscoder) -> None:
    for value_type in STORED_VALUES:
        transcoder.register(ValueTranscoding(value_type))
