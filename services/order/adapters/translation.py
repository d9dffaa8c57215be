"""Contract messages <-> the order's value objects.

Amounts, instants and the enums the domain has as its own (payment method and status) go through
the shared conversions of `oms_platform.contract_values`. Contract enums the domain keeps as text
(the channel, a reservation failure's reason, and every name the order publishes) are named by
their value names without the enum's prefix (`PAYMENT_METHOD_CASH_ON_DELIVERY` is
"CASH_ON_DELIVERY"); see `enum_name` and `enum_number` for why those stay here.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, TypeVar, cast

from oms.common.v1 import actor_pb2, address_pb2, contact_pb2, line_quantity_pb2, order_line_pb2, payment_pb2
from oms.common.v1.channel_pb2 import Channel
from oms.fulfillment.v1 import fulfillment_events_pb2
from oms.intake.v1 import channel_order_pb2, intake_pb2
from oms.inventory.v1 import reservation_events_pb2
from oms.inventory.v1.inventory_pb2 import ReservationFailureReason
from oms_kernel.money import Money
from oms_platform.contract_values import (
    datetime_from_contract,
    enum_from_contract,
    money_from_contract,
    money_to_contract,
)
from services.order.domain import values as v


def enum_name(enum_type: Any, prefix: str, number: int) -> str:
    """The name of a contract enum value the domain keeps as text, "UNSPECIFIED" for 0 (unlike
    `enum_from_contract`, which needs a domain Enum and gives None for 0)."""
    return str(enum_type.Name(number)).removeprefix(prefix)


ContractEnum = TypeVar("ContractEnum", bound=int)


def enum_number(enum_type: type[ContractEnum], prefix: str, name: str) -> ContractEnum:
    """The contract value of a name the domain recorded as text. Unlike `enum_to_contract` (which
    takes a domain Enum member and raises for one the contract lacks), a name the contract does
    not have is published as 0, UNSPECIFIED: events read back from the store carry plain text, and
    one name must not stop the relay."""
    # protoc's enums are plain ints at run time, typed as their own int subclass in the stubs;
    # Value() comes from their (untyped) wrapper, and 0 is cast to the enum named.
    wrapper: Any = enum_type
    try:
        return wrapper.Value(prefix + name)
    except ValueError:
        return cast(ContractEnum, 0)  # a domain value the contract does not name: UNSPECIFIED


# -- from contracts ------------------------------------------------------------------------------

def address(message: address_pb2.Address) -> v.Address:
    return v.Address(message.recipient_name, message.phone, message.country_code, message.province,
                     message.city, message.district, tuple(message.street_lines), message.postcode)


def contact(message: contact_pb2.Contact) -> v.Contact:
    return v.Contact(message.name, message.phone, message.email)


def order_line(message: order_line_pb2.OrderLine, currency: str) -> v.OrderLine:
    """A line of an order in `currency` (its unit price's): a missing price, discount or tax is
    zero in it."""
    zero = Money.zero(currency)
    return v.OrderLine(message.line_id, message.sku, message.name, message.quantity,
                       money_from_contract(message.unit_price) or zero, money_from_contract(message.discount) or zero,
                       money_from_contract(message.tax) or zero, dict(message.attributes))


def line_quantity(message: line_quantity_pb2.LineQuantity) -> v.LineQuantity:
    return v.LineQuantity(message.line_id, message.sku, message.quantity)


def totals(message: channel_order_pb2.ReportedTotals) -> v.Totals:
    return v.Totals(*(money_from_contract(getattr(message, f)) for f in
                      ("subtotal", "discount_total", "shipping_fee", "tax_total", "grand_total")))


def payment(message: channel_order_pb2.ReportedPayment) -> v.Payment:
    method = enum_from_contract(v.PaymentMethod, payment_pb2.PaymentMethod, message.method)
    status = enum_from_contract(v.PaymentStatus, payment_pb2.PaymentStatus, message.status)
    return v.Payment(method or v.PaymentMethod.UNSPECIFIED, status or v.PaymentStatus.UNSPECIFIED,
                     money_from_contract(message.paid_amount), message.payment_reference, message.gateway,
                     datetime_from_contract(message.paid_at))


def placement(order: intake_pb2.NormalisedOrder, accepted_at: datetime | None) -> v.Placement:
    window = (v.TimeWindow(datetime_from_contract(order.requested_delivery.start),
                           datetime_from_contract(order.requested_delivery.end))
              if order.HasField("requested_delivery") else None)
    invoice = order.invoice_request
    invoice_request = (v.InvoiceRequest(invoice.requested, invoice.company, invoice.title, invoice.tax_id,
                                        invoice.email) if order.HasField("invoice_request") else None)
    ref = order.channel_order
    return v.Placement(
        enum_name(Channel, "CHANNEL_", ref.channel), ref.channel_account, ref.channel_order_id,
        order.customer_id, order.customer_name, order.company_name, datetime_from_contract(order.placed_at),
        accepted_at, order.buyer_note, window, order.express_requested, order.presale, order.group_buy_id,
        order.purchase_order_number, invoice_request, tuple(order.promotion_codes),
    )


def dispatch(message: fulfillment_events_pb2.ShipmentDispatched) -> v.Dispatch:
    lines = tuple(v.LineQuantity(line.line_id, line.sku, line.quantity) for line in message.lines)
    return v.Dispatch(message.shipment_id, message.warehouse_id, message.carrier_code,
                      tuple(message.tracking_numbers), lines, datetime_from_contract(message.dispatched_at))


def shortfalls(message: reservation_events_pb2.ReservationFailed) -> tuple[tuple[v.LineQuantity, ...], str]:
    """The lines missing stock, and a sentence for the reviewer."""
    missing = tuple(v.LineQuantity(s.line_id, s.sku, s.requested - s.available) for s in message.shortfalls)
    reason = enum_name(ReservationFailureReason, "RESERVATION_FAILURE_REASON_", message.reason)
    listed = ", ".join(f"{s.sku}: {s.requested} wanted, {s.available} available" for s in message.shortfalls)
    return missing, f"{reason}: {listed}" if listed else reason


# -- to contracts --------------------------------------------------------------------------------

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
        unit_price=money_to_contract(value.unit_price), discount=money_to_contract(value.discount),
        tax=money_to_contract(value.tax), attributes=value.attributes,
    )


def line_quantity_message(value: v.LineQuantity) -> line_quantity_pb2.LineQuantity:
    return line_quantity_pb2.LineQuantity(line_id=value.line_id, sku=value.sku, quantity=value.quantity)


def actor_message(value: v.Actor) -> actor_pb2.Actor:
    role = enum_number(actor_pb2.ActorRole, "ACTOR_ROLE_", value.role)
    return actor_pb2.Actor(actor_id=value.actor_id, role=role, display_name=value.actor_id)
