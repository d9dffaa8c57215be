"""Ledger events (oms.ledger.events.v1): journal lines and balances per order, money milestones
on the order's timeline."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from oms.ledger.v1 import ledger_events_pb2 as ledger
from services.projection.adapters.view_store import Session
from services.projection.application.fact import Fact
from services.projection.application.views.common import Updater, add_to_timeline, money_text, time_or


def journal_entry_posted(session: Session, fact: Fact) -> None:
    m: ledger.JournalEntryPosted = fact.payload
    at = time_or(m.posted_at, fact.occurred_at)
    for number, line in enumerate(m.lines, start=1):
        currency = line.debit.currency_code or line.credit.currency_code
        session.execute(
            "INSERT INTO ledger_entries (entry_id, line_no, order_id, account_code, currency, debit_minor,"
            " credit_minor, memo, source_event_type, reverses_entry_id, posted_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (entry_id, line_no) DO NOTHING",
            (m.entry_id, number, m.order_id, line.account_code, currency, line.debit.minor_units,
             line.credit.minor_units, line.memo or m.memo or None, m.source_event_type or None,
             m.reverses_entry_id or None, at),
        )
    if m.order_id:
        _recompute_balance(session, m.order_id)


def _recompute_balance(session: Session, order_id: str) -> None:
    # Summed again from the entries rather than incremented: a replayed entry cannot count twice.
    session.execute("DELETE FROM ledger_balance WHERE order_id = ?", (order_id,))
    session.execute(
        "INSERT INTO ledger_balance (order_id, account_code, currency, debit_minor, credit_minor, balance_minor)"
        " SELECT order_id, account_code, currency, SUM(debit_minor), SUM(credit_minor),"
        " SUM(debit_minor) - SUM(credit_minor) FROM ledger_entries WHERE order_id = ?"
        " GROUP BY order_id, account_code, currency",
        (order_id,),
    )


def _milestone(time_field: str, detail: Callable[[Any], str | None]) -> Updater:
    def update(session: Session, fact: Fact) -> None:
        m = fact.payload
        add_to_timeline(session, fact, m.order_id, kind="ledger", detail=detail(m),
                        occurred_at=time_or(getattr(m, time_field), fact.occurred_at))
    return update


UPDATERS: dict[str, Updater] = {
    ledger.JournalEntryPosted.DESCRIPTOR.full_name: journal_entry_posted,
    ledger.PaymentReceived.DESCRIPTOR.full_name: _milestone("received_at", lambda m: money_text(m.amount)),
    ledger.PaymentMatched.DESCRIPTOR.full_name: _milestone(
        "matched_at", lambda m: f"{money_text(m.matched_amount)}, outstanding {money_text(m.outstanding_after)}"),
    ledger.RefundIssued.DESCRIPTOR.full_name: _milestone("issued_at", lambda m: money_text(m.amount)),
    ledger.InvoiceIssued.DESCRIPTOR.full_name: _milestone(
        "issued_at", lambda m: f"{m.invoice_number} {money_text(m.total_amount)}"),
    ledger.CodCollected.DESCRIPTOR.full_name: _milestone("collected_at", lambda m: money_text(m.amount)),
    ledger.ReceivableWrittenOff.DESCRIPTOR.full_name: _milestone(
        "written_off_at", lambda m: f"{money_text(m.amount)}: {m.reason}"),
}
