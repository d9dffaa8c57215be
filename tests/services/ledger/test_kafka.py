"""The ledger's Kafka edge: each consumed order event translated into its command, and content the
ledger cannot read refused as InvalidMessage (a dead letter) naming the message type and why."""

import re
from datetime import UTC, datetime

import pytest
from google.protobuf.timestamp_pb2 import Timestamp

from oms.common.v1.money_pb2 import Money as MoneyMessage
from oms.common.v1.order_line_pb2 import OrderLine
from oms.common.v1.payment_pb2 import PaymentMethod
from oms.envelope.v1.envelope_pb2 import Envelope
from oms.order.v1.lifecycle_events_pb2 import OrderCancelled, OrderDelivered, OrderPlaced, PaymentConfirmed
from oms.order.v1.order_pb2 import PriceBreakdown
from oms_kernel.money import Money
from oms_platform.messaging.consumer import Inbound, InvalidMessage
from services.ledger.application import handlers
from services.ledger.application.commands import BookPayment, CancelOrder, OpenOrderAccount, RecogniseDelivery
from services.ledger.bootstrap import definition
from services.ledger.domain.journal import SourceEvent
from services.ledger.entrypoints import kafka
from services.ledger.entrypoints.kafka import HANDLERS

from .order_events import order_cancelled, order_delivered, order_placed, payment_confirmed

ORDER_ID = "8d3c1e52-7a0b-4c5e-9f21-3b6d8e4a1c07"
SENT_AT = datetime(2024, 5, 31, 23, 59, 59, 123456, tzinfo=UTC)
PAID_AT = datetime(2024, 5, 20, 9, 30, 15, 500000, tzinfo=UTC)


def inbound(event_type: str, *, sent_at: datetime | None = SENT_AT) -> Inbound:
    envelope = Envelope(event_id="event-7", type=event_type, producer="order")
    if sent_at is not None:
        envelope.occurred_at.FromDatetime(sent_at)
    return Inbound(envelope, "oms.order.events.v1", 0, 42, ORDER_ID)


def at(moment: datetime) -> Timestamp:
    timestamp = Timestamp()
    timestamp.FromDatetime(moment)
    return timestamp


def cny(minor_units: int) -> Money:
    return Money("CNY", minor_units)


class NoApplication:
    """What cannot be translated never reaches the application."""

    def __getattr__(self, name):
        pytest.fail(f"the application was used ({name}) for a message that cannot be translated")


def refused(message, *, match: str) -> None:
    with pytest.raises(InvalidMessage, match=f"^{type(message).__name__}: " + re.escape(match)):
        HANDLERS[type(message)](NoApplication(), message, inbound(f"oms.order.v1.{type(message).__name__}"))


def test_the_entrypoint_books_the_four_order_events_and_the_service_consumes_them():
    assert set(HANDLERS) == {OrderPlaced, PaymentConfirmed, OrderDelivered, OrderCancelled}
    assert [(h.translate, h.handle) for h in HANDLERS.values()] == [
        (kafka.open_order_account, handlers.open_order_account), (kafka.book_payment, handlers.book_payment),
        (kafka.recognise_delivery, handlers.recognise_delivery), (kafka.cancel_order, handlers.refund_cancellation)]
    assert definition().handlers is HANDLERS


# --- OrderPlaced -----------------------------------------------------------------------------------

def test_an_order_placed_becomes_the_terms_charged():
    command = kafka.open_order_account(order_placed(ORDER_ID, cod=True), inbound("oms.order.v1.OrderPlaced"))
    assert command == OpenOrderAccount(order_id=ORDER_ID, order_number="SO-20240531-0001", goods_net=cny(10_000),
                                       shipping_fee=cny(1_000), tax=cny(1_300), grand_total=cny(12_300),
                                       payment_method="cash_on_delivery")


def test_a_payment_method_this_build_does_not_know_is_unspecified_not_refused():
    message = order_placed(ORDER_ID)
    message.payment_method = 97  # type: ignore[assignment]
    assert kafka.open_order_account(message, inbound("oms.order.v1.OrderPlaced")).payment_method == "unspecified"


def test_totals_that_do_not_add_up_are_translated_and_left_to_the_ledger_to_refuse():
    command = kafka.open_order_account(order_placed(ORDER_ID, grand_total=99_999), inbound("oms.order.v1.OrderPlaced"))
    assert command.grand_total == cny(99_999)


def placed_with(**totals: MoneyMessage) -> OrderPlaced:
    return OrderPlaced(order_id=ORDER_ID, order_number="SO-1", reported_totals=PriceBreakdown(**totals))


