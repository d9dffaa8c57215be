"""Validation of channel orders and their updates (I2): every reason, not only the first.

Pure functions of the reported values and the catalogue. They return the input normalised (E.164
phones, lower-case e-mail, trimmed addresses, line ids assigned) together with the reasons; the
normalised value is only meaningful when there are no reasons.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace

from oms_kernel.money import Money
from services.ingest.domain.addresses import check_address
from services.ingest.domain.catalogue import ListedProduct
from services.ingest.domain.contact_points import normalise_email, normalise_phone
from services.ingest.domain.rejection_reasons import Findings, Reason, RejectionCode
from services.ingest.domain.reported_order import (
    Address,
    AddressChange,
    ChannelOrderUpdate,
    Contact,
    OrderLine,
    Payment,
    ReportedOrder,
)

SUPPORTED_CURRENCIES = frozenset({"CNY", "USD", "EUR", "HKD", "GBP", "JPY"})
MAX_QUANTITY = 9999
_CHANNEL_ACCOUNT = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")
_MAX_ID_LENGTH = 128
_MAX_NAME_LENGTH = 200
_MAX_NOTE_LENGTH = 2000


@dataclass(frozen=True)
class UnreadableAmount:
    """An amount the channel reported that is no Money: its currency is not an ISO 4217 code ("",
    "¥", "US$"). The edge that reads the input leaves it out (no amount) and names it here, so
    validation refuses it where the channel put it, as an unsupported currency, with every other
    fault of the input."""

    field_path: str  # where validation would have found it: "lines[2].unit_price", "payment.paid_amount"
    currency: str  # as reported, trimmed and upper-cased
    minor_units: int

    def __str__(self) -> str:
        return f"{self.currency or '(no currency)'} {self.minor_units} (minor units)"


@dataclass(frozen=True)
class OrderValidation:
    order: ReportedOrder
    reasons: tuple[Reason, ...]


@dataclass(frozen=True)
class UpdateValidation:
    update: ChannelOrderUpdate
    reasons: tuple[Reason, ...]


def validate_order(order: ReportedOrder, catalogue: Mapping[str, ListedProduct],
                   unreadable: Iterable[UnreadableAmount] = ()) -> OrderValidation:
    findings = Findings()
    unread = {amount.field_path: amount for amount in unreadable}
    _check_identity(order, findings)
    customer_name = _customer_name(order, findings)
    contact = _check_contact(order.contact, "contact", findings)
    _check_reachable(order, findings)
    if order.invoice_request and order.invoice_request.email and not normalise_email(order.invoice_request.email):
        findings.add("invoice_request.email", RejectionCode.INVALID_EMAIL,
                     f"{order.invoice_request.email!r} is not an e-mail address")
    normalised = replace(
        order,
        customer=replace(order.customer, name=customer_name),
        contact=contact,
        shipping_address=_check_shipping_address(order, customer_name, findings),
        billing_address=(check_address(order.billing_address, "billing_address", findings)
                         if order.billing_address is not None else None),
        lines=_check_lines(order.lines, catalogue, unread, findings),
    )
    _check_currencies(order, unread, findings)
    _check_free_text(order, findings)
    return OrderValidation(normalised, tuple(findings.reasons))


def validate_update(update: ChannelOrderUpdate, order_currency: str,
                    unreadable: Iterable[UnreadableAmount] = ()) -> UpdateValidation:
    """An update to an accepted order; amounts must be in the order's currency."""
    findings = Findings()
    unread = {amount.field_path: amount for amount in unreadable}
    if not update.update_id.strip():
        findings.add("update_id", RejectionCode.REQUIRED_FIELD_MISSING, "the update id is missing")
    elif _refused_id(update.update_id):
        findings.add("update_id", RejectionCode.VALUE_REFUSED, "the update id is too long or has control characters")
    change = update.change
    if change is None:
        findings.add("", RejectionCode.REQUIRED_FIELD_MISSING,
                     "an update needs one change: payment, cancellation or address_change")
    elif isinstance(change, Payment) and change.paid_amount is not None:
        _check_money(change.paid_amount, "payment.paid_amount", order_currency, findings)
    elif isinstance(change, AddressChange):
        change = _check_address_change(change, findings)
    for amount in unread.values():  # the payment's, if any
        _check_amount(amount.field_path, amount.currency, amount.minor_units, order_currency, findings)
    return UpdateValidation(replace(update, change=change), tuple(findings.reasons))


