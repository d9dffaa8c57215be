"""The trial balance: debits and credits per account and currency over every posted entry.

Because every entry balances, each currency's account balances sum to zero; a trial balance that
does not is proof of a booking error, so it says so instead of hiding it.
"""

from __future__ import annotations

from dataclasses import dataclass

from services.ledger.domain.chart import Side
from services.ledger.domain.journal import JournalEntry


@dataclass(frozen=True)
class AccountTotals:
    account_code: str
    debit: int
    credit: int

    @property
    def balance(self) -> int:
        """Debits minus credits: positive is a debit balance, negative a credit balance."""
        return self.debit - self.credit


@dataclass(frozen=True)
class CurrencyTrialBalance:
    currency: str
    accounts: tuple[AccountTotals, ...]

    @property
    def total_debit(self) -> int:
        return sum(account.debit for account in self.accounts)

    @property
    def total_credit(self) -> int:
        return sum(account.credit for account in self.accounts)

    @property
    def total_balance(self) -> int:
        return self.total_debit - self.total_credit

    @property
    def balanced(self) -> bool:
        return self.total_balance == 0


class TrialBalance:
    """Accumulates entries; `by_currency()` is the trial balance so far."""

    def __init__(self) -> None:
        self._totals: dict[tuple[str, str], tuple[int, int]] = {}  # (currency, account) -> (Dr, Cr)

    def add(self, entry: JournalEntry) -> None:
        for line in entry.lines:
            key = (line.amount.currency, line.account_code)
            debit, credit = self._totals.get(key, (0, 0))
            if line.side is Side.DEBIT:
                debit += line.amount.minor_units
            else:
                credit += line.amount.minor_units
            self._totals[key] = (debit, credit)

    def by_currency(self) -> list[CurrencyTrialBalance]:
        currencies = sorted({currency for currency, _ in self._totals})
        return [
            CurrencyTrialBalance(currency, tuple(
                AccountTotals(code, *self._totals[(currency, code)])
                for cur, code in sorted(self._totals) if cur == currency
            ))
            for currency in currencies
        ]
