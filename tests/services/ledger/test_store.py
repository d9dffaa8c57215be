"""The ledger's store on SQLite and PostgreSQL: accounts survive a reopen, the journal view folds
every stored entry, and a second writer of the same account loses instead of double-booking."""

import pytest
from eventsourcing.persistence import IntegrityError

from oms_platform.store import open_application
from services.ledger.application.service import LedgerApplication
from services.ledger.settings import LedgerSettings

from .domain_builders import cny, open_account, pay, upstream


@pytest.fixture
def open_ledger(store_backend, ledger_database_url):
    opened = []

    def open_() -> LedgerApplication:
        settings = LedgerSettings(data_dir=store_backend.data_dir, database_url=ledger_database_url)
        app = open_application(LedgerApplication, settings)
        opened.append(app)
        return app

    yield open_
    for app in opened:
        app.close()


def delivered_prepaid_account():
    account = open_account()
    pay(account, 12_300, "PAY-STORE")
    account.recognise_delivery(["shipment-1"], upstream())
    return account


def test_an_account_reads_back_with_its_entries_and_balances(open_ledger):
    account = delivered_prepaid_account()
    open_ledger().record(account)

    stored = open_ledger().find_order_account(account.order_id)

    assert stored is not None and stored.version == account.version
    assert stored.entries == account.entries
    assert stored.terms == account.terms
    assert stored.payments == account.payments
    assert stored.receivable_outstanding == cny(0) and stored.settled


def test_the_trial_balance_and_recent_entries_cover_every_account_in_the_store(open_ledger):
    ledger = open_ledger()
    first, second = delivered_prepaid_account(), open_account(cod=True)
    second.recognise_delivery(["shipment-2"], upstream())
    ledger.record(first)
    ledger.record(second)

    (trial,) = ledger.trial_balance()
    assert trial.currency == "CNY" and trial.balanced
    balances = {a.account_code: a.balance for a in trial.accounts}
    assert balances == {"1001": 12_300, "1122": 0, "1123": 12_300, "2201": 0, "2221": -2_600,
                        "6001": -20_000, "6051": -2_000}
    newest = ledger.recent_entries(2)
    assert [entry.rule for entry in newest] == ["collect-cash-on-delivery", "recognise-on-delivery"]
    assert len(ledger.recent_entries(100)) == 5


def test_a_stale_copy_of_an_account_cannot_post_over_a_newer_one(open_ledger):
    ledger = open_ledger()
    account = open_account()
    ledger.record(account)
    fresh, stale = ledger.find_order_account(account.order_id), ledger.find_order_account(account.order_id)
    pay(fresh, 100, "PAY-FIRST")
    ledger.record(fresh)

    pay(stale, 100, "PAY-SECOND")
    with pytest.raises(IntegrityError):
        ledger.record(stale)
    assert list(ledger.find_order_account(account.order_id).payments) == ["payment-PAY-FIRST"]
