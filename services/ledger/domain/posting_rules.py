"""The posting rules: which balanced entry each business fact becomes.

Revenue recognition: revenue is recognised per order when the goods are delivered, because control
of the goods passes to the customer at delivery (IFRS 15 / CAS 14, a performance obligation
satisfied at a point in time). Until then money received is a contract liability (customer
advances), never revenue. At delivery the whole order is recognised at once: the receivable for
the grand total against sales revenue (goods net of discount), shipping income and output VAT;
advances are then matched against the receivable, and for cash on delivery the carrier's
collection moves what is left into COD clearing until the carrier remits it.

Every rule has a stable id, published with its entries (`JournalEntryPosted.recognition_rule_id`).
"""

from __future__ import annotations

from oms_kernel.money import Money
from services.ledger.domain.chart import (
    CASH,
    COD_CLEARING,
    CUSTOMER_ADVANCES,
    RECEIVABLES,
    SALES_REVENUE,
    SHIPPING_INCOME,
    VAT_OUTPUT,
)
from services.ledger.domain.identities import entry_id_for
from services.ledger.domain.journal import JournalEntry, JournalLine, SourceEvent
from services.ledger.domain.order_terms import OrderTerms
from services.ledger.domain.payments import Payment

RECEIVE_PAYMENT = "receive-payment"
RECOGNISE_ON_DELIVERY = "recognise-on-delivery"
MATCH_ADVANCE = "match-advance-to-receivable"
COLLECT_CASH_ON_DELIVERY = "collect-cash-on-delivery"
REFUND_ON_CANCELLATION = "refund-on-cancellation"


def payment_received(order_id: str, payment: Payment, source: SourceEvent) -> JournalEntry:
    """Dr cash / Cr customer advances: paid before delivery, so owed back until delivered."""
    return _entry(order_id, RECEIVE_PAYMENT, source, [
        JournalLine.debit(CASH.code, payment.amount, f"payment {payment.reference or payment.payment_id}"),
        JournalLine.credit(CUSTOMER_ADVANCES.code, payment.amount, "advance from customer"),
    ], memo="payment received")


def revenue_on_delivery(order_id: str, terms: OrderTerms, source: SourceEvent) -> JournalEntry | None:
    """Dr receivable (grand total) / Cr revenue, shipping income, output VAT; None for a free order."""
    if terms.grand_total.is_zero:
        return None
    credits = [
        (SALES_REVENUE.code, terms.goods_net, "goods, net of discount"),
        (SHIPPING_INCOME.code, terms.shipping_fee, "shipping fee"),
        (VAT_OUTPUT.code, terms.tax, "output VAT"),
    ]
    return _entry(order_id, RECOGNISE_ON_DELIVERY, source, [
        JournalLine.debit(RECEIVABLES.code, terms.grand_total, "receivable at delivery"),
        *(JournalLine.credit(code, amount, memo) for code, amount, memo in credits if amount.is_positive),
    ], memo="revenue recognised: goods delivered")


def advance_matched(order_id: str, payment_id: str, amount: Money, source: SourceEvent) -> JournalEntry:
    """Dr customer advances / Cr receivable: a payment settles (part of) what is due."""
    return _entry(order_id, MATCH_ADVANCE, source, [
        JournalLine.debit(CUSTOMER_ADVANCES.code, amount, f"payment {payment_id} applied"),
        JournalLine.credit(RECEIVABLES.code, amount, "receivable settled"),
    ], memo="advance matched to receivable", part=payment_id)


def cash_on_delivery_collected(order_id: str, amount: Money, source: SourceEvent) -> JournalEntry:
    """Dr COD clearing / Cr receivable: the carrier holds the customer's cash until it remits."""
    return _entry(order_id, COLLECT_CASH_ON_DELIVERY, source, [
        JournalLine.debit(COD_CLEARING.code, amount, "collected by the carrier"),
        JournalLine.credit(RECEIVABLES.code, amount, "receivable settled by cash on delivery"),
    ], memo="cash collected on delivery")


def cancellation_refund(order_id: str, amount: Money, source: SourceEvent) -> JournalEntry:
    """Dr customer advances / Cr cash: nothing was delivered, so every advance goes back."""
    return _entry(order_id, REFUND_ON_CANCELLATION, source, [
        JournalLine.debit(CUSTOMER_ADVANCES.code, amount, "advance returned"),
        JournalLine.credit(CASH.code, amount, "refund paid out"),
    ], memo="refund on cancellation")


def _entry(order_id: str, rule: str, source: SourceEvent, lines: list[JournalLine], *,
           memo: str, part: str = "") -> JournalEntry:
    return JournalEntry(
        entry_id=entry_id_for(order_id, rule, source.event_id, part),
        order_id=order_id,
        rule=rule,
        lines=tuple(lines),
        source=source,
        memo=memo,
    )
