"""An order's journal lines and balances."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from services.projection.adapters.view_store import Session


def order_ledger(session: Session, order_id: str) -> dict[str, Any]:
    entries = session.all(
        "SELECT entry_id, line_no, account_code, currency, debit_minor, credit_minor, memo, source_event_type,"
        " reverses_entry_id, posted_at FROM ledger_entries WHERE order_id = ? ORDER BY posted_at, entry_id, line_no",
        (order_id,),
    )
    balances = session.all(
        "SELECT account_code, currency, debit_minor, credit_minor, balance_minor FROM ledger_balance"
        " WHERE order_id = ? ORDER BY account_code, currency",
        (order_id,),
    )
    # Double entry: per currency, what the order's entries debit they also credit.
    net: dict[str, int] = defaultdict(int)
    for balance in balances:
        net[balance["currency"]] += balance["balance_minor"]
    return {"order_id": order_id, "entries": entries, "balances": balances,
            "balanced": all(amount == 0 for amount in net.values())}
