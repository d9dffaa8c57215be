"""Order events as the order service publishes them, for the ledger's broker tests."""

from __future__ import annotations

import uuid

from oms.common.v1.money_pb2 import Money
from oms.common.v1.payment_pb2 import PaymentMethod
from oms.envelope.v1.envelope_pb2 import Envelope
from oms.order.v1.lifecycle_events_pb2 import OrderCancelled, OrderDelivered, OrderPlaced, PaymentConfirmed
from oms.order.v1.order_pb2 import OrderStatus, PaymentSource, PriceBreakdown
from oms_platform.identity import order_id_for
from tests.support.messaging import publish, publish_raw

ORDER_EVENTS = "oms.order.events.v1"
LEDGER_EVENTS = "oms.ledger.events.v1"
GRAND_TOTAL = 12_300  # goods 10,000 (10,500 less 500 discount) + shipping 1,000 + VAT 1,300


def cny(minor_units: int) -> Money:
    return Money(currency_code="CNY", minor_units=minor_units)


def new_order_id() -> str:
    return order_id_for("tmall-flagship", f"TM-{uuid.uuid4().hex[:10]}")


def order_placed(order_id: str, *, cod: bool = False, grand_total: int = GRAND_TOTAL) -> OrderPlaced:
    method = PaymentMethod.PAYMENT_METHOD_CASH_ON_DELIVERY if cod else PaymentMethod.PAYMENT_METHOD_ONLINE
    return OrderPlaced(
        order_id=order_id, status=OrderStatus.ORDER_STATUS_RECEIVED, order_number="SO-20240531-0001",
        payment_method=method,
        reported_totals=PriceBreakdown(subtotal=cny(10_500), discount_total=cny(500), shipping_fee=cny(1_000),
                                       tax_total=cny(1_300), grand_total=cny(grand_total)),
    )


def payment_confirmed(order_id: str, amount: int, reference: str = "ALIPAY-2024-0001") -> PaymentConfirmed:
    deferred = amount == 0
    return PaymentConfirmed(
        order_id=order_id, status=OrderStatus.ORDER_STATUS_PAID, payment_reference="" if deferred else reference,
        method=PaymentMethod.PAYMENT_METHOD_CASH_ON_DELIVERY if deferred else PaymentMethod.PAYMENT_METHOD_ONLINE,
        amount=cny(amount),
        source=PaymentSource.PAYMENT_SOURCE_DEFERRED if deferred else PaymentSource.PAYMENT_SOURCE_GATEWAY,
    )


def order_delivered(order_id: str, shipment_ids: tuple[str, ...] = ("shipment-1",)) -> OrderDelivered:
    return OrderDelivered(order_id=order_id, status=OrderStatus.ORDER_STATUS_DELIVERED, shipment_ids=shipment_ids)


def order_cancelled(order_id: str, refund_due: int) -> OrderCancelled:
    return OrderCancelled(order_id=order_id, status=OrderStatus.ORDER_STATUS_CANCELLED, refund_due=cny(refund_due),
                          previous_status=OrderStatus.ORDER_STATUS_PAID)


class OrderStream:
    """One order's events from the order service: producer "order", the order's aggregate id, and
    versions counting up, as its outbox relay publishes them."""

    def __init__(self, bootstrap: str, order_id: str):
        self.bootstrap = bootstrap
        self.order_id = order_id
        self.version = 0

    async def publish(self, message) -> Envelope:
        self.version += 1
        return await publish(self.bootstrap, ORDER_EVENTS, self.order_id, message, producer="order",
                             aggregate_id=self.order_id, aggregate_version=self.version)

    async def redeliver(self, envelope: Envelope) -> None:
        """The very same record again, as after a relay restart."""
        await publish_raw(self.bootstrap, ORDER_EVENTS, self.order_id.encode(), envelope.SerializeToString())
