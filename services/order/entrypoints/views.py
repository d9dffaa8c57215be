"""How an order looks over HTTP: its state, lines, shipments and the history of its status."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel

from oms_kernel.money import Money
from services.order.application.order_index import OrderSummary
from services.order.domain.order import Order
from services.order.domain.shipments import ShipmentProgress
from services.order.domain.values import Address, Hold


class MoneyView(BaseModel):
    currency: str
    minor_units: int

    @classmethod
    def of(cls, money: Money | None) -> MoneyView | None:
        return cls(currency=money.currency, minor_units=money.minor_units) if money else None


class AddressView(BaseModel):
    recipient_name: str
    phone: str
    country_code: str
    province: str
    city: str
    district: str
    street_lines: list[str]
    postcode: str

    @classmethod
    def of(cls, address: Address) -> AddressView:
        return cls(**{**address.__dict__, "street_lines": list(address.street_lines)})


class LineView(BaseModel):
    line_id: str
    sku: str
    name: str
    quantity: int
    unit_price: MoneyView
    discount: MoneyView
    tax: MoneyView


class HoldView(BaseModel):
    hold_id: str
    reason: str
    detail: str
    review_queue: str
    held_by: str
    previous_status: str

    @classmethod
    def of(cls, hold: Hold | None) -> HoldView | None:
        if hold is None:
            return None
        return cls(hold_id=hold.hold_id, reason=hold.reason, detail=hold.detail, review_queue=hold.review_queue,
                   held_by=hold.held_by.actor_id, previous_status=hold.previous_status)


class PaymentView(BaseModel):
    method: str
    reported_status: str
    confirmed: bool
    paid_amount: MoneyView | None
    reference: str


class ShipmentLineView(BaseModel):
    line_id: str
    sku: str
    name: str
    quantity: int


class ShipmentView(BaseModel):
    shipment_id: str
    warehouse_id: str
    state: str
    lines: list[ShipmentLineView]
    carrier_code: str
    tracking_numbers: list[str]
    dispatched_at: datetime | None
    delivered_at: datetime | None


class StatusChangeView(BaseModel):
    status: str
    event: str
    at: datetime


class OrderView(BaseModel):
    order_id: str
    order_number: str
    status: str
    channel: str
    channel_account: str
    channel_order_id: str
    customer_id: str
    customer_name: str
    shipping_address: AddressView
    lines: list[LineView]
    order_total: MoneyView
    payment: PaymentView
    hold: HoldView | None
    reservation_id: str
    reservation_state: str
    shipments: list[ShipmentView]
    history: list[StatusChangeView]
    version: int


class OrderSummaryView(BaseModel):
    order_id: str
    order_number: str
    status: str
    status_since: datetime
    channel: str
    customer_name: str
    order_total: MoneyView
    hold: HoldView | None


class OrderList(BaseModel):
    orders: list[OrderSummaryView]


def order_view(order: Order) -> OrderView:
    p, paid = order.placement, order.confirmed_payment
    return OrderView(
        order_id=order.order_id, order_number=order.order_number, status=order.status,
        channel=p.channel, channel_account=p.channel_account, channel_order_id=p.channel_order_id,
        customer_id=p.customer_id, customer_name=p.customer_name,
        shipping_address=AddressView.of(order.shipping_address),
        lines=[LineView(line_id=line.line_id, sku=line.sku, name=line.name, quantity=line.quantity,
                        unit_price=MoneyView.of(line.unit_price), discount=MoneyView.of(line.discount),
                        tax=MoneyView.of(line.tax)) for line in order.lines],
        order_total=MoneyView.of(order.order_total),
        payment=PaymentView(method=order.payment.method, reported_status=order.payment.status,
                            confirmed=paid is not None, paid_amount=MoneyView.of(paid.amount if paid else None),
                            reference=paid.reference if paid else order.payment.reference),
        hold=HoldView.of(order.hold), reservation_id=order.reservation_id,
        reservation_state=order.reservation_state, shipments=[_shipment(s) for s in order.shipments.values()],
        history=[StatusChangeView(status=c.status, event=c.event, at=c.at) for c in order.history],
        version=order.version,
    )


def _shipment(shipment: ShipmentProgress) -> ShipmentView:
    return ShipmentView(
        shipment_id=shipment.shipment_id, warehouse_id=shipment.plan.warehouse_id, state=shipment.state,
        lines=[ShipmentLineView(**line.__dict__) for line in shipment.plan.lines],
        carrier_code=shipment.carrier_code, tracking_numbers=list(shipment.tracking_numbers),
        dispatched_at=shipment.dispatched_at, delivered_at=shipment.delivered_at,
    )


def summary_view(summary: OrderSummary) -> OrderSummaryView:
    return OrderSummaryView(
        order_id=summary.order_id, order_number=summary.order_number, status=summary.status,
        status_since=summary.status_since, channel=summary.channel, customer_name=summary.customer_name,
        order_total=MoneyView.of(summary.order_total), hold=HoldView.of(summary.hold),
    )
