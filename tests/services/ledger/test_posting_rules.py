"""The posting rules on one order's account: what each business fact books (no broker, no store)."""

import pytest

from oms_kernel.money import Money
from services.ledger.domain import posting_rules as rules
from services.ledger.domain.errors import (
    CurrencyMismatch,
    InconsistentOrderTotals,
    OrderAlreadyCancelled,
    OrderAlreadyDelivered,
)
from services.ledger.domain.order_terms import OrderTerms
from services.ledger.domain.payments import MatchKind, Payment

from .domain_builders import cny, event_names, lines_of, open_account, pay, payment, upstream

RECOGNITION = [("1122", "debit", 12_300), ("6001", "credit", 10_000), ("6051", "credit", 1_000),
               ("2221", "credit", 1_300)]


def deliver(account, shipments=("shipment-1",)):
    account.recognise_delivery(list(shipments), upstream())


def assert_books_balance(account):
    assert sum(account.balances.values()) == 0
    for entry in account.entries.values():
        assert entry.net_by_currency() == {"CNY": 0}


def test_prepaid_order_is_an_advance_until_delivery_then_revenue_and_the_advance_settles_the_receivable():
    account = open_account()
    pay(account, 12_300)
    assert lines_of(account, rules.RECEIVE_PAYMENT) == [("1001", "debit", 12_300), ("2201", "credit", 12_300)]
    assert account.balance("6001").is_zero, "no revenue before delivery"

    deliver(account)

    assert lines_of(account, rules.RECOGNISE_ON_DELIVERY) == RECOGNITION
    assert lines_of(account, rules.MATCH_ADVANCE) == [("2201", "debit", 12_300), ("1122", "credit", 12_300)]
    assert account.receivable_outstanding == cny(0) and account.customer_advance == cny(0)
    assert account.settled
    assert_books_balance(account)
    assert event_names(account) == ["Opened", "PaymentReceived", "JournalEntryPosted", "RevenueRecognised",
                                    "JournalEntryPosted", "PaymentMatched", "JournalEntryPosted"]


def test_the_match_of_an_exact_payment_says_exact_with_nothing_outstanding():
    account = open_account()
    pay(account, 12_300)
    deliver(account)
    matched = [e for e in account.collect_events() if type(e).__name__ == "PaymentMatched"]
    assert [(m.kind, m.matched, m.outstanding_after) for m in matched] == [(MatchKind.EXACT, cny(12_300), cny(0))]


def test_cash_on_delivery_moves_the_whole_receivable_to_cod_clearing_at_delivery():
    account = open_account(cod=True)
    deliver(account, ["shipment-9"])

    assert lines_of(account, rules.RECOGNISE_ON_DELIVERY) == RECOGNITION
    assert lines_of(account, rules.COLLECT_CASH_ON_DELIVERY) == [("1123", "debit", 12_300), ("1122", "credit", 12_300)]
    assert account.receivable_outstanding == cny(0) and account.settled
    assert account.collected_on_delivery == cny(12_300)
    collected = [e for e in account.collect_events() if type(e).__name__ == "CashOnDeliveryCollected"]
    assert [(c.shipment_id, c.amount) for c in collected] == [("shipment-9", cny(12_300))]
    assert_books_balance(account)


def test_partial_payment_leaves_the_receivable_open_and_a_later_payment_is_matched_automatically():
    account = open_account()
    pay(account, 5_000, "PAY-A")
    deliver(account)

    assert account.receivable_outstanding == cny(7_300)
    assert not account.settled
    pay(account, 7_300, "PAY-B")

    assert account.receivable_outstanding == cny(0) and account.customer_advance == cny(0)
    assert account.settled
    matches = [(e.payment_id, e.kind, e.outstanding_after) for e in account.collect_events()
               if type(e).__name__ == "PaymentMatched"]
    assert matches == [("payment-PAY-A", MatchKind.PARTIAL, cny(7_300)), ("payment-PAY-B", MatchKind.EXACT, cny(0))]
    assert_books_balance(account)


def test_over_payment_settles_the_receivable_and_the_excess_stays_an_advance_due_back():
    account = open_account()
    pay(account, 15_000)
    deliver(account)

    assert lines_of(account, rules.MATCH_ADVANCE) == [("2201", "debit", 12_300), ("1122", "credit", 12_300)]
    assert account.receivable_outstanding == cny(0)
    assert account.customer_advance == cny(2_700)
    assert not account.settled, "2,700 is still owed back to the customer"
    kinds = [e.kind for e in account.collect_events() if type(e).__name__ == "PaymentMatched"]
    assert kinds == [MatchKind.OVERPAYMENT]


