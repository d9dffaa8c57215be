"""Orders for the order service's tests: domain values, and the contract messages upstream sends."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from oms.common.v1.address_pb2 import Address
from oms.common.v1.contact_pb2 import Contact
from oms.common.v1.money_pb2 import Money as MoneyMessage
from oms.common.v1.order_line_pb2 import OrderLine
from oms.common.v1.payment_pb2 import PaymentMethod, PaymentStatus
from oms.intake.v1.channel_order_pb2 import ReportedPayment, ReportedTotals
from oms.intake.v1.intake_events_pb2 import OrderAccepted
from oms.intake.v1.intake_pb2 import ChannelOrderRef, NormalisedOrder
from oms_kernel.money import Money
from oms_platform.identity import order_id_for, reservation_id_for
from services.order.domain import values as v
from services.order.domain.order import Order
from services.order.domain.review import ReviewPolicy

POLICY = ReviewPolicy("test-rules", max_line_quantity=50, cash_on_delivery_limit=Money("CNY", 500_000))
NOW = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)
UNIT_PRICE = 12_900  # CNY 129.00
ADDRESS = v.Address("Zhang Wei", "+8613800138000", "CN", "Shanghai", "Shanghai", "Pudong",
                    ("88 Century Avenue", "Unit 1201"), "200120")


def new_order_id() -> str:
    return order_id_for("test-shop", uuid.uuid4().hex)


# -- domain ----------------------------------------------------------------------------------------

def cny(minor_units: int) -> Money:
    return Money("CNY", minor_units)


def line(line_id: str = "1", sku: str = "SKU-TEA", quantity: int = 2) -> v.OrderLine:
    return v.OrderLine(line_id, sku, f"Product {sku}", quantity, cny(UNIT_PRICE), cny(0), cny(0))


def placed(*lines: v.OrderLine, payment_status: str = "PAID", method: str = "ONLINE",
           paid: int | None = None, express: bool = False) -> Order:
    """A new order, as the handler places it: nothing has happened to it yet."""
    lines = lines or (line(),)
    total = sum(item.quantity * UNIT_PRICE for item in lines)
    paid_amount = cny(total if paid is None else paid) if payment_status == "PAID" else None
    order_id = new_order_id()
    placement = v.Placement("WEB_SHOP", "test-shop", "C-1", "cust-1", "Zhang Wei", "", NOW, NOW, "", None,
                            express, False, "", "", None, ())
    return Order(
        order_id=order_id, order_number="OMS-20261122-000001", reservation_id=reservation_id_for(order_id),
        placement=placement, contact=v.Contact("Zhang Wei", "+8613800138000", "zhang@example.cn"),
        shipping_address=ADDRESS, billing_address=None, lines=tuple(lines),
        totals=v.Totals(cny(total), cny(0), cny(0), cny(0), cny(total)),
        payment=v.Payment(method, payment_status, paid_amount, "PAY-1", "alipay", NOW if paid_amount else None),
    )


# -- contract messages ----------------------------------------------------------------------------

def accepted(order_id: str, *, quantity: int = 2, payment_status: int = PaymentStatus.PAYMENT_STATUS_PAID,
             method: int = PaymentMethod.PAYMENT_METHOD_ONLINE, lines: int = 1) -> OrderAccepted:
    order_lines = [OrderLine(line_id=str(n), sku=f"SKU-{n}", name=f"Product {n}", quantity=quantity,
                             unit_price=MoneyMessage(currency_code="CNY", minor_units=UNIT_PRICE))
                   for n in range(1, lines + 1)]
    total = MoneyMessage(currency_code="CNY", minor_units=UNIT_PRICE * quantity * lines)
    paid = payment_status == PaymentStatus.PAYMENT_STATUS_PAID
    order = NormalisedOrder(
        channel_order=ChannelOrderRef(channel=2, channel_account="test-shop", channel_order_id="C-1"),
        customer_id="cust-1", customer_name="Zhang Wei",
        contact=Contact(name="Zhang Wei", phone="+8613800138000", email="zhang@example.cn"),
        shipping_address=Address(recipient_name="Zhang Wei", phone="+8613800138000", country_code="CN",
                                 province="Shanghai", city="Shanghai", district="Pudong",
                                 street_lines=["88 Century Avenue"], postcode="200120"),
        lines=order_lines, reported_totals=ReportedTotals(subtotal=total, grand_total=total),
        payment=ReportedPayment(status=payment_status, method=method, paid_amount=total if paid else None,
                                payment_reference="PAY-1" if paid else ""),
    )
    message = OrderAccepted(order_id=order_id, order_number="OMS-20261122-000042", order=order)
    message.accepted_at.FromDatetime(NOW)
    return message
