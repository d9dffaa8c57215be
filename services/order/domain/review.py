"""Automatic review (O3, basic): the rules as data, their thresholds from the service's settings.

Every rule is evaluated and reported; the first failing rule decides why the order is held and in
which review queue it waits. An order that passes every rule is approved without a person.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from oms_kernel.money import CurrencyMismatch, Money
from services.order.domain.reasons import HoldReason
from services.order.domain.values import OrderLine


@dataclass(frozen=True)
class ReviewPolicy:
    rules_version: str
    max_line_quantity: int
    cash_on_delivery_limit: Money


@dataclass(frozen=True)
class ReviewSubject:
    """What the rules look at."""

    lines: tuple[OrderLine, ...]
    order_total: Money
    paid_amount: Money | None
    cash_on_delivery: bool
    deferred_payment: bool


@dataclass(frozen=True)
class ReviewCheck:
    rule_id: str
    kind: str
    passed: bool
    detail: str


@dataclass(frozen=True)
class ReviewRule:
    rule_id: str
    kind: str  # oms.order.v1.ReviewRuleKind without its prefix
    hold_reason: HoldReason
    review_queue: str
    # The reason the subject fails the rule, or None when it passes.
    failure: Callable[[ReviewSubject, ReviewPolicy], str | None]


@dataclass(frozen=True)
class ReviewDecision:
    checks: tuple[ReviewCheck, ...]
    held_by: ReviewRule | None

    @property
    def approved(self) -> bool:
        return self.held_by is None

    @property
    def detail(self) -> str:
        return "; ".join(check.detail for check in self.checks if not check.passed)


def _paid_amount_matches(subject: ReviewSubject, policy: ReviewPolicy) -> str | None:
    if subject.deferred_payment:
        return None
    paid, due = subject.paid_amount, subject.order_total
    if paid is None:
        return f"no paid amount reported, due {due}"
    if paid != due:
        return f"paid {paid}, due {due}"
    return None


def _line_quantities_usual(subject: ReviewSubject, policy: ReviewPolicy) -> str | None:
    unusual = [line for line in subject.lines if line.quantity > policy.max_line_quantity]
    if not unusual:
        return None
    listed = ", ".join(f"{line.sku} x {line.quantity}" for line in unusual)
    return f"{listed} above {policy.max_line_quantity} per line"


def _cash_on_delivery_within_limit(subject: ReviewSubject, policy: ReviewPolicy) -> str | None:
    if not subject.cash_on_delivery:
        return None
    limit = policy.cash_on_delivery_limit
    try:
        above = subject.order_total > limit
    except CurrencyMismatch:
        return f"COD {subject.order_total} cannot be checked against limit {limit}"
    return f"COD {subject.order_total} > limit {limit}" if above else None


RULES: tuple[ReviewRule, ...] = (
    ReviewRule("paid-amount-matches", "AMOUNT_MATCHES", HoldReason.PAYMENT_AMOUNT_MISMATCH, "finance",
               _paid_amount_matches),
    ReviewRule("line-quantity-limit", "UNUSUAL_QUANTITY", HoldReason.UNUSUAL_QUANTITY, "risk",
               _line_quantities_usual),
    ReviewRule("cash-on-delivery-limit", "COD_LIMIT", HoldReason.COD_LIMIT_EXCEEDED, "risk",
               _cash_on_delivery_within_limit),
)


def evaluate(subject: ReviewSubject, policy: ReviewPolicy) -> ReviewDecision:
    checks, held_by = [], None
    for rule in RULES:
        failure = rule.failure(subject, policy)
        checks.append(ReviewCheck(rule.rule_id, rule.kind, failure is None, failure or "passed"))
        if failure is not None and held_by is None:
            held_by = rule
    return ReviewDecision(tuple(checks), held_by)