@pytest.mark.parametrize(("message", "reason"), [
    (OrderPlaced(order_number="SO-1", reported_totals=PriceBreakdown(grand_total=MoneyMessage(
        currency_code="CNY", minor_units=100))), "the message has no order_id"),
    (OrderPlaced(order_id=ORDER_ID, order_number="SO-1"), "the order has neither reported totals nor lines"),
    (placed_with(grand_total=MoneyMessage(currency_code="CNY", minor_units=12_300),
                 subtotal=MoneyMessage(currency_code="USD", minor_units=10_000)), "cannot combine USD and CNY"),
    (placed_with(grand_total=MoneyMessage(currency_code="cny", minor_units=12_300)),
     "currency must be an ISO 4217 code like 'CNY', got 'cny'"),
    (OrderPlaced(order_id=ORDER_ID, lines=[OrderLine(line_id="1", sku="A", quantity=1,
                                                     unit_price=MoneyMessage(minor_units=100))]),
     "an amount of 100 minor units has no currency"),
], ids=["no order id", "no totals", "two currencies", "not a currency code", "lines without a currency"])
def test_an_order_placed_the_ledger_cannot_read_is_refused_naming_why(message, reason):
    refused(message, match=reason)


# --- PaymentConfirmed ------------------------------------------------------------------------------

def test_a_payment_confirmed_becomes_the_amount_received_dated_when_it_was_paid():
    message = payment_confirmed(ORDER_ID, 12_300, reference="ALIPAY-9")
    message.paid_at.CopyFrom(at(PAID_AT))
    command = kafka.book_payment(message, inbound("oms.order.v1.PaymentConfirmed"))
    assert command == BookPayment(order_id=ORDER_ID, amount=cny(12_300), method="online", reference="ALIPAY-9",
                                  source=SourceEvent("oms.order.v1.PaymentConfirmed", "event-7", PAID_AT))


def test_a_payment_of_nothing_is_a_deferred_payment():
    command = kafka.book_payment(payment_confirmed(ORDER_ID, 0), inbound("oms.order.v1.PaymentConfirmed"))
    assert command.amount is None and command.reference == "" and command.method == "cash_on_delivery"


@pytest.mark.parametrize(("message", "reason"), [
    (PaymentConfirmed(amount=MoneyMessage(currency_code="CNY", minor_units=100)), "the message has no order_id"),
    (PaymentConfirmed(order_id=ORDER_ID, amount=MoneyMessage(minor_units=5_000)),
     "an amount of 5000 minor units has no currency"),
    (PaymentConfirmed(order_id=ORDER_ID, amount=MoneyMessage(currency_code="RMB!", minor_units=5_000),
                      method=PaymentMethod.PAYMENT_METHOD_ONLINE),
     "currency must be an ISO 4217 code like 'CNY', got 'RMB!'"),
], ids=["no order id", "no currency", "not a currency code"])
def test_a_payment_confirmed_the_ledger_cannot_read_is_refused_naming_why(message, reason):
    refused(message, match=reason)


# --- OrderDelivered, OrderCancelled ----------------------------------------------------------------

def test_an_order_delivered_names_its_shipments_and_is_dated_when_delivered():
    message = order_delivered(ORDER_ID, ("shipment-1", "shipment-2"))
    message.delivered_at.CopyFrom(at(PAID_AT))
    assert kafka.recognise_delivery(message, inbound("oms.order.v1.OrderDelivered")) == RecogniseDelivery(
        order_id=ORDER_ID, shipment_ids=("shipment-1", "shipment-2"),
        source=SourceEvent("oms.order.v1.OrderDelivered", "event-7", PAID_AT))


def test_an_order_cancelled_is_dated_when_cancelled():
    message = order_cancelled(ORDER_ID, refund_due=12_300)
    message.cancelled_at.CopyFrom(at(PAID_AT))
    assert kafka.cancel_order(message, inbound("oms.order.v1.OrderCancelled")) == CancelOrder(
        order_id=ORDER_ID, source=SourceEvent("oms.order.v1.OrderCancelled", "event-7", PAID_AT))


@pytest.mark.parametrize("message", [OrderDelivered(shipment_ids=["shipment-1"]), OrderCancelled()],
                         ids=["delivered", "cancelled"])
def test_a_delivery_or_cancellation_without_an_order_id_is_refused(message):
    refused(message, match="the message has no order_id")


# --- when an entry's business event happened -------------------------------------------------------

def test_without_a_business_time_the_event_is_dated_by_its_envelope():
    command = kafka.recognise_delivery(order_delivered(ORDER_ID), inbound("oms.order.v1.OrderDelivered"))
    assert command.source.occurred_at == SENT_AT and command.source.occurred_at.tzinfo is UTC


def test_without_any_time_the_event_is_dated_when_it_is_read():
    before = datetime.now(UTC)
    command = kafka.cancel_order(order_cancelled(ORDER_ID, 0), inbound("oms.order.v1.OrderCancelled", sent_at=None))
    assert before <= command.source.occurred_at <= datetime.now(UTC)
