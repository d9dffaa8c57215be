"""What the order's neighbours tell it: each consumed contract message as a small command of domain values.

The Kafka edge (entrypoints/kafka.py) translates every message it consumes into one of these, and
the application's handlers (handlers.py) act on them, knowing nothing of protobuf. Not to be
confused with adapters/commands.py: the contract commands the order *sends* to inventory and
fulfillment as process manager.

Order ids are kept as the message spelt them: an id this store does not know (or that is no UUID)
is an order it does not know, and changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from services.order.domain.values import (
    Address,
    Contact,
    Dispatch,
    LineQuantity,
    OrderLine,
    Payment,
    Placement,
    Totals,
)

# -- from intake -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class PlaceOrder:
    """Intake accepted an order (OrderAccepted): its facts, checked usable; `order_id` is a UUID."""

    order_id: str
    order_number: str
    placement: Placement
    contact: Contact
    shipping_address: Address
    billing_address: Address | None
    lines: tuple[OrderLine, ...]
    totals: Totals
    payment: Payment


@dataclass(frozen=True)
class ChannelPaid:
    """The channel reports the order's payment (maybe not a completed one)."""

    payment: Payment


@dataclass(frozen=True)
class ChannelCancelled:
    reason: str
    requested_by_buyer: bool


@dataclass(frozen=True)
class ChannelReaddressed:
    shipping_address: Address
    contact: Contact | None


ChannelChange = ChannelPaid | ChannelCancelled | ChannelReaddressed


@dataclass(frozen=True)
class ApplyChannelUpdate:
    """A channel's later word on an order (ChannelOrderUpdateApplied)."""

    order_id: str
    update_id: str
    channel_account: str
    change: ChannelChange


# -- from inventory --------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReservedInWarehouse:
    warehouse_id: str
    lines: tuple[LineQuantity, ...]


@dataclass(frozen=True)
class AllocateStock:
    """Inventory reserved the order's stock (ReservationMade), in one or more warehouses."""

    order_id: str
    reserved: tuple[ReservedInWarehouse, ...]


@dataclass(frozen=True)
class Backorder:
    """Inventory could not reserve (ReservationFailed): the lines missing stock and why, in words."""

    order_id: str
    missing: tuple[LineQuantity, ...]
    detail: str


# -- from fulfillment and tracking ----------------------------------------------------------------


@dataclass(frozen=True)
class NoteShipmentCreated:
    order_id: str
    shipment_id: str


@dataclass(frozen=True)
class DispatchShipment:
    order_id: str
    dispatch: Dispatch


@dataclass(frozen=True)
class NoteShipmentCancelled:
    order_id: str
    shipment_id: str


@dataclass(frozen=True)
class DeliverShipment:
    order_id: str
    shipment_id: str
    delivered_at: datetime | None
