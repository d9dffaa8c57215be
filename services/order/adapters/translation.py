"""Contract messages <-> the order's value objects.

Contract enums are named in the domain by their value names without the enum's prefix
(`PAYMENT_METHOD_CASH_ON_DELIVERY` is "CASH_ON_DELIVERY").
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, TypeVar, cast

from google.protobuf.message import Message
from google.protobuf.timestamp_pb2 import Timestamp

from oms.common.v1 import actor_pb2, address_pb2, contact_pb2, line_quantity_pb2, money_pb2, order_line_pb2
from oms.common.v1.channel_pb2 import Channel
from oms.common.v1.payment_pb2 import PaymentMethod, PaymentStatus
from oms.fulfillment.v1 import fulfillment_events_pb2
from oms.intake.v1 import channel_order_pb2, intake_events_pb2, intake_pb2
from oms.inventory.v1 import reservation_events_pb2
from oms.inventory.v1.inventory_pb2 import ReservationFailureReason
from services.order.domain import values as v


class UnusableOrder(ValueError):
    """An accepted order the order service cannot work with (no lines, mixed currencies...)."""


def enum_name(enum_type: Any, prefix: str, number: int) -> str:
    return enum_type.Name(number).removeprefix(prefix)


ContractEnum = TypeVar("ContractEnum", bound=int)


def enum_number(enum_type: type[ContractEnum], prefix: str, name: str) -> ContractEnum:
    # protoc's enums are plain ints at run time, typed as their own int subclass in the stubs;
    # Value() comes from their (untyped) wrapper, and 0 is cast to the enum named.
    wrapper: Any = enum_type
    try:
        return wrapper.Value(prefix + name)
    except ValueError:
        return cast(ContractEnum, 0)  # a domain value the contract does not name: UNSPECIFIED


# -- from contracts ------------------------------------------------------------------------------

def when(parent: Message, field: str) -> datetime | None:
    return getattr(parent, field).ToDatetime(tzinfo=UTC) if parent.HasField(field) else None


def money(parent: Message, field: str) -> v.Money | None:
    if not parent.HasField(field):
        return None
    amount = getattr(parent, field)
    return v.Money(amount.currency_code, amount.minor_units)


def address(message: address_pb2.Address) -> v.Address:
    return v.Address(message.recipient_name, message.phone, message.country_code, message.province,
                     message.city, message.district, tuple(message.street_lines), message.postcode)


def contact(message: contact_pb2.Contact) -> v.Contact:
    return v.Contact(message.name, message.phone, message.email)


def order_line(message: order_line_pb2.OrderLine) -> v.OrderLine:
    price = money(message, "unit_price")
    currency = price.currency if price else ""
    zero = v.Money.zero(currency)
    return v.OrderLine(message.line_id, message.sku, message.name, message.quantity, price or zero,
                       money(message, "discount") or zero, money(message, "tax") or zero,
                       dict(message.attributes))


def line_quantity(message: line_quantity_pb2.LineQuantity) -> v.LineQuantity:
    return v.LineQuantity(message.line_id, message.sku, message.quantity)


def totals(message: channel_order_pb2.ReportedTotals) -> v.Totals:
    return v.Totals(*(money(message, f) for f in
                      ("subtotal", "discount_total", "shipping_fee", "tax_total", "grand_total")))


def payment(message: channel_order_pb2.ReportedPayment) -> v.Payment:
    return v.Payment(enum_name(PaymentMethod, "PAYMENT_METHOD_", message.method),
                     enum_name(PaymentStatus, "PAYMENT_STATUS_", message.status),
                     money(message, "paid_amount"), message.payment_reference, message.gateway,
                     when(message, "paid_at"))


def placement(order: intake_pb2.NormalisedOrder, accepted_at: datetime | None) -> v.Placement:
    window = (v.TimeWindow(when(order.requested_delivery, "start"), when(order.requested_delivery, "end"))
              if order.HasField("requested_delivery") else None)
    invoice = order.invoice_request
    invoice_request = (v.InvoiceRequest(invoice.requested, invoice.company, invoice.title, invoice.tax_id,
                                        invoice.email) if order.HasField("invoice_request") else None)
    ref = order.channel_order
    return v.Placement(
        enum_name(Channel, "CHANNEL_", ref.channel), ref.channel_account, ref.channel_order_id,
        order.customer_id, order.customer_name, order.company_name, when(order, "placed_at"), accepted_at,
        order.buyer_note, window, order.express_requested, order.presale, order.group_buy_id,
        order.purchase_order_number, invoice_request, tuple(order.promotion_codes),
    )


def accepted_order(message: intake_events_pb2.OrderAccepted) -> dict[str, Any]:
    """The facts of an accepted order, as the Order aggregate is placed with them."""
    order = message.order
    lines = tuple(order_line(line) for line in order.lines)
    if not lines:
        raise UnusableOrder("the order has no lines")
    currencies = {line.unit_price.currency for line in lines}
    if len(currencies) != 1 or "" in currencies:
        raise UnusableOrder(f"the lines need one currency, got {sorted(currencies)}")
    if not order.HasField("shipping_address"):
        raise UnusableOrder("the order has no shipping address")
    return {
        "order_number": message.order_number,
        "placement": placement(order, when(message, "accepted_at")),
        "contact": contact(order.contact),
        "shipping_address": address(order.shipping_address),
        "billing_address": address(order.billing_address) if order.HasField("billing_address") else None,
        "lines": lines,
        "totals": totals(order.reported_totals),
        "payment": payment(order.payment),
    }


def dispatch(message: fulfillment_events_pb2.ShipmentDispatched) -> v.Dispatch:
    lines = tuple(v.LineQuantity(line.line_id, line.sku, line.quantity) for line in message.lines)
    return v.Dispatch(message.shipment_id, message.warehouse_id, message.carrier_code,
                      tuple(message.tracking_numbers), lines, when(message, "dispatched_at"))


def shortfalls(message: reservation_events_pb2.ReservationFailed) -> tuple[tuple[v.LineQuantity, ...], str]:
    """The lines missing stock, and a sentence for the reviewer."""
    missing = tuple(v.LineQuantity(s.line_id, s.sku, s.requested - s.available) for s in message.shortfalls)
    reason = enum_name(ReservationFailureReason, "RESERVATION_FAILURE_REASON_", message.reason)
    listed = ", ".join(f"{s.sku}: {s.requested} wanted, {s.available} available" for s in message.shortfalls)
    return missing, f"{reason}: {listed}" if listed else reason


# -- to contracts --------------------------------------------------------------------------------

def timestamp(value: datetime | None) -> Timestamp | None:
    if value is None:
        return None
    stamp = Timestamp()
    stamp.FromDatetime(value)
    return stamp


def money_message(value: v.Money | None) -> money_pb2.Money | None:
    return money_pb2.Money(currency_code=value.currency, minor_units=value.minor_units) if value else None


def address_message(value: v.Address | None) -> address_pb2.Address | None:
    if value is None:
        return None
    return address_pb2.Address(
        recipient_name=value.recipient_name, phone=value.phone, country_code=value.country_code,
        province=value.province, city=value.city, district=value.district,
        street_lines=list(value.street_lines), postcode=value.postcode,
    )


def contact_message(value: v.Contact | None) -> contact_pb2.Contact | None:
    return contact_pb2.Contact(name=value.name, phone=value.phone, email=value.email) if value else None


def order_line_message(value: v.OrderLine) -> order_line_pb2.OrderLine:
    return order_line_pb2.OrderLine(
        line_id=value.line_id, sku=value.sku, name=value.name, quantity=value.quantity,
        unit_price=money_message(value.unit_price), discount=money_message(value.discount),
        tax=money_message(value.tax), attributes=value.attributes,
    )


def line_quantity_message(value: v.LineQuantity) -> line_quantity_pb2.LineQuantity:
    return line_quantity_pb2.LineQuantity(line_id=value.line_id, sku=value.sku, quantity=value.quantity)


def actor_message(value: v.Actor) -> actor_pb2.Actor:
    role = enum_number(actor_pb2.ActorRole, "ACTOR_ROLE_", value.role)
    return actor_pb2.Actor(actor_id=value.actor_id, role=role, display_name=value.actor_id)
