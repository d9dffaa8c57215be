"""What the tracking service is told by the events it consumes, as plain domain values.

The Kafka edge (`entrypoints/kafka.py`) turns each upstream contract message into one of these;
the application handlers (`application/handlers.py`) take them. Every command is news of one
upstream fact: `upstream_event_id` names it (the envelope's event id) and `occurred_at` is when it
happened (the message's own time, or when it was sent if the producer left that unset).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from oms_kernel.money import Money


@dataclass(frozen=True)
class RecordOrderConfirmed:
    """The order service accepted the order (OrderPlaced)."""

    order_id: str
    order_number: str
    cash_on_delivery: bool
    occurred_at: datetime
    upstream_event_id: str


@dataclass(frozen=True)
class RecordPaymentCompleted:
    """The order service confirmed payment (PaymentConfirmed); cash on delivery is paid later."""

    order_id: str
    cash_on_delivery: bool
    occurred_at: datetime
    upstream_event_id: str


@dataclass(frozen=True)
class RecordReviewPassed:
    """The order service approved the order (OrderApproved)."""

    order_id: str
    occurred_at: datetime
    upstream_event_id: str


@dataclass(frozen=True)
class RecordPickingStarted:
    """A picker started on a shipment (PickingStarted), or picked it (ShipmentPicked: the pick
    proves picking started; it names no warehouse, so `warehouse_id` is empty)."""

    order_id: str
    shipment_id: str
    warehouse_id: str
    occurred_at: datetime
    upstream_event_id: str


@dataclass(frozen=True)
class RecordDispatch:
    """A shipment left its warehouse with a carrier (ShipmentDispatched): the outbound scan.
    Carrier code and tracking numbers are as the message gave them; the domain normalises them."""

    order_id: str
    shipment_id: str
    warehouse_id: str
    carrier_code: str
    tracking_numbers: tuple[str, ...]
    cash_on_delivery: Money | None
    occurred_at: datetime
    upstream_event_id: str
