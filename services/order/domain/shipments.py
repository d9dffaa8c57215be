"""How far each shipment of an order has come, as the order sees it."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum
from typing import Any

from services.order.domain.values import LineQuantity, PlannedShipment


class ShipmentState(StrEnum):
    REQUESTED = "REQUESTED"  # CreateShipments sent
    CREATED = "CREATED"
    DISPATCHED = "DISPATCHED"
    DELIVERED = "DELIVERED"
    CANCELLING = "CANCELLING"  # CancelShipment sent
    CANCELLED = "CANCELLED"


@dataclass(frozen=True)
class ShipmentProgress:
    plan: PlannedShipment
    state: ShipmentState = ShipmentState.REQUESTED
    carrier_code: str = ""
    tracking_numbers: tuple[str, ...] = ()
    shipped_lines: tuple[LineQuantity, ...] = ()
    dispatched_at: datetime | None = None
    delivered_at: datetime | None = None

    @property
    def shipment_id(self) -> str:
        return self.plan.shipment_id

    @property
    def has_left(self) -> bool:
        return self.state in (ShipmentState.DISPATCHED, ShipmentState.DELIVERED)

    @property
    def may_still_ship(self) -> bool:
        return self.state in (ShipmentState.REQUESTED, ShipmentState.CREATED)

    def moved_to(self, state: ShipmentState, **changes: Any) -> ShipmentProgress:
        # `changes` are other fields by name (Any: their types differ); replace() checks the names.
        return replace(self, state=state, **changes)
