"""The tracking service's Kafka edge: each consumed contract message becomes its command, and what
cannot be translated is an InvalidMessage naming the message type and the problem."""

from __future__ import annotations

import uuid

import pytest
from google.protobuf.timestamp_pb2 import Timestamp

from oms.common.v1.money_pb2 import Money as MoneyMessage
from oms.common.v1.payment_pb2 import PAYMENT_METHOD_CASH_ON_DELIVERY, PAYMENT_METHOD_ONLINE
from oms.envelope.v1.envelope_pb2 import Envelope
from oms.fulfillment.v1.fulfillment_events_pb2 import (
    PickingStarted,
    PickListIssued,
    ShipmentDispatched,
    ShipmentPicked,
)
from oms.order.v1.lifecycle_events_pb2 import OrderApproved, OrderPlaced, PaymentConfirmed
from oms_kernel.money import Money
from oms_platform.messaging.consumer import Inbound, InvalidMessage
from services.tracking.application.commands import (
    RecordDispatch,
    RecordOrderConfirmed,
    RecordPaymentCompleted,
    RecordPickingStarted,
    RecordReviewPassed,
)
from services.tracking.application.service import TrackingApplication
from services.tracking.domain.checkpoints import Checkpoint
from services.tracking.entrypoints import kafka
from tests.services.tracking.builders import at

ORDER_ID = str(uuid.uuid4())
SHIPMENT_ID = "shipment-1"
SENT_AT = at(5)
INBOUND = Inbound(Envelope(event_id="e-1", occurred_at=Timestamp(seconds=int(SENT_AT.timestamp()))),
                  "oms.order.events.v1", 0, 7, ORDER_ID)


def stamp(hours: float) -> Timestamp:
    timestamp = Timestamp()
    timestamp.FromDatetime(at(hours))
    return timestamp


def placed(**fields) -> OrderPlaced:
    return OrderPlaced(**{"order_id": ORDER_ID, "order_number": "SO-1", "payment_method": PAYMENT_METHOD_ONLINE,
                          "placed_at": stamp(0), "accepted_at": stamp(0.1), **fields})


def paid(**fields) -> PaymentConfirmed:
    return PaymentConfirmed(**{"order_id": ORDER_ID, "method": PAYMENT_METHOD_ONLINE, "paid_at": stamp(0.2),
                               "amount": MoneyMessage(currency_code="CNY", minor_units=12_900), **fields})


def approved(**fields) -> OrderApproved:
    return OrderApproved(**{"order_id": ORDER_ID, "approved_at": stamp(0.3), **fields})


def started(**fields) -> PickingStarted:
    return PickingStarted(**{"order_id": ORDER_ID, "shipment_id": SHIPMENT_ID, "warehouse_id": "WH-HZ",
                             "started_at": stamp(1.25), **fields})


def picked(**fields) -> ShipmentPicked:
    return ShipmentPicked(**{"order_id": ORDER_ID, "shipment_id": SHIPMENT_ID, "picked_at": stamp(1.5), **fields})


def dispatched(**fields) -> ShipmentDispatched:
    return ShipmentDispatched(**{
        "order_id": ORDER_ID, "shipment_id": SHIPMENT_ID, "warehouse_id": "WH-HZ", "carrier_code": "SF",
        "tracking_numbers": ["sf100", " "], "dispatched_at": stamp(2), **fields})


# -- good messages: the command they mean ----------------------------------------------------------

@pytest.mark.parametrize(("translate", "message", "command"), [
    (kafka.order_placed, placed(), RecordOrderConfirmed(ORDER_ID, "SO-1", False, at(0.1), "e-1")),
    (kafka.order_placed, placed(payment_method=PAYMENT_METHOD_CASH_ON_DELIVERY),
     RecordOrderConfirmed(ORDER_ID, "SO-1", True, at(0.1), "e-1")),
    (kafka.payment_confirmed, paid(), RecordPaymentCompleted(ORDER_ID, False, at(0.2), "e-1")),
    (kafka.payment_confirmed, paid(method=PAYMENT_METHOD_CASH_ON_DELIVERY),
     RecordPaymentCompleted(ORDER_ID, True, at(0.2), "e-1")),
    (kafka.order_approved, approved(), RecordReviewPassed(ORDER_ID, at(0.3), "e-1")),
    (kafka.picking_started, started(), RecordPickingStarted(ORDER_ID, SHIPMENT_ID, "WH-HZ", at(1.25), "e-1")),
    (kafka.shipment_picked, picked(), RecordPickingStarted(ORDER_ID, SHIPMENT_ID, "", at(1.5), "e-1")),
    (kafka.shipment_dispatched, dispatched(),
     RecordDispatch(ORDER_ID, SHIPMENT_ID, "WH-HZ", "SF", ("sf100", " "), None, at(2), "e-1")),
    (kafka.shipment_dispatched,
     dispatched(cash_on_delivery_amount=MoneyMessage(currency_code="CNY", minor_units=12_900)),
     RecordDispatch(ORDER_ID, SHIPMENT_ID, "WH-HZ", "SF", ("sf100", " "), Money("CNY", 12_900), at(2), "e-1")),
])
def test_a_message_becomes_its_command(translate, message, command):
    assert translate(message, INBOUND) == command


