"""What the customer owes for an order, as fixed when it was placed."""

from __future__ import annotations

from dataclasses import dataclass

from oms_kernel.money import Money
from services.ledger.domain.errors import CurrencyMismatch, InconsistentOrderTotals, InvalidAmount

CASH_ON_DELIVERY = "cash_on_delivery"


@dataclass(frozen=True)
class OrderTerms:
    """Goods net of discount, shipping fee and tax add up to the grand total; one currency."""

    goods_net: Money
    shipping_fee: Money
    tax: Money
    grand_total: Money
    payment_method: str

    def __post_init__(self) -> None:
        amounts = {"goods_net": self.goods_net, "shipping_fee": self.shipping_fee,
                   "tax": self.tax, "grand_total": self.grand_total}
        currencies = {money.currency for money in amounts.values()}
        if len(currencies) > 1:
            raise CurrencyMismatch(f"order totals mix currencies: {sorted(currencies)}")
        negative = [name for name, money in amounts.items() if money.minor_units < 0]
        if negative:
            raise InvalidAmount(f"order totals may not be negative: {', '.join(negative)}")
        if self.goods_net + self.shipping_fee + self.tax != self.grand_total:
            raise InconsistentOrderTotals(
                f"goods {self.goods_net.minor_units} + shipping {self.shipping_fee.minor_units} + tax "
                f"{self.tax.minor_units} != grand total {self.grand_total.minor_units} {self.currency}"
            )

    @property
    def currency(self) -> str:
        return self.grand_total.currency

    @property
    def cash_on_delivery(self) -> bool:
        return self.payment_method == CASH_ON_DELIVERY
