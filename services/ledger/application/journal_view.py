"""The trial balance and the newest entries, folded from the entries in the ledger's own store.

The store is the only truth: this view reads the JournalEntryPosted events after the last one it
has seen (the notification log is in commit order), so it is always as current as the store when
a query asks, and a restarted process rebuilds it by reading the log from the start.
"""

from __future__ import annotations

import threading
from collections import deque
from typing import Any

from eventsourcing.utils import get_topic

from services.ledger.domain.journal import JournalEntry
from services.ledger.domain.order_account import OrderAccount
from services.ledger.domain.trial_balance import CurrencyTrialBalance, TrialBalance

# The newest entries kept for GET /ledger/entries; older ones stay in the store and in the totals.
RECENT_ENTRIES = 500
_BATCH = 500
_POSTED = get_topic(OrderAccount.JournalEntryPosted)


class JournalView:
    def __init__(self, app: Any, *, recent: int = RECENT_ENTRIES) -> None:
        self._app = app
        self._lock = threading.Lock()  # sync routes run in a threadpool
        self._position = 0
        self._trial_balance = TrialBalance()
        self._recent: deque[JournalEntry] = deque(maxlen=recent)

    def trial_balance(self) -> list[CurrencyTrialBalance]:
        with self._lock:
            self._catch_up()
            return self._trial_balance.by_currency()

    def recent_entries(self, limit: int) -> list[JournalEntry]:
        """Newest first."""
        with self._lock:
            self._catch_up()
            return list(reversed(self._recent))[:limit]

    def _catch_up(self) -> None:
        while True:
            notifications = self._app.recorder.select_notifications(
                start=self._position, limit=_BATCH, topics=[_POSTED], inclusive_of_start=False
            )
            for notification in notifications:
                entry = self._app.mapper.to_domain_event(notification).entry
                self._trial_balance.add(entry)
                self._recent.append(entry)
                self._position = notification.id
            if len(notifications) < _BATCH:
                return
