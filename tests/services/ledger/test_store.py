"""The ledger's store on SQLite and PostgreSQL: accounts survive a reopen, the journal view folds
every stored entry, a second writer of the same account loses instead of double-booking, and
accounts stored with the ledger's old Money still read back."""

import pytest
from eventsourcing.persistence import IntegrityError, StoredEvent

from oms_kernel.money import Money
from oms_platform.store import open_application
from services.ledger.application.service import LedgerApplication
from services.ledger.domain.order_account import OrderAccount
from services.ledger.domain.order_terms import OrderTerms
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


# An order account as the ledger stored it before it used the kernel's Money: amounts under its own
# transcoding "ledger.money", keys minor_units then currency (produced by that code, verbatim).
LEGACY_ORDER_ID = "5f1c2a9e-0000-4000-8000-000000000001"
_ACCOUNT = "services.ledger.domain.order_account:OrderAccount"
LEGACY_EVENTS = [
    (f"{_ACCOUNT}.Opened",
     '{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-02T21:39:22.716646+00:00"},"originator_topic":'
     '"services.ledger.domain.order_account:OrderAccount","order_id":"5f1c2a9e-0000-4000-8000-000000000001",'
     '"order_number":"SO-1001","terms":{"_type_":"ledger.order_terms","_data_":{"goods_net":{"_type_":'
     '"ledger.money","_data_":{"minor_units":10000,"currency":"CNY"}},"shipping_fee":{"_type_":"ledger.money",'
     '"_data_":{"minor_units":1000,"currency":"CNY"}},"tax":{"_type_":"ledger.money","_data_":{"minor_units":1300,'
     '"currency":"CNY"}},"grand_total":{"_type_":"ledger.money","_data_":{"minor_units":12300,"currency":"CNY"}},'
     '"payment_method":"online"}}}'),
    (f"{_ACCOUNT}.PaymentReceived",
     '{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-02T21:39:22.716985+00:00"},"order_id":'
     '"5f1c2a9e-0000-4000-8000-000000000001","payment":{"_type_":"ledger.payment","_data_":{"payment_id":'
     '"payment-PAY-1","amount":{"_type_":"ledger.money","_data_":{"minor_units":5000,"currency":"CNY"}},'
     '"method":"online","reference":"PAY-1","received_at":{"_type_":"datetime_iso","_data_":'
     '"2024-05-20T00:00:00+00:00"}}}}'),
    (f"{_ACCOUNT}.JournalEntryPosted",
     '{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-02T21:39:22.717094+00:00"},"entry":{"_type_":'
     '"ledger.journal_entry","_data_":{"entry_id":"0c41ca2e-1be7-5e52-b34b-8037895a087d","order_id":'
     '"5f1c2a9e-0000-4000-8000-000000000001","rule":"receive-payment","lines":[{"_type_":"ledger.journal_line",'
     '"_data_":{"account_code":"1001","side":"debit","amount":{"_type_":"ledger.money","_data_":{"minor_units":'
     '5000,"currency":"CNY"}},"memo":"payment PAY-1"}},{"_type_":"ledger.journal_line","_data_":{"account_code":'
     '"2201","side":"credit","amount":{"_type_":"ledger.money","_data_":{"minor_units":5000,"currency":"CNY"}},'
     '"memo":"advance from customer"}}],"source":{"_type_":"ledger.source_event","_data_":{"event_type":'
     '"oms.order.v1.PaymentConfirmed","event_id":"event-1","occurred_at":{"_type_":"datetime_iso","_data_":'
     '"2024-05-20T00:00:00+00:00"}}},"memo":"payment received"}}}'),
]


def test_an_account_stored_with_the_ledger_s_old_money_reads_back_as_kernel_money(open_ledger):
    ledger = open_ledger()
    account_id = OrderAccount.create_id(LEGACY_ORDER_ID)
    ledger.recorder.insert_events([StoredEvent(account_id, version, topic, state.encode())
                                   for version, (topic, state) in enumerate(LEGACY_EVENTS, start=1)])

    account = open_ledger().find_order_account(LEGACY_ORDER_ID)

    assert account is not None and account.version == 3
    assert account.terms == OrderTerms(goods_net=cny(10_000), shipping_fee=cny(1_000), tax=cny(1_300),
                                       grand_total=cny(12_300), payment_method="online")
    (payment,) = account.payments.values()
    assert type(payment.amount) is Money and payment.amount == Money("CNY", 5_000)
    (entry,) = account.entries.values()
    assert [(line.account_code, line.amount) for line in entry.lines] == [("1001", cny(5_000)), ("2201", cny(5_000))]
    assert account.customer_advance == cny(5_000)
    (trial,) = ledger.trial_balance()
    assert {a.account_code: a.balance for a in trial.accounts} == {"1001": 5_000, "2201": -5_000}


def test_amounts_are_stored_as_oms_money_and_never_again_as_ledger_money(open_ledger):
    ledger = open_ledger()
    account_id = OrderAccount.create_id(LEGACY_ORDER_ID)
    ledger.recorder.insert_events([StoredEvent(account_id, version, topic, state.encode())
                                   for version, (topic, state) in enumerate(LEGACY_EVENTS, start=1)])
    account = ledger.find_order_account(LEGACY_ORDER_ID)
    account.recognise_delivery(["shipment-1"], upstream())
    ledger.record(account)

    new_states = [stored.state for stored in ledger.recorder.select_events(account_id, gt=3)]
    assert len(new_states) == 4  # revenue recognised, its entry, the payment matched, its entry
    assert all(b'"ledger.money"' not in state for state in new_states)
    # 4 lines of the recognition entry, matched and outstanding after, 2 lines of the match entry
    money = b'{"_type_":"oms.money","_data_":{"currency":"CNY","minor_units":'
    assert sum(state.count(money) for state in new_states) == 8
    again = open_ledger().find_order_account(LEGACY_ORDER_ID)
    assert again.receivable_outstanding == cny(7_300) and again.customer_advance == cny(0)