def test_an_order_id_is_taken_in_its_one_spelling():
    assert kafka.order_placed(placed(order_id=ORDER_ID.upper()), INBOUND).order_id == ORDER_ID


def test_a_fact_without_its_own_time_happened_when_its_message_was_sent():
    command = kafka.order_approved(approved(approved_at=None), INBOUND)
    assert command.occurred_at == SENT_AT and command.occurred_at.tzinfo is not None


@pytest.mark.parametrize("amount", [
    MoneyMessage(currency_code="CNY", minor_units=0),  # the producer's "nothing to collect"
    MoneyMessage(currency_code="", minor_units=12_900),
    MoneyMessage(currency_code="CNY", minor_units=-100),
])
def test_only_a_positive_amount_with_a_currency_is_cash_on_delivery(amount):
    assert kafka.shipment_dispatched(dispatched(cash_on_delivery_amount=amount), INBOUND).cash_on_delivery is None


# -- through HANDLERS: every consumed message reaches its application handler ----------------------

@pytest.mark.parametrize(("message", "checkpoint"), [
    (placed(), Checkpoint.ORDER_CONFIRMED),
    (paid(), Checkpoint.PAYMENT_COMPLETED),
    (approved(), Checkpoint.REVIEW_PASSED),
    (started(), Checkpoint.PICKING_STARTED),
    (picked(), Checkpoint.PICKING_STARTED),
    (dispatched(), Checkpoint.OUTBOUND_SCAN),
])
def test_each_consumed_message_puts_its_checkpoint_on_the_timeline(message, checkpoint):
    app = TrackingApplication()
    try:
        [timeline, *_] = kafka.HANDLERS[type(message)](app, message, INBOUND)
        assert [(e.checkpoint, e.upstream_event_id) for e in timeline.entries] == [(checkpoint, "e-1")]
    finally:
        app.close()


def test_the_edge_consumes_the_six_upstream_facts_and_no_pick_list():
    assert set(kafka.HANDLERS) == {OrderPlaced, PaymentConfirmed, OrderApproved, PickingStarted, ShipmentPicked,
                                   ShipmentDispatched}
    assert PickListIssued not in kafka.HANDLERS


# -- bad content: dead-lettered with the reason, never handled -------------------------------------

NOT_HANDLED = object()  # an application the handler would fail on if translation let the message through

BAD = [
    (placed(order_id="not-an-order-id"), "OrderPlaced: order_id 'not-an-order-id' is not a UUID"),
    (paid(order_id=""), "PaymentConfirmed: order_id '' is not a UUID"),
    (approved(order_id="42"), "OrderApproved: order_id '42' is not a UUID"),
    (started(order_id="x"), "PickingStarted: order_id 'x' is not a UUID"),
    (started(shipment_id=" "), "PickingStarted: shipment_id is empty"),
    (picked(order_id="x"), "ShipmentPicked: order_id 'x' is not a UUID"),
    (picked(shipment_id=""), "ShipmentPicked: shipment_id is empty"),
    (dispatched(order_id="x"), "ShipmentDispatched: order_id 'x' is not a UUID"),
    (dispatched(shipment_id=""), "ShipmentDispatched: shipment_id is empty"),
    (dispatched(cash_on_delivery_amount=MoneyMessage(currency_code="cny", minor_units=12_900)),
     "ShipmentDispatched: cash_on_delivery_amount: currency must be an ISO 4217 code like 'CNY', got 'cny'"),
]


@pytest.mark.parametrize(("message", "reason"), BAD, ids=[reason.split(":")[0] + "-" + str(i)
                                                           for i, (_, reason) in enumerate(BAD)])
def test_what_cannot_be_translated_is_an_invalid_message_naming_the_problem(message, reason):
    with pytest.raises(InvalidMessage) as refused:
        kafka.HANDLERS[type(message)](NOT_HANDLED, message, INBOUND)
    assert str(refused.value) == reason
