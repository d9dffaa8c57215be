"""Order events (oms.order.v1) as ledger values: what the customer was charged for an order.

Raises ValueError (the kernel's InvalidAmount or CurrencyMismatch among them) for content the
ledger cannot read; at the Kafka edge that makes the message a dead letter.
"""

from __future__ import annotations

from typing import NamedTuple

from oms.common.v1.money_pb2 import Money as MoneyMessage
from oms.order.v1.lifecycle_events_pb2 import OrderPlaced
from oms.order.v1.order_pb2 import PriceBreakdown
from oms_kernel.money import Money
from services.ledger.adapters.contract_values import money_in


class ChargedTotals(NamedTuple):
    """Goods net of discount, shipping fee, tax and the grand total, as reported (not yet checked
    to add up: the ledger's OrderTerms does that)."""

    goods_net: Money
    shipping_fee: Money
    tax: Money
    grand_total: Money


def charged_totals(message: OrderPlaced) -> ChargedTotals:
    """The totals the customer was charged, as the channel reported them with the order.

    Channels report some totals and not others (most give only the grand total). What is missing
    comes from the lines; what is still unexplained between goods, tax and the grand total is the
    shipping fee when positive, an order-level discount when negative, so the entry always
    balances against what the customer actually pays.
    """
    reported, lines = message.reported_totals, _totals_from_lines(message)
    currency = reported.grand_total.currency_code or lines.grand_total.currency_code

    def part(name: str) -> Money:
        field = getattr(reported, name)
        return money_in(field if field.currency_code else getattr(lines, name), currency)

    subtotal, discount, tax, grand = (part(name) for name in ("subtotal", "discount_total", "tax_total", "grand_total"))
    if reported.shipping_fee.currency_code:
        shipping = money_in(reported.shipping_fee, currency)
    else:
        residual = grand - (subtotal - discount + tax)
        shipping = residual if residual.minor_units >= 0 else Money.zero(currency)
        if residual.minor_units < 0:
            discount = discount - residual  # an order-level discount the lines do not show
    return ChargedTotals(goods_net=subtotal - discount, shipping_fee=shipping, tax=tax, grand_total=grand)


def _totals_from_lines(message: OrderPlaced) -> PriceBreakdown:
    """The totals the lines add up to, with no shipping fee."""
    if not message.lines and not message.reported_totals.grand_total.currency_code:
        raise ValueError("the order has neither reported totals nor lines")
    currency = message.lines[0].unit_price.currency_code if message.lines else ""
    subtotal = sum(line.unit_price.minor_units * line.quantity for line in message.lines)
    discount = sum(line.discount.minor_units for line in message.lines)
    tax = sum(line.tax.minor_units for line in message.lines)
    return PriceBreakdown(
        subtotal=MoneyMessage(currency_code=currency, minor_units=subtotal),
        discount_total=MoneyMessage(currency_code=currency, minor_units=discount),
        tax_total=MoneyMessage(currency_code=currency, minor_units=tax),
        grand_total=MoneyMessage(currency_code=currency, minor_units=subtotal - discount + tax),
    )
