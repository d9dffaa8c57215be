"""Small builders for the ledger's domain tests: an order's terms, payments, upstream events."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from oms_kernel.money import Money
from services.ledger.domain.journal import SourceEvent
from services.ledger.domain.order_account import OrderAccount
from services.ledger.domain.order_terms import CASH_ON_DELIVERY, OrderTerms
from services.ledger.domain.payments import Payment

DELIVERED_AT = datetime(2024, 5, 31, 22, 0, tzinfo=UTC)


def cny(minor_units: int) -> Money:
    return Money("CNY", minor_units)


def terms(*, goods: int = 10_000, shipping: int = 1_000, tax: int = 1_300, method: str = "online") -> OrderTerms:
    return OrderTerms(goods_net=cny(goods), shipping_fee=cny(shipping), tax=cny(tax),
                      grand_total=cny(goods + shipping + tax), payment_method=method)


def open_account(*, cod: bool = False, **amounts: int) -> OrderAccount:
    method = CASH_ON_DELIVERY if cod else "online"
    return OrderAccount(order_id=str(uuid.uuid4()), order_number="SO-1001", terms=terms(method=method, **amounts))


def upstream(event_type: str = "oms.order.v1.OrderDelivered", at: datetime = DELIVERED_AT) -> SourceEvent:
    return SourceEvent(event_type=event_type, event_id=str(uuid.uuid4()), occurred_at=at)


def payment(minor_units: int, reference: str = "") -> Payment:
    reference = reference or f"PAY-{uuid.uuid4().hex[:8]}"
    return Payment(payment_id=f"payment-{reference}", amount=cny(minor_units), method="online",
                   reference=reference, received_at=datetime(2024, 5, 20, tzinfo=UTC))


def pay(account: OrderAccount, minor_units: int, reference: str = "") -> None:
    account.receive_payment(payment(minor_units, reference), upstream("oms.order.v1.PaymentConfirmed"))


def lines_of(account: OrderAccount, rule: str) -> list[tuple[str, str, int]]:
    """(account code, side, minor units) of the one entry the rule posted."""
    entries = [entry for entry in account.entries.values() if entry.rule == rule]
    assert len(entries) == 1, f"expected one {rule} entry, got {len(entries)}"
    return [(line.account_code, line.side.value, line.amount.minor_units) for line in entries[0].lines]


def event_names(account: OrderAccount) -> list[str]:
    return [type(event).__name__ for event in account.collect_events()]
