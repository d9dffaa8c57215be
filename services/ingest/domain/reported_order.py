"""A channel order as the channel reported it, in the ingest domain's own terms.

Nothing here is trusted: these are the values validation reads and normalises. Enumerations are
lower-case names ("web_shop", "paid", "online"); "" means the channel did not say.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Literal, get_args

from oms_kernel.money import Money

# The vocabularies of the reported values; the contracts' enum names, without prefix, lower case.
ChannelCode = Literal[
    "marketplace", "web_shop", "mobile_app", "physical_store", "distributor", "social",
    "staff_phone", "staff_email", "batch_file", "edi",
]
PaymentStatusCode = Literal[
    "unpaid", "authorised", "partly_paid", "paid", "cash_on_delivery", "partly_refunded", "refunded",
]
PaymentMethodCode = Literal[
    "online", "marketplace_escrow", "cash_on_delivery", "bank_transfer", "credit_terms", "in_store",
]
CHANNELS: tuple[str, ...] = get_args(ChannelCode)
PAYMENT_STATUSES: tuple[str, ...] = get_args(PaymentStatusCode)
PAYMENT_METHODS: tuple[str, ...] = get_args(PaymentMethodCode)


@dataclass(frozen=True)
class Contact:
    name: str = ""
    phone: str = ""
    email: str = ""


@dataclass(frozen=True)
class Address:
    recipient_name: str = ""
    phone: str = ""
    country_code: str = ""
    province: str = ""
    city: str = ""
    district: str = ""
    street_lines: tuple[str, ...] = ()
    postcode: str = ""


@dataclass(frozen=True)
class Customer:
    channel_customer_id: str = ""
    name: str = ""
    membership_level: str = ""
    company_name: str = ""


@dataclass(frozen=True)
class OrderLine:
    line_id: str
    sku: str
    quantity: int
    unit_price: Money | None
    name: str = ""
    discount: Money | None = None
    tax: Money | None = None
    attributes: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ReportedTotals:
    subtotal: Money | None = None
    discount_total: Money | None = None
    shipping_fee: Money | None = None
    tax_total: Money | None = None
    grand_total: Money | None = None


@dataclass(frozen=True)
class Payment:
    """Payment as the channel reports it: with the order, or later as an update."""

    status: str = ""
    method: str = ""
    paid_amount: Money | None = None
    payment_reference: str = ""
    gateway: str = ""
    paid_at: datetime | None = None


@dataclass(frozen=True)
class TimeWindow:
    start: datetime | None = None
    end: datetime | None = None


@dataclass(frozen=True)
class InvoiceRequest:
    requested: bool = False
    company: bool = False
    title: str = ""
    tax_id: str = ""
    email: str = ""


@dataclass(frozen=True)
class ChannelOrderRef:
    """Which channel order something is about: the business identity of intake (I3)."""

    channel: str
    channel_account: str
    channel_order_id: str


@dataclass(frozen=True)
class ReportedOrder:
    ref: ChannelOrderRef
    customer: Customer = Customer()
    contact: Contact = Contact()
    shipping_address: Address | None = None
    billing_address: Address | None = None
    lines: tuple[OrderLine, ...] = ()
    reported_totals: ReportedTotals | None = None
    payment: Payment | None = None
    placed_at: datetime | None = None
    buyer_note: str = ""
    seller_note: str = ""
    requested_delivery: TimeWindow | None = None
    express_requested: bool = False
    presale: bool = False
    group_buy_id: str = ""
    purchase_order_number: str = ""
    invoice_request: InvoiceRequest | None = None
    promotion_codes: tuple[str, ...] = ()
    attributes: dict[str, str] = field(default_factory=dict)

    @property
    def currency(self) -> str:
        """The currency the order is priced in: that of its first priced line."""
        return next((line.unit_price.currency for line in self.lines if line.unit_price), "")

    def fingerprint(self) -> str:
        """Same content, same fingerprint, whichever way (Kafka, HTTP) the order came in."""
        canonical = json.dumps(asdict(self), sort_keys=True, default=str, ensure_ascii=False)
        return hashlib.sha256(canonical.encode()).hexdigest()


@dataclass(frozen=True)
class Cancellation:
    reason: str = ""
    requested_by_buyer: bool = False


@dataclass(frozen=True)
class AddressChange:
    shipping_address: Address | None = None
    contact: Contact | None = None


Change = Payment | Cancellation | AddressChange


@dataclass(frozen=True)
class ChannelOrderUpdate:
    """A later change to a channel order: paid, cancelled or address changed; one per update."""

    update_id: str
    change: Change | None
    updated_at: datetime | None = None
