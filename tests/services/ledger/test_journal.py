"""Journal entries refuse to exist unbalanced; money refuses floats and mixed currencies."""

from datetime import UTC, datetime

import pytest

from services.ledger.domain.errors import CurrencyMismatch, InvalidAmount, UnbalancedEntry, UnknownAccount
from services.ledger.domain.journal import JournalEntry, JournalLine, SourceEvent
from services.ledger.domain.money import Money
from services.ledger.domain.trial_balance import TrialBalance

SOURCE = SourceEvent("oms.order.v1.OrderDelivered", "event-1", datetime(2024, 5, 31, tzinfo=UTC))


def entry(*lines: JournalLine, entry_id: str = "entry-1") -> JournalEntry:
    return JournalEntry(entry_id=entry_id, order_id="order-1", rule="test-rule", lines=lines, source=SOURCE)


def test_an_entry_whose_debits_and_credits_differ_is_refused():
    with pytest.raises(UnbalancedEntry, match="debits minus credits = -10 CNY"):
        entry(JournalLine.debit("1122", Money(100, "CNY")), JournalLine.credit("6001", Money(110, "CNY")))


def test_an_entry_must_balance_in_every_currency_not_just_in_total():
    with pytest.raises(UnbalancedEntry):
        entry(JournalLine.debit("1001", Money(100, "CNY")), JournalLine.credit("2201", Money(100, "USD")))


def test_an_entry_needs_a_debit_and_a_credit():
    with pytest.raises(UnbalancedEntry):
        entry(JournalLine.debit("1001", Money(100, "CNY")))


def test_lines_name_known_accounts_and_carry_positive_amounts():
    with pytest.raises(UnknownAccount):
        JournalLine.debit("9999", Money(100, "CNY"))
    with pytest.raises(InvalidAmount):
        JournalLine.credit("6001", Money(0, "CNY"))
    with pytest.raises(InvalidAmount):
        JournalLine.credit("6001", Money(-5, "CNY"))


def test_a_balanced_entry_is_dated_in_the_period_of_its_business_event():
    posted = entry(JournalLine.debit("1001", Money(100, "CNY")), JournalLine.credit("2201", Money(100, "CNY")))
    assert posted.period == "2024-05"
    assert posted.net_by_currency() == {"CNY": 0}


def test_money_is_whole_minor_units_of_one_currency():
    with pytest.raises(InvalidAmount):
        Money(12.5, "CNY")  # type: ignore[arg-type]
    with pytest.raises(InvalidAmount):
        Money(100, "yuan")
    with pytest.raises(CurrencyMismatch):
        Money(1, "CNY") + Money(1, "USD")


def test_the_trial_balance_sums_to_zero_per_currency():
    trial = TrialBalance()
    trial.add(entry(JournalLine.debit("1001", Money(500, "CNY")), JournalLine.credit("2201", Money(500, "CNY"))))
    trial.add(entry(JournalLine.debit("2201", Money(500, "CNY")), JournalLine.credit("1122", Money(500, "CNY")),
                    entry_id="entry-2"))
    trial.add(entry(JournalLine.debit("1001", Money(70, "USD")), JournalLine.credit("2201", Money(70, "USD")),
                    entry_id="entry-3"))
    by_currency = {t.currency: t for t in trial.by_currency()}
    assert set(by_currency) == {"CNY", "USD"}
    cny = by_currency["CNY"]
    assert [(a.account_code, a.debit, a.credit, a.balance) for a in cny.accounts] == [
        ("1001", 500, 0, 500), ("1122", 0, 500, -500), ("2201", 500, 500, 0)]
    assert cny.total_debit == cny.total_credit == 1000 and cny.balanced
    assert by_currency["USD"].balanced
