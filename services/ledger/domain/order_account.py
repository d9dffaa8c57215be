"""One order's books: its terms, the payments received, every entry posted, and the balances.

The account is the consistency boundary of an order's bookkeeping. Every command first decides
from the current state whether the fact is new (the same payment, delivery or cancellation seen
again changes nothing), then builds its entries (which refuse to be unbalanced) and only then
records the facts, so a refused command leaves no half-booked state behind.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import TYPE_CHECKING

from eventsourcing.domain import Aggregate, event

from oms_kernel.money import Money
from services.ledger.domain import posting_rules
from services.ledger.domain.chart import CUSTOMER_ADVANCES, RECEIVABLES
from services.ledger.domain.errors import CurrencyMismatch, OrderAlreadyCancelled, OrderAlreadyDelivered
from services.ledger.domain.identities import order_account_id, refund_id_for
from services.ledger.domain.journal import JournalEntry, SourceEvent
from services.ledger.domain.order_terms import OrderTerms
from services.ledger.domain.payments import MatchKind, Payment


class OrderAccount(Aggregate):
    if TYPE_CHECKING:
        # Made at run time by the `@event` decorators below, with the decorated method's
        # parameters as fields; declared for the type checker (tests/services/
        # test_declared_events.py keeps the declarations in step with them).
        class PaymentReceived(Aggregate.Event):
            order_id: str
            payment: Payment

        class PaymentMatched(Aggregate.Event):
            order_id: str
            payment_id: str
            matched: Money
            outstanding_after: Money
            kind: MatchKind
            entry_id: str
            matched_at: datetime

        class CashOnDeliveryCollected(Aggregate.Event):
            order_id: str
            amount: Money
            shipment_id: str
            entry_id: str
            collected_at: datetime

        class RefundIssued(Aggregate.Event):
            order_id: str
            refund_id: str
            amount: Money
            method: str
            entry_id: str
            issued_at: datetime

        class JournalEntryPosted(Aggregate.Event):
            entry: JournalEntry

    @staticmethod
    def create_id(order_id: str) -> uuid.UUID:
        return order_account_id(order_id)

    @event("Opened")
    def __init__(self, order_id: str, order_number: str, terms: OrderTerms) -> None:
        self.order_id = order_id
        self.order_number = order_number
        self.terms = terms
        self.entries: dict[str, JournalEntry] = {}
        self.payments: dict[str, Payment] = {}
        self.applied: dict[str, int] = {}  # payment id -> minor units matched to the receivable
        self.balances: dict[str, int] = {}  # account code -> debits minus credits
        self.delivered = False
        self.cancelled = False
        self.collected_on_delivery: Money | None = None
        self.refunded: Money | None = None

    # --- what the books say -------------------------------------------------------------------

    @property
    def currency(self) -> str:
        return self.terms.currency

    def balance(self, account_code: str) -> Money:
        """Debits minus credits on the account for this order (negative: a credit balance)."""
        return Money(self.currency, self.balances.get(account_code, 0))

    @property
    def receivable_outstanding(self) -> Money:
        return self.balance(RECEIVABLES.code)

    @property
    def customer_advance(self) -> Money:
        """Money held for the customer: before delivery a prepayment, after it a refund due."""
        return Money(self.currency, -self.balances.get(CUSTOMER_ADVANCES.code, 0))

    @property
    def settled(self) -> bool:
        """Delivered or cancelled, nothing left to collect and nothing left to give back."""
        return (self.delivered or self.cancelled) and self.receivable_outstanding.is_zero \
            and self.customer_advance.is_zero

    # --- commands -----------------------------------------------------------------------------

    def receive_payment(self, payment: Payment, source: SourceEvent) -> None:
        if payment.payment_id in self.payments:
            return
        self._check_currency(payment.amount)
        entry = posting_rules.payment_received(self.order_id, payment, source)
        self._payment_received(self.order_id, payment)
        self._post(entry)
        if self.delivered:
            self._match_advances(source)  # a late payment settles the open receivable at once

    def recognise_delivery(self, shipment_ids: list[str], source: SourceEvent) -> None:
        if self.delivered:
            return
        if self.cancelled:
            raise OrderAlreadyCancelled(f"order {self.order_id} was cancelled; its delivery cannot be booked")
        entry = posting_rules.revenue_on_delivery(self.order_id, self.terms, source)
        self._revenue_recognised(list(shipment_ids), source.occurred_at)
        if entry is not None:
            self._post(entry)
        self._match_advances(source)
        if self.terms.cash_on_delivery:
            self._collect_cash_on_delivery(list(shipment_ids), source)

    def cancel(self, source: SourceEvent) -> None:
        if self.cancelled:
            return
        if self.delivered:
            raise OrderAlreadyDelivered(f"order {self.order_id} was delivered; it cannot be cancelled")
        refund = self.customer_advance
        self._cancellation_recorded(source.occurred_at)
        if refund.is_positive:
            entry = posting_rules.cancellation_refund(self.order_id, refund, source)
            self._refund_issued(self.order_id, refund_id_for(self.order_id, "cancellation"), refund,
                                self.terms.payment_method, entry.entry_id, source.occurred_at)
            self._post(entry)

    # --- rules applied inside the commands -----------------------------------------------------

    def _match_advances(self, source: SourceEvent) -> None:
        """Apply unapplied payments, oldest first, to the open receivable (L2, automatic)."""
        for payment in list(self.payments.values()):
            due = self.receivable_outstanding
            if not due.is_positive:
                return
            available = payment.amount - Money(self.currency, self.applied.get(payment.payment_id, 0))
            if not available.is_positive:
                continue
            matched = min(available, due)
            entry = posting_rules.advance_matched(self.order_id, payment.payment_id, matched, source)
            kind = MatchKind.of(available, due)
            self._payment_matched(self.order_id, payment.payment_id, matched, due - matched, kind,
                                  entry.entry_id, source.occurred_at)
            self._post(entry)

    def _collect_cash_on_delivery(self, shipment_ids: list[str], source: SourceEvent) -> None:
        due = self.receivable_outstanding
        if not due.is_positive:
            return
        entry = posting_rules.cash_on_delivery_collected(self.order_id, due, source)
        # One carrier collection per order: with several shipments the split per carrier is not
        # known here, so the shipment is named only when there is exactly one.
        shipment_id = shipment_ids[0] if len(shipment_ids) == 1 else ""
        self._cash_on_delivery_collected(self.order_id, due, shipment_id, entry.entry_id, source.occurred_at)
        self._post(entry)

    def _check_currency(self, amount: Money) -> None:
        if amount.currency != self.currency:
            raise CurrencyMismatch(
                f"order {self.order_id} is booked in {self.currency}, not {amount.currency}"
            )

    # --- recorded facts -----------------------------------------------------------------------
    # The facts published downstream carry the order id: it is the key of the ledger topic.

    @event("PaymentReceived")
    def _payment_received(self, order_id: str, payment: Payment) -> None:
        self.payments[payment.payment_id] = payment

    @event("RevenueRecognised")
    def _revenue_recognised(self, shipment_ids: list[str], delivered_at: datetime) -> None:
        self.delivered = True

    @event("PaymentMatched")
    def _payment_matched(self, order_id: str, payment_id: str, matched: Money, outstanding_after: Money,
                         kind: MatchKind, entry_id: str, matched_at: datetime) -> None:
        self.applied[payment_id] = self.applied.get(payment_id, 0) + matched.minor_units

    @event("CashOnDeliveryCollected")
    def _cash_on_delivery_collected(self, order_id: str, amount: Money, shipment_id: str, entry_id: str,
                                    collected_at: datetime) -> None:
        self.collected_on_delivery = amount

    @event("CancellationRecorded")
    def _cancellation_recorded(self, cancelled_at: datetime) -> None:
        self.cancelled = True

    @event("RefundIssued")
    def _refund_issued(self, order_id: str, refund_id: str, amount: Money, method: str, entry_id: str,
                       issued_at: datetime) -> None:
        self.refunded = amount

    @event("JournalEntryPosted")
    def _post(self, entry: JournalEntry) -> None:
        self.entries[entry.entry_id] = entry
        for line in entry.lines:
            self.balances[line.account_code] = self.balances.get(line.account_code, 0) + line.signed_minor_units
