"""What the ledger books for each business event it consumes.

Only order events drive the books: they arrive in the order's own sequence (one key, one
producer), so payment, delivery and cancellation are always seen after the order was placed.
Revenue is triggered by OrderDelivered rather than tracking's ShipmentDelivered because it says
once, for the whole order, that every shipment arrived: no counting of shipments here, and no race
between the tracking and order topics. Fulfillment and tracking events are consumed (the catalogue
lists the ledger) but book nothing yet.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager

from google.protobuf.message import Message

from oms.order.v1.lifecycle_events_pb2 import OrderCancelled, OrderDelivered, OrderPlaced, PaymentConfirmed
from oms_platform.messaging.consumer import Handler, Inbound, InvalidMessage
from services.ledger.adapters.order_messages import order_terms_from, payment_from, source_of
from services.ledger.application.service import LedgerApplication
from services.ledger.domain.errors import LedgerError
from services.ledger.domain.order_account import OrderAccount


def open_order_account(app: LedgerApplication, message: OrderPlaced, inbound: Inbound) -> list[OrderAccount]:
    order_id = _order_id(message.order_id)
    if app.find_order_account(order_id) is not None:
        return []  # placed again (a republished event): the account and its terms stand
    with _refused_as_invalid(order_id):
        return [OrderAccount(order_id=order_id, order_number=message.order_number, terms=order_terms_from(message))]


def book_payment(app: LedgerApplication, message: PaymentConfirmed, inbound: Inbound) -> list[OrderAccount]:
    account = _account(app, message.order_id)
    source = source_of(inbound, message.paid_at)
    with _refused_as_invalid(account.order_id):
        payment = payment_from(message, source)
        if payment is None:
            return []  # deferred payment (cash on delivery, credit terms): nothing received yet
        account.receive_payment(payment, source)
    return [account]


def recognise_delivery(app: LedgerApplication, message: OrderDelivered, inbound: Inbound) -> list[OrderAccount]:
    account = _account(app, message.order_id)
    with _refused_as_invalid(account.order_id):
        account.recognise_delivery(list(message.shipment_ids), source_of(inbound, message.delivered_at))
    return [account]


def refund_cancellation(app: LedgerApplication, message: OrderCancelled, inbound: Inbound) -> list[OrderAccount]:
    account = _account(app, message.order_id)
    with _refused_as_invalid(account.order_id):
        account.cancel(source_of(inbound, message.cancelled_at))
    return [account]


# Each handler takes its own message class (a pairing the type checker cannot express).
HANDLERS: Mapping[type[Message], Handler] = {
    OrderPlaced: open_order_account,
    PaymentConfirmed: book_payment,
    OrderDelivered: recognise_delivery,
    OrderCancelled: refund_cancellation,
}


def _order_id(order_id: str) -> str:
    if not order_id:
        raise InvalidMessage("the message has no order_id")
    return order_id


def _account(app: LedgerApplication, order_id: str) -> OrderAccount:
    account = app.find_order_account(_order_id(order_id))
    if account is None:
        raise InvalidMessage(f"order {order_id} has no account in the ledger: its OrderPlaced was never booked")
    return account


@contextmanager
def _refused_as_invalid(order_id: str) -> Iterator[None]:
    try:
        yield
    except (LedgerError, ValueError) as refusal:
        raise InvalidMessage(f"order {order_id}: {refusal}") from refusal
