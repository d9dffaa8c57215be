"""The ledger's HTTP API: read-only views of the books (entries are posted from events only)."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Path, Query, Request

from oms_platform.http import NotFound, problem_responses
from oms_platform.service import service_application
from services.ledger.application.journal_view import RECENT_ENTRIES
from services.ledger.application.service import LedgerApplication
from services.ledger.domain.chart import CHART_OF_ACCOUNTS
from services.ledger.entrypoints.views import (
    AccountView,
    EntriesView,
    JournalEntryView,
    OrderLedgerView,
    TrialBalanceView,
)

router = APIRouter(prefix="/ledger", tags=["ledger"])


def _ledger(request: Request) -> LedgerApplication:
    return service_application(request, LedgerApplication)


@router.get("/accounts", response_model=list[AccountView], summary="The chart of accounts")
def chart_of_accounts() -> list[AccountView]:
    return [AccountView.of(account) for account in CHART_OF_ACCOUNTS.values()]


@router.get("/orders/{order_id}", response_model=OrderLedgerView, responses=problem_responses(404, 422),
            summary="An order's entries, balances, outstanding receivable and whether it is settled")
def order_ledger(request: Request, order_id: uuid.UUID = Path(description="The OMS order id")) -> OrderLedgerView:
    account = _ledger(request).find_order_account(str(order_id))
    if account is None:
        raise NotFound("order account", str(order_id), f"the ledger has booked nothing for order {order_id}")
    return OrderLedgerView.of(account)


@router.get("/trial-balance", response_model=TrialBalanceView,
            summary="Debits, credits and balance per account and currency; each currency sums to zero")
def trial_balance(request: Request) -> TrialBalanceView:
    return TrialBalanceView.of(_ledger(request).trial_balance())


@router.get("/entries", response_model=EntriesView, responses=problem_responses(422),
            summary="The newest journal entries, newest first")
def recent_entries(request: Request,
                   limit: int = Query(50, ge=1, le=RECENT_ENTRIES, description="How many entries")) -> EntriesView:
    return EntriesView(entries=[JournalEntryView.of(entry) for entry in _ledger(request).recent_entries(limit)])
