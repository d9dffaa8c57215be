"""The JSON shapes the ledger's HTTP API answers with, built from domain values.

Amounts are whole minor units with their currency, as on the wire (oms.common.v1.Money). A
balance is debits minus credits: positive is a debit balance, negative a credit balance.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel

from oms_kernel.money import Money
from services.ledger.domain.chart import CHART_OF_ACCOUNTS, Account
from services.ledger.domain.journal import JournalEntry, JournalLine
from services.ledger.domain.order_account import OrderAccount
from services.ledger.domain.trial_balance import CurrencyTrialBalance


class MoneyView(BaseModel):
    currency_code: str
    minor_units: int

    @classmethod
    def of(cls, money: Money) -> MoneyView:
        return cls(currency_code=money.currency, minor_units=money.minor_units)


class AccountView(BaseModel):
    code: str
    name: str
    kind: str
    normal_side: Literal["debit", "credit"]

    @classmethod
    def of(cls, account: Account) -> AccountView:
        return cls(code=account.code, name=account.name, kind=account.kind.value,
                   normal_side=account.normal_side.value)


class JournalLineView(BaseModel):
    account_code: str
    account_name: str
    side: Literal["debit", "credit"]
    amount: MoneyView
    memo: str

    @classmethod
    def of(cls, line: JournalLine) -> JournalLineView:
        return cls(account_code=line.account_code, account_name=CHART_OF_ACCOUNTS[line.account_code].name,
                   side=line.side.value, amount=MoneyView.of(line.amount), memo=line.memo)


class JournalEntryView(BaseModel):
    entry_id: str
    order_id: str
    rule: str
    period: str
    memo: str
    source_event_type: str
    source_event_id: str
    occurred_at: datetime
    lines: list[JournalLineView]

    @classmethod
    def of(cls, entry: JournalEntry) -> JournalEntryView:
        return cls(entry_id=entry.entry_id, order_id=entry.order_id, rule=entry.rule, period=entry.period,
                   memo=entry.memo, source_event_type=entry.source.event_type,
                   source_event_id=entry.source.event_id, occurred_at=entry.source.occurred_at,
                   lines=[JournalLineView.of(line) for line in entry.lines])


class EntriesView(BaseModel):
    entries: list[JournalEntryView]


class AccountBalanceView(BaseModel):
    account_code: str
    account_name: str
    balance: MoneyView


class OrderTotalsView(BaseModel):
    goods_net: MoneyView
    shipping_fee: MoneyView
    tax: MoneyView
    grand_total: MoneyView


class OrderLedgerView(BaseModel):
    order_id: str
    order_number: str
    payment_method: str
    cash_on_delivery: bool
    totals: OrderTotalsView
    revenue_recognised: bool
    cancelled: bool
    entries: list[JournalEntryView]
    balances: list[AccountBalanceView]
    receivable_outstanding: MoneyView
    # Held for the customer: a prepayment before delivery, a refund due (over-payment) after it.
    customer_advance: MoneyView
    settled: bool

    @classmethod
    def of(cls, account: OrderAccount) -> OrderLedgerView:
        terms = account.terms
        return cls(
            order_id=account.order_id,
            order_number=account.order_number,
            payment_method=terms.payment_method,
            cash_on_delivery=terms.cash_on_delivery,
            totals=OrderTotalsView(
                goods_net=MoneyView.of(terms.goods_net), shipping_fee=MoneyView.of(terms.shipping_fee),
                tax=MoneyView.of(terms.tax), grand_total=MoneyView.of(terms.grand_total),
            ),
            revenue_recognised=account.delivered,
            cancelled=account.cancelled,
            entries=[JournalEntryView.of(entry) for entry in account.entries.values()],
            balances=[
                AccountBalanceView(account_code=code, account_name=CHART_OF_ACCOUNTS[code].name,
                                   balance=MoneyView.of(account.balance(code)))
                for code in sorted(account.balances)
            ],
            receivable_outstanding=MoneyView.of(account.receivable_outstanding),
            customer_advance=MoneyView.of(account.customer_advance),
            settled=account.settled,
        )


class TrialBalanceLineView(BaseModel):
    account_code: str
    account_name: str
    debit: int
    credit: int
    balance: int


class CurrencyTrialBalanceView(BaseModel):
    currency_code: str
    accounts: list[TrialBalanceLineView]
    total_debit: int
    total_credit: int
    # Zero when the books balance: every entry does, so anything else is a booking error.
    total_balance: int
    balanced: bool

    @classmethod
    def of(cls, trial: CurrencyTrialBalance) -> CurrencyTrialBalanceView:
        return cls(
            currency_code=trial.currency,
            accounts=[
                TrialBalanceLineView(
                    account_code=a.account_code, account_name=CHART_OF_ACCOUNTS[a.account_code].name,
                    debit=a.debit, credit=a.credit, balance=a.balance,
                )
                for a in trial.accounts
            ],
            total_debit=trial.total_debit,
            total_credit=trial.total_credit,
            total_balance=trial.total_balance,
            balanced=trial.balanced,
        )


class TrialBalanceView(BaseModel):
    currencies: list[CurrencyTrialBalanceView]
    balanced: bool

    @classmethod
    def of(cls, trials: list[CurrencyTrialBalance]) -> TrialBalanceView:
        return cls(currencies=[CurrencyTrialBalanceView.of(t) for t in trials],
                   balanced=all(t.balanced for t in trials))