def test_cancelling_a_paid_order_refunds_every_advance():
    account = open_account()
    pay(account, 12_300)
    account.cancel(upstream("oms.order.v1.OrderCancelled"))

    assert lines_of(account, rules.REFUND_ON_CANCELLATION) == [("2201", "debit", 12_300), ("1001", "credit", 12_300)]
    assert account.balance("1001") == cny(0) and account.customer_advance == cny(0)
    assert account.refunded == cny(12_300) and account.settled
    assert event_names(account)[-3:] == ["CancellationRecorded", "RefundIssued", "JournalEntryPosted"]


def test_cancelling_an_unpaid_order_books_nothing():
    account = open_account()
    account.cancel(upstream("oms.order.v1.OrderCancelled"))
    assert account.entries == {} and account.cancelled and account.refunded is None


def test_the_same_payment_delivery_or_cancellation_seen_twice_books_once():
    account = open_account()
    same_payment = payment(12_300, "PAY-1")
    account.receive_payment(same_payment, upstream("oms.order.v1.PaymentConfirmed"))
    account.receive_payment(same_payment, upstream("oms.order.v1.PaymentConfirmed"))
    deliver(account)
    deliver(account)
    assert sorted(entry.rule for entry in account.entries.values()) == sorted(
        [rules.RECEIVE_PAYMENT, rules.RECOGNISE_ON_DELIVERY, rules.MATCH_ADVANCE])

    unpaid = open_account()
    pay(unpaid, 100)
    unpaid.cancel(upstream("oms.order.v1.OrderCancelled"))
    unpaid.cancel(upstream("oms.order.v1.OrderCancelled"))
    assert [entry.rule for entry in unpaid.entries.values()].count(rules.REFUND_ON_CANCELLATION) == 1


def test_entry_ids_derive_from_order_rule_and_upstream_event():
    account = open_account()
    source = upstream()
    first = rules.revenue_on_delivery(account.order_id, account.terms, source)
    again = rules.revenue_on_delivery(account.order_id, account.terms, source)
    other_event = rules.revenue_on_delivery(account.order_id, account.terms, upstream())
    assert first.entry_id == again.entry_id != other_event.entry_id


def test_a_free_order_recognises_nothing_and_is_settled_at_delivery():
    account = open_account(goods=0, shipping=0, tax=0)
    deliver(account)
    assert account.entries == {} and account.delivered and account.settled


def test_lines_of_zero_are_left_out_of_the_recognition_entry():
    account = open_account(shipping=0, tax=0)
    deliver(account)
    assert lines_of(account, rules.RECOGNISE_ON_DELIVERY) == [("1122", "debit", 10_000), ("6001", "credit", 10_000)]


def test_a_delivered_order_cannot_be_cancelled_and_a_cancelled_one_cannot_be_delivered():
    delivered = open_account()
    deliver(delivered)
    with pytest.raises(OrderAlreadyDelivered):
        delivered.cancel(upstream("oms.order.v1.OrderCancelled"))

    cancelled = open_account()
    cancelled.cancel(upstream("oms.order.v1.OrderCancelled"))
    with pytest.raises(OrderAlreadyCancelled):
        deliver(cancelled)


def test_a_payment_in_another_currency_is_refused_and_books_nothing():
    account = open_account()
    foreign = Payment("payment-usd", Money("USD", 100), "online", "PAY-USD", upstream().occurred_at)
    with pytest.raises(CurrencyMismatch):
        account.receive_payment(foreign, upstream("oms.order.v1.PaymentConfirmed"))
    assert account.entries == {} and account.payments == {}


def test_order_totals_that_do_not_add_up_are_refused():
    with pytest.raises(InconsistentOrderTotals):
        OrderTerms(goods_net=cny(100), shipping_fee=cny(10), tax=cny(13), grand_total=cny(124),
                   payment_method="online")
    with pytest.raises(CurrencyMismatch):
        OrderTerms(goods_net=cny(100), shipping_fee=Money("USD", 10), tax=cny(13), grand_total=cny(123),
                   payment_method="online")