def _check_address_change(change: AddressChange, findings: Findings) -> AddressChange:
    if change.shipping_address is None:
        findings.add("address_change.shipping_address", RejectionCode.INVALID_ADDRESS, "the new address is missing")
        return change
    address = check_address(change.shipping_address, "address_change.shipping_address", findings)
    if change.contact is None:
        return AddressChange(address, None)
    return AddressChange(address, _check_contact(change.contact, "address_change.contact", findings))


def _check_identity(order: ReportedOrder, findings: Findings) -> None:
    ref = order.ref
    if not ref.channel:
        findings.add("channel", RejectionCode.REQUIRED_FIELD_MISSING, "the channel is missing")
    if not ref.channel_account:
        findings.add("channel_account", RejectionCode.REQUIRED_FIELD_MISSING, "the channel account is missing")
    elif not _CHANNEL_ACCOUNT.fullmatch(ref.channel_account):
        findings.add("channel_account", RejectionCode.VALUE_REFUSED,
                     "a channel account is 1-64 letters, digits, '.', '_' or '-'")
    if not ref.channel_order_id.strip():
        findings.add("channel_order_id", RejectionCode.REQUIRED_FIELD_MISSING, "the channel order id is missing")
    elif _refused_id(ref.channel_order_id):
        findings.add("channel_order_id", RejectionCode.VALUE_REFUSED,
                     "the channel order id is too long or has control characters")


def _refused_id(value: str) -> bool:
    return len(value) > _MAX_ID_LENGTH or bool(_CONTROL_CHARACTERS.search(value))


def _customer_name(order: ReportedOrder, findings: Findings) -> str:
    name = order.customer.name.strip() or order.contact.name.strip()
    if not name:
        findings.add("customer.name", RejectionCode.REQUIRED_FIELD_MISSING, "the customer's name is missing")
    elif len(name) > _MAX_NAME_LENGTH or _CONTROL_CHARACTERS.search(name):
        findings.add("customer.name", RejectionCode.VALUE_REFUSED, "the name is too long or has control characters")
    return name


def _check_reachable(order: ReportedOrder, findings: Findings) -> None:
    recipient_phone = order.shipping_address.phone if order.shipping_address else ""
    if not any(value.strip() for value in (order.contact.phone, order.contact.email, recipient_phone)):
        findings.add("contact", RejectionCode.REQUIRED_FIELD_MISSING, "a phone number or an e-mail address is required")


def _check_shipping_address(order: ReportedOrder, customer_name: str, findings: Findings) -> Address | None:
    if order.shipping_address is None:
        findings.add("shipping_address", RejectionCode.INVALID_ADDRESS, "the delivery address is missing")
        return None
    return check_address(order.shipping_address, "shipping_address", findings, recipient=customer_name)


def _check_contact(contact: Contact, path: str, findings: Findings) -> Contact:
    phone = normalise_phone(contact.phone) if contact.phone.strip() else ""
    if phone is None:
        findings.add(f"{path}.phone", RejectionCode.INVALID_PHONE,
                     f"{contact.phone!r} is neither a mainland China mobile nor an E.164 number")
    email = normalise_email(contact.email) if contact.email.strip() else ""
    if email is None:
        findings.add(f"{path}.email", RejectionCode.INVALID_EMAIL, f"{contact.email!r} is not an e-mail address")
    return Contact(name=contact.name.strip(), phone=phone or contact.phone, email=email or contact.email)


def _check_lines(
    lines: tuple[OrderLine, ...], catalogue: Mapping[str, ListedProduct], unread: Mapping[str, UnreadableAmount],
    findings: Findings,
) -> tuple[OrderLine, ...]:
    if not lines:
        findings.add("lines", RejectionCode.NO_LINES, "the order has no lines")
    checked = tuple(_check_line(line, index, catalogue, unread, findings) for index, line in enumerate(lines))
    seen: set[str] = set()
    for index, line in enumerate(checked):
        if line.line_id in seen:
            findings.add(f"lines[{index}].line_id", RejectionCode.DUPLICATE_LINE_ID,
                         f"line id {line.line_id!r} is used by an earlier line")
        seen.add(line.line_id)
    return checked


