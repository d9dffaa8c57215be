"""The ledger's application handlers with plain commands: no broker, no protobuf.

Each handler returns the order accounts to record; what the ledger can never book is refused as
InvalidMessage (a dead letter) naming the reason, and leaves nothing to record.
"""

import re
from datetime import UTC, datetime

import pytest

from oms_kernel.money import Money
from oms_platform.messaging.consumer import InvalidMessage
from oms_platform.store import open_application
from services.ledger.application import handlers
from services.ledger.application.commands import BookPayment, CancelOrder, OpenOrderAccount, RecogniseDelivery
from services.ledger.application.service import LedgerApplication
from services.ledger.domain import posting_rules as rules
from services.ledger.domain.identities import payment_id_for
from services.ledger.domain.journal import SourceEvent
from services.ledger.settings import LedgerSettings

from .domain_builders import cny

ORDER_ID = "8d3c1e52-7a0b-4c5e-9f21-3b6d8e4a1c07"
PAID_AT = datetime(2024, 5, 20, 9, 30, tzinfo=UTC)


@pytest.fixture
def ledger(tmp_path):
    app = open_application(LedgerApplication, LedgerSettings(data_dir=tmp_path))
    yield app
    app.close()


GRAND_TOTAL, SHIPPING = cny(12_300), cny(1_000)


def placed(order_id: str = ORDER_ID, *, grand_total: Money = GRAND_TOTAL, shipping: Money = SHIPPING,
           method: str = "online") -> OpenOrderAccount:
    return OpenOrderAccount(order_id=order_id, order_number="SO-1001", goods_net=cny(10_000), shipping_fee=shipping,
                            tax=cny(1_300), grand_total=grand_total, payment_method=method)


def source(event_type: str, event_id: str = "event-1", at: datetime = PAID_AT) -> SourceEvent:
    return SourceEvent(event_type=event_type, event_id=event_id, occurred_at=at)


def paid(amount: Money | None, reference: str = "ALIPAY-1", event_id: str = "event-pay") -> BookPayment:
    return BookPayment(order_id=ORDER_ID, amount=amount, method="online", reference=reference,
                       source=source("oms.order.v1.PaymentConfirmed", event_id))


def delivered(event_id: str = "event-delivered") -> RecogniseDelivery:
    return RecogniseDelivery(order_id=ORDER_ID, shipment_ids=("shipment-1",),
                             source=source("oms.order.v1.OrderDelivered", event_id, datetime(2024, 5, 31, tzinfo=UTC)))


def cancelled() -> CancelOrder:
    return CancelOrder(order_id=ORDER_ID, source=source("oms.order.v1.OrderCancelled", "event-cancelled"))


def book(ledger, handle, command):
    aggregates = handle(ledger, command)
    ledger.record(*aggregates)
    return aggregates


def opened(ledger, **terms):
    book(ledger, handlers.open_order_account, placed(**terms))
    return ledger.find_order_account(ORDER_ID)


def test_an_order_placed_opens_its_account_with_the_terms_charged(ledger):
    (account,) = handlers.open_order_account(ledger, placed(method="cash_on_delivery"))
    assert [type(event).__name__ for event in account.pending_events] == ["Opened"]
    ledger.record(account)

    stored = ledger.find_order_account(ORDER_ID)
    assert stored.order_number == "SO-1001" and stored.terms.cash_on_delivery
    assert (stored.terms.goods_net, stored.terms.shipping_fee, stored.terms.tax, stored.terms.grand_total) == (
        cny(10_000), cny(1_000), cny(1_300), cny(12_300))


def test_an_order_placed_again_leaves_the_account_and_its_terms_as_they_were(ledger):
    opened(ledger)
    assert handlers.open_order_account(ledger, placed(grand_total=cny(99_999))) == []
    assert ledger.find_order_account(ORDER_ID).terms.grand_total == cny(12_300)


@pytest.mark.parametrize(("command", "reason"), [
    (placed(grand_total=cny(99_999)), f"order {ORDER_ID}: goods 10000 + shipping 1000 + tax 1300 != grand total 99999"),
    (placed(shipping=Money("USD", 1_000)), "order totals mix currencies"),
    (placed(shipping=cny(-1_000), grand_total=cny(10_300)), "order totals may not be negative: shipping_fee"),
])
def test_terms_the_ledger_cannot_book_are_refused_and_open_nothing(ledger, command, reason):
    with pytest.raises(InvalidMessage, match=re.escape(reason)):
        handlers.open_order_account(ledger, command)
    assert ledger.find_order_account(ORDER_ID) is None


