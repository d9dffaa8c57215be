"""The ledger's Kafka entrypoint: the order events it books, translated into its commands.

Each consumed contract message is translated here, at the edge, into a command of domain values
(application/commands.py) that the application handler books (application/handlers.py). The
upstream event an entry is posted for (`SourceEvent`) is built here from the envelope: its type and
event id, dated by the business time the message carries (paid, delivered, cancelled at), else by
the envelope's occurred_at, else now. Content that cannot be read (no order id, an amount without
a currency, totals in two currencies) raises ValueError, which the consumer dead-letters.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime

from google.protobuf.message import Message
from google.protobuf.timestamp_pb2 import Timestamp

from oms.order.v1.lifecycle_events_pb2 import OrderCancelled, OrderDelivered, OrderPlaced, PaymentConfirmed
from oms_platform.contract_values import datetime_from_contract, money_from_contract
from oms_platform.messaging.consumer import Handler, Inbound, translated
from services.ledger.adapters.contract_values import method_name
from services.ledger.adapters.order_messages import charged_totals
from services.ledger.application import handlers
from services.ledger.application.commands import BookPayment, CancelOrder, OpenOrderAccount, RecogniseDelivery
from services.ledger.domain.journal import SourceEvent


def open_order_account(message: OrderPlaced, inbound: Inbound) -> OpenOrderAccount:
    order_id = _order_id(message.order_id)
    totals = charged_totals(message)
    return OpenOrderAccount(
        order_id=order_id,
        order_number=message.order_number,
        goods_net=totals.goods_net,
        shipping_fee=totals.shipping_fee,
        tax=totals.tax,
        grand_total=totals.grand_total,
        payment_method=method_name(message.payment_method),
    )


def book_payment(message: PaymentConfirmed, inbound: Inbound) -> BookPayment:
    order_id = _order_id(message.order_id)
    # No units is no money received (cash on delivery, credit terms), whatever the currency says.
    amount = money_from_contract(message.amount) if message.amount.minor_units else None
    return BookPayment(
        order_id=order_id,
        amount=amount,
        method=method_name(message.method),
        reference=message.payment_reference,
        source=source_of(inbound, message.paid_at),
    )


def recognise_delivery(message: OrderDelivered, inbound: Inbound) -> RecogniseDelivery:
    return RecogniseDelivery(
        order_id=_order_id(message.order_id),
        shipment_ids=tuple(message.shipment_ids),
        source=source_of(inbound, message.delivered_at),
    )


def cancel_order(message: OrderCancelled, inbound: Inbound) -> CancelOrder:
    return CancelOrder(order_id=_order_id(message.order_id), source=source_of(inbound, message.cancelled_at))


# Each translation takes its own message class (a pairing the type checker cannot express).
HANDLERS: Mapping[type[Message], Handler] = {
    OrderPlaced: translated(open_order_account, handlers.open_order_account),
    PaymentConfirmed: translated(book_payment, handlers.book_payment),
    OrderDelivered: translated(recognise_delivery, handlers.recognise_delivery),
    OrderCancelled: translated(cancel_order, handlers.refund_cancellation),
}


def source_of(inbound: Inbound, business_time: Timestamp) -> SourceEvent:
    """Which upstream event an entry is posted for, dated by the business time it carries.

    The ledger's own fallback, on purpose: an entry is dated in the period of its business event,
    so a message without a business time takes the envelope's time, and only then the time it is
    read."""
    envelope = inbound.envelope
    occurred_at = datetime_from_contract(business_time) or datetime_from_contract(envelope.occurred_at) \
        or datetime.now(UTC)
    return SourceEvent(event_type=envelope.type, event_id=envelope.event_id, occurred_at=occurred_at)


def _order_id(order_id: str) -> str:
    if not order_id:
        raise ValueError("the message has no order_id")
    return order_id