def _check_line(line: OrderLine, index: int, catalogue: Mapping[str, ListedProduct],
                unread: Mapping[str, UnreadableAmount], findings: Findings) -> OrderLine:
    path = f"lines[{index}]"
    unreadable_price = unread.get(f"{path}.unit_price")
    sku = line.sku.strip()
    listed = catalogue.get(sku)
    if not sku:
        findings.add(f"{path}.sku", RejectionCode.REQUIRED_FIELD_MISSING, "the SKU is missing")
    elif listed is None:
        findings.add(f"{path}.sku", RejectionCode.UNKNOWN_SKU, f"SKU {sku!r} is not in the catalogue")
    elif not listed.active:
        findings.add(f"{path}.sku", RejectionCode.UNKNOWN_SKU, f"SKU {sku!r} is withdrawn from sale")
    if not 0 < line.quantity <= MAX_QUANTITY:
        findings.add(f"{path}.quantity", RejectionCode.INVALID_QUANTITY,
                     f"quantity {line.quantity} is not between 1 and {MAX_QUANTITY}")
    if unreadable_price is not None:
        if listed is not None:  # a price in no currency never equals the catalogue's
            findings.add(f"{path}.unit_price", RejectionCode.PRICE_MISMATCH,
                         f"unit price {unreadable_price} differs from the catalogue price {listed.unit_price}")
    elif line.unit_price is None:
        findings.add(f"{path}.unit_price", RejectionCode.REQUIRED_FIELD_MISSING, "the unit price is missing")
    elif listed is not None and line.unit_price != listed.unit_price:
        findings.add(f"{path}.unit_price", RejectionCode.PRICE_MISMATCH,
                     f"unit price {line.unit_price} differs from the catalogue price {listed.unit_price}")
    name = line.name.strip() or (listed.name if listed else "")
    return replace(line, line_id=line.line_id.strip() or str(index + 1), sku=sku, name=name)


def _check_currencies(order: ReportedOrder, unread: Mapping[str, UnreadableAmount], findings: Findings) -> None:
    currency = order.currency
    checked = set()
    for path, money in _amounts(order):
        amount = unread.get(path) if money is None else money
        if amount is not None:
            _check_amount(path, amount.currency, amount.minor_units, currency, findings)
            checked.add(path)
    for path, unreadable in unread.items():  # none is left unsaid, wherever the edge found it
        if path not in checked:
            _check_amount(path, unreadable.currency, unreadable.minor_units, currency, findings)


def _check_money(money: Money, path: str, currency: str, findings: Findings) -> None:
    _check_amount(path, money.currency, money.minor_units, currency, findings)


def _check_amount(path: str, amount_currency: str, minor_units: int, currency: str, findings: Findings) -> None:
    if amount_currency not in SUPPORTED_CURRENCIES:
        findings.add(path, RejectionCode.UNSUPPORTED_CURRENCY,
                     f"currency {amount_currency!r} is not one of {', '.join(sorted(SUPPORTED_CURRENCIES))}")
    elif currency and amount_currency != currency:
        findings.add(path, RejectionCode.CURRENCY_MISMATCH,
                     f"{amount_currency} differs from the order's currency {currency}")
    if minor_units < 0:
        findings.add(path, RejectionCode.INVALID_FORMAT, "an amount here may not be negative")


def _amounts(order: ReportedOrder) -> Iterator[tuple[str, Money | None]]:
    """Every place an order carries an amount, in order, with the amount if there is one."""
    for index, line in enumerate(order.lines):
        for name in ("unit_price", "discount", "tax"):
            yield f"lines[{index}].{name}", getattr(line, name)
    if order.reported_totals is not None:
        for name in ("subtotal", "discount_total", "shipping_fee", "tax_total", "grand_total"):
            yield f"reported_totals.{name}", getattr(order.reported_totals, name)
    if order.payment is not None:
        yield "payment.paid_amount", order.payment.paid_amount


def _check_free_text(order: ReportedOrder, findings: Findings) -> None:
    for path, text in (("buyer_note", order.buyer_note), ("seller_note", order.seller_note)):
        if len(text) > _MAX_NOTE_LENGTH:
            findings.add(path, RejectionCode.VALUE_REFUSED, f"longer than {_MAX_NOTE_LENGTH} characters")
