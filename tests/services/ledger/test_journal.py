"""Journal entries refuse to exist unbalanced; money refuses floats and mixed currencies."""

from datetime import UTC, datetime

import pytest

from oms_kernel import money
from oms_kernel.money import Money
from services.ledger.domain.errors import CurrencyMismatch, InvalidAmount, LedgerError, UnbalancedEntry, UnknownAccount
from services.ledger.domain.journal import JournalEntry, JournalLine, SourceEvent
from services.ledger.domain.trial_balance import TrialBalance

SOURCE = SourceEvent("oms.order.v1.OrderDelivered", "event-1", datetime(2024, 5, 31, tzinfo=UTC))


def entry(*lines: JournalLine, entry_id: str = "entry-1") -> JournalEntry:
    return JournalEntry(entry_id=entry_id, order_id="order-1", rule="test-rule", lines=lines, source=SOURCE)


def test_an_entry_whose_debits_and_credits_differ_is_refused():
    with pytest.raises(UnbalancedEntry, match="debits minus credits = -10 CNY"):
        entry(JournalLine.debit("1122", Money("CNY", 100)), JournalLine.credit("6001", Money("CNY", 110)))


def test_an_entry_must_balance_in_every_currency_not_just_in_total():
    with pytest.raises(UnbalancedEntry):
        entry(JournalLine.debit("1001", Money("CNY", 100)), JournalLine.credit("2201", Money("USD", 100)))


def test_an_entry_needs_a_debit_and_a_credit():
    with pytest.raises(UnbalancedEntry):
        entry(JournalLine.debit("1001", Money("CNY", 100)))


def test_lines_name_known_accounts_and_carry_positive_amounts():
    with pytest.raises(UnknownAccount):
        JournalLine.debit("9999", Money("CNY", 100))
    with pytest.raises(InvalidAmount):
        JournalLine.credit("6001", Money("CNY", 0))
    with pytest.raises(InvalidAmount):
        JournalLine.credit("6001", Money("CNY", -5))


def test_a_balanced_entry_is_dated_in_the_period_of_its_business_event():
    posted = entry(JournalLine.debit("1001", Money("CNY", 100)), JournalLine.credit("2201", Money("CNY", 100)))
    assert posted.period == "2024-05"
    assert posted.net_by_currency() == {"CNY": 0}


def test_money_is_whole_minor_units_of_one_currency():
    with pytest.raises(money.InvalidAmount):
        Money("CNY", 12.5)  # type: ignore[arg-type]
    with pytest.raises(money.InvalidAmount):
        Money("yuan", 100)
    with pytest.raises(money.CurrencyMismatch):
        Money("CNY", 1) + Money("USD", 1)


def test_the_ledger_s_refusals_about_amounts_are_the_kernel_s_kinds_of_money_error():
    with pytest.raises(money.InvalidAmount) as refused:
        JournalLine.credit("6001", Money("CNY", 0))
    assert isinstance(refused.value, InvalidAmount) and str(refused.value).endswith("got CNY 0.00")
    assert issubclass(CurrencyMismatch, money.CurrencyMismatch) and issubclass(CurrencyMismatch, LedgerError)


def test_the_trial_balance_sums_to_zero_per_currency():
    trial = TrialBalance()
    trial.add(entry(JournalLine.debit("1001", Money("CNY", 500)), JournalLine.credit("2201", Money("CNY", 500))))
    trial.add(entry(JournalLine.debit("2201", Money("CNY", 500)), JournalLine.credit("1122", Money("CNY", 500)),
                    entry_id="entry-2"))
    trial.add(entry(JournalLine.debit("1001", Money("USD", 70)), JournalLine.credit("2201", Money("USD", 70)),
                    entry_id="entry-3"))
    by_currency = {t.currency: t for t in trial.by_currency()}
    assert set(by_currency) == {"CNY", "USD"}
    cny = by_currency["CNY"]
    assert [(a.account_code, a.debit, a.credit, a.balance) for a in cny.accounts] == [
        ("1001", 500, 0, 500), ("1122", 0, 500, -500), ("2201", 500, 500, 0)]
    assert cny.total_debit == cny.total_credit == 1000 and cny.balanced
    assert by_currency["USD"].balanced
