"""The JSON shape of a channel order over HTTP: ChannelOrder of the contracts, in snake_case.

These models check structure only (types, unknown fields, enumerations); whether the values make a
valid order is the domain's validation, which keeps a record of every rejection. Amounts are read
into Money with a ReportedAmounts (currency codes trimmed and upper-cased; one that is still no
ISO 4217 code is kept for validation to name), passed down with where each amount sits.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictInt, model_validator

from oms_kernel.money import Money
from services.ingest.adapters.reported_amounts import ReportedAmounts
from services.ingest.domain.reported_order import (
    Address,
    AddressChange,
    Cancellation,
    ChannelCode,
    ChannelOrderRef,
    ChannelOrderUpdate,
    Contact,
    Customer,
    InvoiceRequest,
    OrderLine,
    Payment,
    PaymentMethodCode,
    PaymentStatusCode,
    ReportedOrder,
    ReportedTotals,
    TimeWindow,
)

# Short names staff forms use for the staff-entry channels.
CHANNEL_ALIASES = {"phone": "staff_phone", "email": "staff_email"}
ChannelName = Literal[ChannelCode, "phone", "email"]


class Form(BaseModel):
    model_config = ConfigDict(extra="forbid", str_max_length=4000)


def _utc(moment: datetime | None) -> datetime | None:
    # A time without offset is taken as UTC, as protobuf Timestamps are.
    if moment is None:
        return None
    return moment.astimezone(UTC) if moment.tzinfo else moment.replace(tzinfo=UTC)


class MoneyForm(Form):
    currency: str = Field(max_length=8, examples=["CNY"])
    minor_units: StrictInt = Field(description="Whole minor units (fen, cents); never a decimal.", examples=[12900])

    def to_domain(self, amounts: ReportedAmounts, path: str) -> Money | None:
        return amounts.read(path, self.currency, self.minor_units)

    @classmethod
    def of(cls, money: Money | None) -> MoneyForm | None:
        return None if money is None else cls(currency=money.currency, minor_units=money.minor_units)


def _money(form: MoneyForm | None, amounts: ReportedAmounts, path: str) -> Money | None:
    return None if form is None else form.to_domain(amounts, path)


class ContactForm(Form):
    name: str = ""
    phone: str = Field("", max_length=64)
    email: str = Field("", max_length=320)

    def to_domain(self) -> Contact:
        return Contact(self.name, self.phone, self.email)


class AddressForm(Form):
    recipient_name: str = ""
    phone: str = Field("", max_length=64)
    country_code: str = Field("", max_length=8, examples=["CN"])
    province: str = ""
    city: str = ""
    district: str = ""
    street_lines: list[str] = Field(default_factory=list, max_length=10)
    postcode: str = Field("", max_length=16)

    def to_domain(self) -> Address:
        return Address(**{**self.model_dump(), "street_lines": tuple(self.street_lines)})


class CustomerForm(Form):
    channel_customer_id: str = ""
    name: str = ""
    membership_level: str = ""
    company_name: str = ""

    def to_domain(self) -> Customer:
        return Customer(**self.model_dump())


class OrderLineForm(Form):
    line_id: str = Field("", max_length=128)
    sku: str = Field("", max_length=128)
    name: str = ""
    quantity: StrictInt = 0
    unit_price: MoneyForm | None = None
    discount: MoneyForm | None = None
    tax: MoneyForm | None = None
    attributes: dict[str, str] = Field(default_factory=dict, max_length=50)

    def to_domain(self, amounts: ReportedAmounts, path: str) -> OrderLine:
        return OrderLine(
            line_id=self.line_id, sku=self.sku, name=self.name, quantity=self.quantity,
            unit_price=_money(self.unit_price, amounts, f"{path}.unit_price"),
            discount=_money(self.discount, amounts, f"{path}.discount"),
            tax=_money(self.tax, amounts, f"{path}.tax"),
            attributes=dict(self.attributes),
        )


class TotalsForm(Form):
    subtotal: MoneyForm | None = None
    discount_total: MoneyForm | None = None
    shipping_fee: MoneyForm | None = None
    tax_total: MoneyForm | None = None
    grand_total: MoneyForm | None = None

    def to_domain(self, amounts: ReportedAmounts) -> ReportedTotals:
        return ReportedTotals(**{name: _money(getattr(self, name), amounts, f"reported_totals.{name}")
                                 for name in TotalsForm.model_fields})


class PaymentForm(Form):
    status: PaymentStatusCode | None = None
    method: PaymentMethodCode | None = None
    paid_amount: MoneyForm | None = None
    payment_reference: str = ""
    gateway: str = ""
    paid_at: datetime | None = None

    @classmethod
    def of(cls, payment: Payment | None) -> PaymentForm | None:
        if payment is None:
            return None
        return cls(
            status=payment.status or None, method=payment.method or None, paid_amount=MoneyForm.of(payment.paid_amount),
            payment_reference=payment.payment_reference, gateway=payment.gateway, paid_at=payment.paid_at,
        )

    def to_domain(self, amounts: ReportedAmounts) -> Payment:
        """Of an order or an update: its amount is "payment.paid_amount" in both."""
        return Payment(
            status=self.status or "", method=self.method or "",
            paid_amount=_money(self.paid_amount, amounts, "payment.paid_amount"),
            payment_reference=self.payment_reference, gateway=self.gateway, paid_at=_utc(self.paid_at),
        )


class TimeWindowForm(Form):
    start: datetime | None = None
    end: datetime | None = None

    def to_domain(self) -> TimeWindow:
        return TimeWindow(_utc(self.start), _utc(self.end))


class InvoiceRequestForm(Form):
    requested: StrictBool = False
    company: StrictBool = False
    title: str = ""
    tax_id: str = ""
    email: str = Field("", max_length=320)

    def to_domain(self) -> InvoiceRequest:
        return InvoiceRequest(**self.model_dump())


class ChannelOrderForm(Form):
    """A channel order entered by a form or by staff. Missing values are the validation's to
    report (and record); only a wrong shape is refused here."""

    channel: ChannelName | None = Field(None, examples=["web_shop"])
    channel_account: str = Field("", max_length=128, examples=["webshop"])
    channel_order_id: str = Field("", max_length=256, examples=["WS-2026-000123"])
    customer: CustomerForm = Field(default_factory=CustomerForm)
    contact: ContactForm = Field(default_factory=ContactForm)
    shipping_address: AddressForm | None = None
    billing_address: AddressForm | None = None
    lines: list[OrderLineForm] = Field(default_factory=list, max_length=500)
    reported_totals: TotalsForm | None = None
    payment: PaymentForm | None = None
    placed_at: datetime | None = None
    buyer_note: str = ""
    seller_note: str = ""
    requested_delivery: TimeWindowForm | None = None
    express_requested: StrictBool = False
    presale: StrictBool = False
    group_buy_id: str = ""
    purchase_order_number: str = ""
    invoice_request: InvoiceRequestForm | None = None
    promotion_codes: list[str] = Field(default_factory=list, max_length=20)
    attributes: dict[str, str] = Field(default_factory=dict, max_length=50)

    def to_domain(self, amounts: ReportedAmounts) -> ReportedOrder:
        channel = CHANNEL_ALIASES.get(self.channel or "", self.channel or "")
        return ReportedOrder(
            ref=ChannelOrderRef(channel, self.channel_account, self.channel_order_id),
            customer=self.customer.to_domain(),
            contact=self.contact.to_domain(),
            shipping_address=self.shipping_address.to_domain() if self.shipping_address else None,
            billing_address=self.billing_address.to_domain() if self.billing_address else None,
            lines=tuple(line.to_domain(amounts, f"lines[{index}]") for index, line in enumerate(self.lines)),
            reported_totals=self.reported_totals.to_domain(amounts) if self.reported_totals else None,
            payment=self.payment.to_domain(amounts) if self.payment else None,
            placed_at=_utc(self.placed_at),
            buyer_note=self.buyer_note,
            seller_note=self.seller_note,
            requested_delivery=self.requested_delivery.to_domain() if self.requested_delivery else None,
            express_requested=self.express_requested,
            presale=self.presale,
            group_buy_id=self.group_buy_id,
            purchase_order_number=self.purchase_order_number,
            invoice_request=self.invoice_request.to_domain() if self.invoice_request else None,
            promotion_codes=tuple(self.promotion_codes),
            attributes=dict(self.attributes),
        )


class CancellationForm(Form):
    reason: str = ""
    requested_by_buyer: StrictBool = False


class AddressChangeForm(Form):
    shipping_address: AddressForm | None = None
    contact: ContactForm | None = None


class ChannelOrderUpdateForm(Form):
    """A later change to a channel order: exactly one of payment, cancellation, address_change."""

    update_id: str = Field("", max_length=256, examples=["pay-7781"])
    updated_at: datetime | None = None
    payment: PaymentForm | None = None
    cancellation: CancellationForm | None = None
    address_change: AddressChangeForm | None = None

    @model_validator(mode="after")
    def _at_most_one_change(self) -> ChannelOrderUpdateForm:
        given = [name for name in ("payment", "cancellation", "address_change") if getattr(self, name) is not None]
        if len(given) > 1:
            raise ValueError(f"an update carries one change, got {', '.join(given)}")
        return self

    def to_domain(self, amounts: ReportedAmounts) -> ChannelOrderUpdate:
        return ChannelOrderUpdate(update_id=self.update_id, change=self._change(amounts),
                                  updated_at=_utc(self.updated_at))

    def _change(self, amounts: ReportedAmounts) -> Payment | Cancellation | AddressChange | None:
        if self.payment is not None:
            return self.payment.to_domain(amounts)
        if self.cancellation is not None:
            return Cancellation(self.cancellation.reason, self.cancellation.requested_by_buyer)
        if self.address_change is not None:
            change = self.address_change
            return AddressChange(change.shipping_address.to_domain() if change.shipping_address else None,
                                 change.contact.to_domain() if change.contact else None)
        return None
