"""Contract value messages (oms.common.v1) <-> the ingest domain's values.

Instants and published amounts convert as everywhere (`oms_platform.contract_values`). Two
conversions are ingest's own on purpose:

- Reported amounts are read leniently, with their place in the order (`amount`, see
  `reported_amounts`): an amount that is no Money is a rejection reason, not a dead letter.
- Enumerations travel as the domain's lower-case names, not Enum members: CHANNEL_WEB_SHOP <->
  "web_shop", unspecified <-> "", and a value newer than these contracts reads as unspecified
  (validation then names what is missing) instead of refusing the message.
"""

from __future__ import annotations

from typing import Any, TypeVar, cast

from oms.common.v1 import (
    address_pb2,
    channel_pb2,
    contact_pb2,
    invoice_request_pb2,
    order_line_pb2,
    payment_pb2,
    time_window_pb2,
)
from oms_kernel.money import Money
from oms_platform.contract_values import datetime_from_contract, money_to_contract, timestamp_to_contract
from services.ingest.adapters.reported_amounts import ReportedAmounts
from services.ingest.domain.reported_order import (
    Address,
    Contact,
    InvoiceRequest,
    OrderLine,
    Payment,
    TimeWindow,
)

ContractEnum = TypeVar("ContractEnum", bound=int)


def enum_name(enum_type: type[int], value: int, prefix: str) -> str:
    wrapper: Any = enum_type  # Name() comes from protoc's (untyped) enum wrapper
    try:
        name = wrapper.Name(value)
    except ValueError:  # a value newer than these contracts: as good as unspecified here
        return ""
    return "" if name.endswith("_UNSPECIFIED") else name.removeprefix(prefix).lower()


def enum_value(enum_type: type[ContractEnum], name: str, prefix: str) -> ContractEnum:
    # protoc's enums are plain ints at run time, typed as their own int subclass in the stubs;
    # Value() comes from their (untyped) wrapper, and 0 is cast to the enum named.
    wrapper: Any = enum_type
    return wrapper.Value(prefix + name.upper()) if name else cast(ContractEnum, 0)


def channel_name(value: int) -> str:
    return enum_name(channel_pb2.Channel, value, "CHANNEL_")


def channel_value(name: str) -> channel_pb2.Channel:
    return enum_value(channel_pb2.Channel, name, "CHANNEL_")


def amount(message: Any, field: str, amounts: ReportedAmounts, path: str) -> Money | None:
    """The oms.common.v1.Money in `field` of `message`, reported at `path` of the order; an unset
    or empty one (no currency, no units) is no amount at all."""
    if not message.HasField(field):
        return None
    value = getattr(message, field)
    if not value.currency_code and not value.minor_units:
        return None
    return amounts.read(path, value.currency_code, value.minor_units)


def contact(message: contact_pb2.Contact) -> Contact:
    return Contact(name=message.name, phone=message.phone, email=message.email)


def contact_message(value: Contact) -> contact_pb2.Contact:
    return contact_pb2.Contact(name=value.name, phone=value.phone, email=value.email)


def address(message: address_pb2.Address) -> Address:
    return Address(
        recipient_name=message.recipient_name, phone=message.phone, country_code=message.country_code,
        province=message.province, city=message.city, district=message.district,
        street_lines=tuple(message.street_lines), postcode=message.postcode,
    )


def address_message(value: Address) -> address_pb2.Address:
    return address_pb2.Address(
        recipient_name=value.recipient_name, phone=value.phone, country_code=value.country_code,
        province=value.province, city=value.city, district=value.district,
        street_lines=list(value.street_lines), postcode=value.postcode,
    )


def order_line(message: order_line_pb2.OrderLine, amounts: ReportedAmounts, path: str) -> OrderLine:
    """The line at `path` ("lines[0]") of the order."""
    return OrderLine(
        line_id=message.line_id, sku=message.sku, name=message.name, quantity=message.quantity,
        unit_price=amount(message, "unit_price", amounts, f"{path}.unit_price"),
        discount=amount(message, "discount", amounts, f"{path}.discount"),
        tax=amount(message, "tax", amounts, f"{path}.tax"), attributes=dict(message.attributes),
    )


def order_line_message(value: OrderLine) -> order_line_pb2.OrderLine:
    return order_line_pb2.OrderLine(
        line_id=value.line_id, sku=value.sku, name=value.name, quantity=value.quantity,
        unit_price=money_to_contract(value.unit_price), discount=money_to_contract(value.discount),
        tax=money_to_contract(value.tax), attributes=value.attributes,
    )


def payment(message: Any, amounts: ReportedAmounts) -> Payment:
    """From an oms.intake.v1.ReportedPayment (of an order or an update: its amount is "payment.paid_amount")."""
    return Payment(
        status=enum_name(payment_pb2.PaymentStatus, message.status, "PAYMENT_STATUS_"),
        method=enum_name(payment_pb2.PaymentMethod, message.method, "PAYMENT_METHOD_"),
        paid_amount=amount(message, "paid_amount", amounts, "payment.paid_amount"),
        payment_reference=message.payment_reference,
        gateway=message.gateway, paid_at=datetime_from_contract(message.paid_at),
    )


def payment_fields(value: Payment) -> dict:
    """The fields of an oms.intake.v1.ReportedPayment (defined in the intake context)."""
    return {
        "status": enum_value(payment_pb2.PaymentStatus, value.status, "PAYMENT_STATUS_"),
        "method": enum_value(payment_pb2.PaymentMethod, value.method, "PAYMENT_METHOD_"),
        "paid_amount": money_to_contract(value.paid_amount), "payment_reference": value.payment_reference,
        "gateway": value.gateway, "paid_at": timestamp_to_contract(value.paid_at),
    }


def time_window(message: time_window_pb2.TimeWindow) -> TimeWindow:
    return TimeWindow(start=datetime_from_contract(message.start), end=datetime_from_contract(message.end))


def time_window_message(value: TimeWindow) -> time_window_pb2.TimeWindow:
    return time_window_pb2.TimeWindow(start=timestamp_to_contract(value.start), end=timestamp_to_contract(value.end))


def invoice_request(message: invoice_request_pb2.InvoiceRequest) -> InvoiceRequest:
    return InvoiceRequest(requested=message.requested, company=message.company, title=message.title,
                          tax_id=message.tax_id, email=message.email)


def invoice_request_message(value: InvoiceRequest) -> invoice_request_pb2.InvoiceRequest:
    return invoice_request_pb2.InvoiceRequest(requested=value.requested, company=value.company, title=value.title,
                                              tax_id=value.tax_id, email=value.email)
