"""Journal entries: balanced sets of debit and credit lines, posted once and never changed."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from oms_kernel.money import Money
from services.ledger.domain.chart import Side, account
from services.ledger.domain.errors import InvalidAmount, UnbalancedEntry


@dataclass(frozen=True)
class JournalLine:
    account_code: str
    side: Side
    amount: Money
    memo: str = ""

    def __post_init__(self) -> None:
        account(self.account_code)  # refuses codes outside the chart
        if not self.amount.is_positive:
            raise InvalidAmount(f"a journal line carries a positive amount, got {self.amount}")

    @classmethod
    def debit(cls, account_code: str, amount: Money, memo: str = "") -> JournalLine:
        return cls(account_code, Side.DEBIT, amount, memo)

    @classmethod
    def credit(cls, account_code: str, amount: Money, memo: str = "") -> JournalLine:
        return cls(account_code, Side.CREDIT, amount, memo)

    @property
    def signed_minor_units(self) -> int:
        """Debits positive, credits negative: the lines of a balanced entry sum to zero."""
        return self.amount.minor_units if self.side is Side.DEBIT else -self.amount.minor_units


@dataclass(frozen=True)
class SourceEvent:
    """The business event an entry was posted for: its contract type, event id and time."""

    event_type: str
    event_id: str
    occurred_at: datetime


@dataclass(frozen=True)
class JournalEntry:
    entry_id: str
    order_id: str
    rule: str
    lines: tuple[JournalLine, ...]
    source: SourceEvent
    memo: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "lines", tuple(self.lines))
        if len(self.lines) < 2:
            raise UnbalancedEntry(f"entry {self.entry_id} needs at least one debit and one credit line")
        unbalanced = {currency: total for currency, total in self.net_by_currency().items() if total}
        if unbalanced:
            raise UnbalancedEntry(
                f"entry {self.entry_id} ({self.rule}) does not balance: debits minus credits = "
                + ", ".join(f"{units} {currency}" for currency, units in sorted(unbalanced.items()))
            )

    def net_by_currency(self) -> dict[str, int]:
        net: dict[str, int] = defaultdict(int)
        for line in self.lines:
            net[line.amount.currency] += line.signed_minor_units
        return dict(net)

    @property
    def period(self) -> str:
        """The accounting period, "YYYY-MM", of the business event (not of the posting)."""
        return self.source.occurred_at.strftime("%Y-%m")
