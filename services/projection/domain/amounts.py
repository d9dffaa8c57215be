"""An order's amounts as the views show them: what the channel reported, completed from the lines.

Channels often report no totals at all (the README's adapter example sends none). The order still
knows what it costs: its lines carry unit prices, quantities, line discounts and line taxes. Each
amount the channel left out is computed from the lines; the grand total, when missing, is
subtotal - discounts + shipping + tax, as `ReportedTotals` defines it. The shipping fee is known
only when reported: a missing one is shown as unknown and counts as nothing in the grand total,
as the order service counts it when it asks for payment.

Amounts are the kernel's Money; the views keep whole minor units beside the order's currency, so
OrderAmounts holds those. Amounts are only computed when the order has one currency.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from oms_kernel.money import Money


@dataclass(frozen=True)
class PricedLine:
    quantity: int
    unit_price: Money | None
    discount: Money | None  # all units, positive
    tax: Money | None  # all units


@dataclass(frozen=True)
class OrderAmounts:
    currency: str | None
    subtotal: int | None
    discount: int | None
    shipping_fee: int | None
    tax: int | None
    grand_total: int | None


@dataclass(frozen=True)
class ReportedAmounts:
    """The channel's totals; None for each one it did not report."""

    subtotal: Money | None = None
    discount: Money | None = None
    shipping_fee: Money | None = None
    tax: Money | None = None
    grand_total: Money | None = None


def order_amounts(reported: ReportedAmounts, lines: Iterable[PricedLine]) -> OrderAmounts:
    """The reported amounts, each missing one computed from the lines where they allow it."""
    lines = tuple(lines)
    currency = _currency(reported, lines)
    if currency is None:  # no amount anywhere, or lines in several currencies: nothing to compute
        return _as_reported(reported)
    subtotal = _minor(reported.subtotal) if reported.subtotal else _line_sum(lines, "subtotal", currency)
    discount = _minor(reported.discount) if reported.discount else _line_sum(lines, "discount", currency)
    tax = _minor(reported.tax) if reported.tax else _line_sum(lines, "tax", currency)
    shipping_fee = _minor(reported.shipping_fee)
    grand_total = _minor(reported.grand_total)
    if grand_total is None and subtotal is not None and discount is not None and tax is not None:
        grand_total = subtotal - discount + (shipping_fee or 0) + tax
    return OrderAmounts(currency, subtotal, discount, shipping_fee, tax, grand_total)


def _as_reported(reported: ReportedAmounts) -> OrderAmounts:
    return OrderAmounts(
        reported.grand_total.currency if reported.grand_total else None, _minor(reported.subtotal),
        _minor(reported.discount), _minor(reported.shipping_fee), _minor(reported.tax),
        _minor(reported.grand_total),
    )


def _currency(reported: ReportedAmounts, lines: tuple[PricedLine, ...]) -> str | None:
    """The one currency of the order, or None when there is none or more than one."""
    found = {amount.currency for amount in _amounts(reported, lines)}
    return found.pop() if len(found) == 1 else None


def _amounts(reported: ReportedAmounts, lines: tuple[PricedLine, ...]) -> Iterable[Money]:
    for amount in (reported.subtotal, reported.discount, reported.shipping_fee, reported.tax, reported.grand_total):
        if amount is not None:
            yield amount
    for line in lines:
        for amount in (line.unit_price, line.discount, line.tax):
            if amount is not None:
                yield amount


def _line_sum(lines: tuple[PricedLine, ...], part: str, currency: str) -> int | None:
    """Sum of one part over the lines, all in `currency`; None when a line has no unit price (its
    subtotal is unknown)."""
    if not lines or any(line.unit_price is None for line in lines):
        return None
    if part == "subtotal":
        # (every line has a unit price, checked above; the filter says so to the type checker)
        parts = [line.unit_price.times(line.quantity) for line in lines if line.unit_price is not None]
    else:
        parts = [amount for line in lines if (amount := getattr(line, part)) is not None]
    return Money.total(parts, currency).minor_units


def _minor(amount: Money | None) -> int | None:
    return amount.minor_units if amount is not None else None
