"""Automatic review rules (O3 basic): amount, quantities, cash-on-delivery limit."""

from oms_kernel.money import Money
from services.order.domain.reasons import HoldReason
from services.order.domain.review import ReviewSubject, evaluate

from .orders import POLICY, cny, line


def subject(*, lines=(line(quantity=2),), total=25_800, paid=25_800, cod=False, deferred=False):  # noqa: B008 - frozen lines
    return ReviewSubject(tuple(lines), cny(total), cny(paid) if paid is not None else None, cod, deferred or cod)


def test_an_ordinary_paid_order_passes_every_rule():
    decision = evaluate(subject(), POLICY)
    assert decision.approved
    assert [c.passed for c in decision.checks] == [True, True, True]


def test_a_paid_amount_that_differs_from_the_total_holds_for_finance():
    decision = evaluate(subject(paid=25_000), POLICY)
    assert decision.held_by.hold_reason == HoldReason.PAYMENT_AMOUNT_MISMATCH
    assert decision.held_by.review_queue == "finance"
    assert decision.detail == "paid CNY 250.00, due CNY 258.00"


def test_a_missing_paid_amount_cannot_match():
    assert evaluate(subject(paid=None), POLICY).held_by.hold_reason == HoldReason.PAYMENT_AMOUNT_MISMATCH


def test_more_than_fifty_of_a_line_is_unusual_but_fifty_is_not():
    assert evaluate(subject(lines=[line(quantity=50)], total=50 * 12_900, paid=50 * 12_900), POLICY).approved
    decision = evaluate(subject(lines=[line(quantity=51)], total=51 * 12_900, paid=51 * 12_900), POLICY)
    assert decision.held_by.hold_reason == HoldReason.UNUSUAL_QUANTITY
    assert "SKU-TEA x 51" in decision.detail


def test_cash_on_delivery_up_to_the_limit_passes_and_above_it_holds():
    assert evaluate(subject(total=500_000, paid=None, cod=True), POLICY).approved
    decision = evaluate(subject(total=500_001, paid=None, cod=True), POLICY)
    assert decision.held_by.hold_reason == HoldReason.COD_LIMIT_EXCEEDED
    assert decision.detail == "COD CNY 5000.01 > limit CNY 5000.00"


def test_cash_on_delivery_in_another_currency_cannot_be_checked_and_holds():
    odd = ReviewSubject((line(),), Money("USD", 100), None, True, True)
    assert evaluate(odd, POLICY).held_by.hold_reason == HoldReason.COD_LIMIT_EXCEEDED


def test_every_failing_rule_is_reported_and_the_first_one_decides():
    decision = evaluate(subject(lines=[line(quantity=60)], total=60 * 12_900, paid=1), POLICY)
    assert [c.passed for c in decision.checks] == [False, False, True]
    assert decision.held_by.hold_reason == HoldReason.PAYMENT_AMOUNT_MISMATCH
