"""Value objects of an order: immutable, compared by value, recorded inside the order's events.

Collections are tuples so that values stay immutable; the store's transcoding turns the lists it
reads back into tuples (see application/transcodings.py). Amounts are the shared kernel's Money.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from oms_kernel.money import Money


@dataclass(frozen=True)
class Address:
    recipient_name: str
    phone: str
    country_code: str
    province: str
    city: str
    district: str
    street_lines: tuple[str, ...]
    postcode: str


@dataclass(frozen=True)
class Contact:
    name: str
    phone: str
    email: str


@dataclass(frozen=True)
class OrderLine:
    line_id: str
    sku: str
    name: str
    quantity: int
    unit_price: Money
    discount: Money
    tax: Money
    attributes: dict[str, str] = field(default_factory=dict)

    @property
    def total(self) -> Money:
        return self.unit_price.times(self.quantity) - self.discount + self.tax

    def as_quantity(self) -> LineQuantity:
        return LineQuantity(self.line_id, self.sku, self.quantity)


@dataclass(frozen=True)
class LineQuantity:
    """A quantity of one order line: what is reserved, shipped, released."""

    line_id: str
    sku: str
    quantity: int


@dataclass(frozen=True)
class ShipmentLine:
    line_id: str
    sku: str
    name: str
    quantity: int


@dataclass(frozen=True)
class Totals:
    """The totals the channel reported; any may be missing (None)."""

    subtotal: Money | None
    discount_total: Money | None
    shipping_fee: Money | None
    tax_total: Money | None
    grand_total: Money | None


class PaymentMethod(StrEnum):
    UNSPECIFIED = "UNSPECIFIED"
    ONLINE = "ONLINE"
    MARKETPLACE_ESCROW = "MARKETPLACE_ESCROW"
    CASH_ON_DELIVERY = "CASH_ON_DELIVERY"
    BANK_TRANSFER = "BANK_TRANSFER"
    CREDIT_TERMS = "CREDIT_TERMS"
    IN_STORE = "IN_STORE"


class PaymentStatus(StrEnum):
    UNSPECIFIED = "UNSPECIFIED"
    UNPAID = "UNPAID"
    AUTHORISED = "AUTHORISED"
    PARTLY_PAID = "PARTLY_PAID"
    PAID = "PAID"
    CASH_ON_DELIVERY = "CASH_ON_DELIVERY"
    PARTLY_REFUNDED = "PARTLY_REFUNDED"
    REFUNDED = "REFUNDED"


class PaymentSource(StrEnum):
    CHANNEL = "CHANNEL"
    GATEWAY = "GATEWAY"
    BANK_TRANSFER = "BANK_TRANSFER"
    MANUAL = "MANUAL"
    DEFERRED = "DEFERRED"


@dataclass(frozen=True)
class Payment:
    """Payment as the channel reported it."""

    method: str
    status: str
    paid_amount: Money | None
    reference: str
    gateway: str
    paid_at: datetime | None

    @property
    def is_paid(self) -> bool:
        return self.status == PaymentStatus.PAID

    @property
    def is_cash_on_delivery(self) -> bool:
        return (self.method == PaymentMethod.CASH_ON_DELIVERY
                or self.status == PaymentStatus.CASH_ON_DELIVERY)

    @property
    def is_deferred(self) -> bool:
        """Nothing is due before shipment: the carrier collects it, or the buyer has credit terms."""
        return self.is_cash_on_delivery or self.method == PaymentMethod.CREDIT_TERMS


@dataclass(frozen=True)
class PaymentConfirmation:
    reference: str
    method: str
    amount: Money
    source: str
    paid_at: datetime | None


@dataclass(frozen=True)
class TimeWindow:
    start: datetime | None
    end: datetime | None


@dataclass(frozen=True)
class InvoiceRequest:
    requested: bool
    company: bool
    title: str
    tax_id: str
    email: str


@dataclass(frozen=True)
class Placement:
    """Where and how the order was placed: facts the order keeps for others, not for its rules."""

    channel: str
    channel_account: str
    channel_order_id: str
    customer_id: str
    customer_name: str
    company_name: str
    placed_at: datetime | None
    accepted_at: datetime | None
    buyer_note: str
    requested_delivery: TimeWindow | None
    express_requested: bool
    presale: bool
    group_buy_id: str
    purchase_order_number: str
    invoice_request: InvoiceRequest | None
    promotion_codes: tuple[str, ...]


class ActorRole(StrEnum):
    SYSTEM = "SYSTEM"
    CUSTOMER = "CUSTOMER"
    CUSTOMER_SERVICE = "CUSTOMER_SERVICE"
    INTEGRATION = "INTEGRATION"


@dataclass(frozen=True)
class Actor:
    """Who did something: a person, a rule of the system, or an integration."""

    actor_id: str
    role: str


SYSTEM = Actor("order-service", ActorRole.SYSTEM)


@dataclass(frozen=True)
class WarehouseAllocation:
    """What one warehouse reserved, with the id of the shipment that will carry it."""

    warehouse_id: str
    shipment_id: str
    lines: tuple[LineQuantity, ...]


@dataclass(frozen=True)
class PlannedShipment:
    shipment_id: str
    warehouse_id: str
    lines: tuple[ShipmentLine, ...]

    def quantities(self) -> tuple[LineQuantity, ...]:
        return tuple(LineQuantity(line.line_id, line.sku, line.quantity) for line in self.lines)


@dataclass(frozen=True)
class Dispatch:
    """A shipment leaving its warehouse, as fulfillment reported it."""

    shipment_id: str
    warehouse_id: str
    carrier_code: str
    tracking_numbers: tuple[str, ...]
    lines: tuple[LineQuantity, ...]
    dispatched_at: datetime | None


@dataclass(frozen=True)
class Hold:
    hold_id: str
    reason: str
    detail: str
    review_queue: str
    held_by: Actor
    previous_status: str
    # Where a release takes the order: where it was held, unless it was paid meanwhile.
    resume_status: str


@dataclass(frozen=True)
class ChangeRequest:
    """A change someone asked for by message; refused ones are recorded with it."""

    kind: str
    source: str
    requested_by: Actor
    request_id: str
