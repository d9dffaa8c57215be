"""What the ledger books for each business event it consumes, as commands of domain values.

Only order events drive the books: they arrive in the order's own sequence (one key, one
producer), so payment, delivery and cancellation are always seen after the order was placed.
Revenue is triggered by OrderDelivered rather than tracking's ShipmentDelivered because it says
once, for the whole order, that every shipment arrived: no counting of shipments here, and no race
between the tracking and order topics. Fulfillment and tracking events are consumed (the catalogue
lists the ledger) but book nothing yet.

Each handler returns the aggregates to record. What the ledger can never book (an order it never
saw placed, totals that do not add up, another currency, a cancellation after delivery) raises
InvalidMessage: the consumer dead-letters it with the reason. The Kafka edge that builds the
commands from the contract messages is entrypoints/kafka.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from oms_platform.messaging.consumer import InvalidMessage
from services.ledger.application.commands import BookPayment, CancelOrder, OpenOrderAccount, RecogniseDelivery
from services.ledger.application.service import LedgerApplication
from services.ledger.domain.errors import LedgerError
from services.ledger.domain.identities import payment_id_for
from services.ledger.domain.order_account import OrderAccount
from services.ledger.domain.payments import Payment


def open_order_account(app: LedgerApplication, command: OpenOrderAccount) -> list[OrderAccount]:
    if app.find_order_account(command.order_id) is not None:
        return []  # placed again (a republished event): the account and its terms stand
    with _refused_as_invalid(command.order_id):
        return [OrderAccount(order_id=command.order_id, order_number=command.order_number, terms=command.terms())]


def book_payment(app: LedgerApplication, command: BookPayment) -> list[OrderAccount]:
    account = _account(app, command.order_id)
    with _refused_as_invalid(account.order_id):
        payment = _payment(command)
        if payment is None:
            return []  # deferred payment (cash on delivery, credit terms): nothing received yet
        account.receive_payment(payment, command.source)
    return [account]


def recognise_delivery(app: LedgerApplication, command: RecogniseDelivery) -> list[OrderAccount]:
    account = _account(app, command.order_id)
    with _refused_as_invalid(account.order_id):
        account.recognise_delivery(list(command.shipment_ids), command.source)
    return [account]


def refund_cancellation(app: LedgerApplication, command: CancelOrder) -> list[OrderAccount]:
    account = _account(app, command.order_id)
    with _refused_as_invalid(account.order_id):
        account.cancel(command.source)
    return [account]


def _payment(command: BookPayment) -> Payment | None:
    """The money received, or None when nothing was paid (cash on delivery, credit terms)."""
    if command.amount is None:
        return None
    # Without a gateway reference the confirming event itself identifies the payment.
    reference = command.reference or f"event:{command.source.event_id}"
    return Payment(
        payment_id=payment_id_for(command.order_id, reference),
        amount=command.amount,
        method=command.method,
        reference=command.reference,
        received_at=command.source.occurred_at,
    )


def _account(app: LedgerApplication, order_id: str) -> OrderAccount:
    account = app.find_order_account(order_id)
    if account is None:
        raise InvalidMessage(f"order {order_id} has no account in the ledger: its OrderPlaced was never booked")
    return account


@contextmanager
def _refused_as_invalid(order_id: str) -> Iterator[None]:
    try:
        yield
    except (LedgerError, ValueError) as refusal:
        raise InvalidMessage(f"order {order_id}: {refusal}") from refusal
