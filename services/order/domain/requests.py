"""What the order asks of other services, carried whole in the events that ask it.

Each event is published on its own, without the order at hand, so it carries everything the
command it becomes needs.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from oms_kernel.money import Money
from services.order.domain.values import Address, Contact, LineQuantity, PlannedShipment


@dataclass(frozen=True)
class StockRequest:
    """Reserve these lines for delivery to this address (inventory's ReserveStock)."""

    reservation_id: str
    lines: tuple[LineQuantity, ...]
    destination: Address
    priority: str


@dataclass(frozen=True)
class ShipmentRequest:
    """Create these shipments (fulfillment's CreateShipments)."""

    order_number: str
    reservation_id: str
    shipments: tuple[PlannedShipment, ...]
    destination: Address
    recipient: Contact
    priority: str
    express: bool
    promised_by: datetime | None
    declared_value: Money
    cash_on_delivery_amount: Money