def test_a_payment_is_booked_as_an_advance_known_by_its_reference(ledger):
    opened(ledger)
    (account,) = book(ledger, handlers.book_payment, paid(cny(12_300)))

    (payment,) = account.payments.values()
    assert payment.payment_id == payment_id_for(ORDER_ID, "ALIPAY-1")
    assert (payment.amount, payment.reference, payment.received_at) == (cny(12_300), "ALIPAY-1", PAID_AT)
    (entry,) = account.entries.values()
    assert entry.rule == rules.RECEIVE_PAYMENT and entry.source.event_id == "event-pay"
    assert account.customer_advance == cny(12_300)


def test_a_payment_without_a_reference_is_known_by_the_event_that_confirmed_it(ledger):
    opened(ledger)
    (account,) = book(ledger, handlers.book_payment, paid(cny(5_000), reference="", event_id="event-42"))
    assert list(account.payments) == [payment_id_for(ORDER_ID, "event:event-42")]


def test_the_same_payment_confirmed_again_books_nothing_more(ledger):
    opened(ledger)
    book(ledger, handlers.book_payment, paid(cny(5_000), event_id="event-first"))
    (again,) = handlers.book_payment(ledger, paid(cny(5_000), event_id="event-again"))
    assert again.pending_events == [] and len(again.entries) == 1


def test_a_deferred_payment_books_nothing(ledger):
    opened(ledger, method="cash_on_delivery")
    assert handlers.book_payment(ledger, paid(None, reference="")) == []
    assert ledger.find_order_account(ORDER_ID).entries == {}


@pytest.mark.parametrize(("amount", "reason"), [
    (Money("USD", 12_300), f"order {ORDER_ID}: order {ORDER_ID} is booked in CNY, not USD"),
    (cny(-100), "a payment is a positive amount, got CNY -1.00"),
])
def test_a_payment_the_ledger_cannot_book_is_refused(ledger, amount, reason):
    opened(ledger)
    with pytest.raises(InvalidMessage, match=re.escape(reason)):
        handlers.book_payment(ledger, paid(amount))
    assert ledger.find_order_account(ORDER_ID).entries == {}


@pytest.mark.parametrize("command", [paid(cny(100)), paid(None), delivered(), cancelled()],
                         ids=["payment", "deferred payment", "delivery", "cancellation"])
def test_an_event_of_an_order_never_placed_is_refused(ledger, command):
    handle = {BookPayment: handlers.book_payment, RecogniseDelivery: handlers.recognise_delivery,
              CancelOrder: handlers.refund_cancellation}[type(command)]
    with pytest.raises(InvalidMessage, match=f"order {ORDER_ID} has no account in the ledger"):
        handle(ledger, command)


def test_delivery_recognises_revenue_and_settles_the_advance(ledger):
    opened(ledger)
    book(ledger, handlers.book_payment, paid(cny(12_300)))
    (account,) = book(ledger, handlers.recognise_delivery, delivered())

    assert sorted(entry.rule for entry in account.entries.values()) == sorted(
        [rules.RECEIVE_PAYMENT, rules.RECOGNISE_ON_DELIVERY, rules.MATCH_ADVANCE])
    recognition = next(e for e in account.entries.values() if e.rule == rules.RECOGNISE_ON_DELIVERY)
    assert recognition.source.event_id == "event-delivered" and recognition.period == "2024-05"
    assert account.settled


def test_cancelling_a_paid_order_refunds_it_and_a_delivery_after_that_is_refused(ledger):
    opened(ledger)
    book(ledger, handlers.book_payment, paid(cny(12_300)))
    (account,) = book(ledger, handlers.refund_cancellation, cancelled())
    assert account.refunded == cny(12_300) and account.settled

    with pytest.raises(InvalidMessage, match=f"order {ORDER_ID}: order {ORDER_ID} was cancelled"):
        handlers.recognise_delivery(ledger, delivered())


def test_a_cancellation_after_delivery_is_refused(ledger):
    opened(ledger)
    book(ledger, handlers.recognise_delivery, delivered())
    with pytest.raises(InvalidMessage, match="was delivered; it cannot be cancelled"):
        handlers.refund_cancellation(ledger, cancelled())
