"""Contract value messages (oms.common.v1) <-> the ingest domain's values.

Enumerations travel as the domain's lower-case names: CHANNEL_WEB_SHOP <-> "web_shop",
unspecified <-> "".
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, TypeVar, cast

from google.protobuf.timestamp_pb2 import Timestamp

from oms.common.v1 import (
    address_pb2,
    channel_pb2,
    contact_pb2,
    invoice_request_pb2,
    money_pb2,
    order_line_pb2,
    payment_pb2,
    time_window_pb2,
)
from services.ingest.domain.reported_order import (
    Address,
    Contact,
    InvoiceRequest,
    Money,
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


def moment(message, field: str) -> datetime | None:
    return getattr(message, field).ToDatetime(tzinfo=UTC) if message.HasField(field) else None


def timestamp(value: datetime | None) -> Timestamp | None:
    if value is None:
        return None
    stamp = Timestamp()
    stamp.FromDatetime(value if value.tzinfo else value.replace(tzinfo=UTC))
    return stamp


def money(message, field: str) -> Money | None:
    """An unset or empty Money is no amount at all."""
    if not message.HasField(field):
        return None
    value = getattr(message, field)
    if not value.currency_code and not value.minor_units:
        return None
    return Money(value.currency_code, value.minor_units)


def money_message(value: Money | None) -> money_pb2.Money | None:
    return None if value is None else money_pb2.Money(currency_code=value.currency, minor_units=value.minor_units)


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


def order_line(message: order_line_pb2.OrderLine) -> OrderLine:
    return OrderLine(
        line_id=message.line_id, sku=message.sku, name=message.name, quantity=message.quantity,
        unit_price=money(message, "unit_price"), discount=money(message, "discount"),
        tax=money(message, "tax"), attributes=dict(message.attributes),
    )


def order_line_message(value: OrderLine) -> order_line_pb2.OrderLine:
    return order_line_pb2.OrderLine(
        line_id=value.line_id, sku=value.sku, name=value.name, quantity=value.quantity,
        unit_price=money_message(value.unit_price), discount=money_message(value.discount),
        tax=money_message(value.tax), attributes=value.attributes,
    )


def payment(message) -> Payment:
    """From an oms.intake.v1.ReportedPayment."""
    return Payment(
        status=enum_name(payment_pb2.PaymentStatus, message.status, "PAYMENT_STATUS_"),
        method=enum_name(payment_pb2.PaymentMethod, message.method, "PAYMENT_METHOD_"),
        paid_amount=money(message, "paid_amount"), payment_reference=message.payment_reference,
        gateway=message.gateway, paid_at=moment(message, "paid_at"),
    )


def payment_fields(value: Payment) -> dict:
    """The fields of an oms.intake.v1.ReportedPayment (defined in the intake context)."""
    return {
        "status": enum_value(payment_pb2.PaymentStatus, value.status, "PAYMENT_STATUS_"),
        "method": enum_value(payment_pb2.PaymentMethod, value.method, "PAYMENT_METHOD_"),
        "paid_amount": money_message(value.paid_amount), "payment_reference": value.payment_reference,
        "gateway": value.gateway, "paid_at": timestamp(value.paid_at),
    }


def time_window(message: time_window_pb2.TimeWindow) -> TimeWindow:
    return TimeWindow(start=moment(message, "start"), end=moment(message, "end"))


def time_window_message(value: TimeWindow) -> time_window_pb2.TimeWindow:
    return time_window_pb2.TimeWindow(start=timestamp(value.start), end=timestamp(value.end))


def invoice_request(message: invoice_request_pb2.InvoiceRequest) -> InvoiceRequest:
    return InvoiceRequest(requested=message.requested, company=message.company, title=message.title,
                          tax_id=message.tax_id, email=message.email)


def invoice_request_message(value: InvoiceRequest) -> invoice_request_pb2.InvoiceRequest:
    return invoice_request_pb2.InvoiceRequest(requested=value.requested, company=value.company, title=value.title,
                                              tax_id=value.tax_id, email=value.email)
