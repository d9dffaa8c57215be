from __future__ import annotations

from typing import Any

from eventsourcing.application import AggregateNotFoundError
from eventsourcing.persistence import JSONTranscoder

from oms_platform.store import ServiceApplication
from services.ledger.adapters.stored_values import register_ledger_values
from services.ledger.application.journal_view import JournalView
from services.ledger.domain.journal import JournalEntry
from services.ledger.domain.order_account import OrderAccount
from services.ledger.domain.trial_balance import CurrencyTrialBalance


class LedgerApplication(ServiceApplication):
    """The ledger's event-sourced store: one OrderAccount per order, and the journal across them.

    Entries are posted only by the consumer (handlers.py) from business events; the HTTP API reads.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.journal = JournalView(self)

    def register_transcodings(self, transcoder: JSONTranscoder) -> None:
        super().register_transcodings(transcoder)
        register_ledger_values(transcoder)

    def find_order_account(self, order_id: str) -> OrderAccount | None:
        try:
            return self.repository.get(OrderAccount.create_id(order_id))
        except AggregateNotFoundError:
            return None

    def trial_balance(self) -> list[CurrencyTrialBalance]:
        return self.journal.trial_balance()

    def recent_entries(self, limit: int) -> list[JournalEntry]:
        return self.journal.recent_entries(limit)
