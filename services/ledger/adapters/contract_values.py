"""Contract values (oms.common.v1) the ledger reads with rules of its own.

Amounts, instants and their conversions are the shared ones (oms_platform.contract_values); what
is here differs from them on purpose:

- an order's amounts are read in the order's currency, an unset amount being zero in it (the
  shared reading gives None for an unset amount);
- payment methods are kept as lower-case names ("cash_on_delivery") in the ledger's stored events
  rather than as a domain enum, and a method this build does not know reads as "unspecified"
  (the shared enum conversion refuses it): a new payment method upstream must not stop the books.
"""

from __future__ import annotations

from oms.common.v1.money_pb2 import Money as MoneyMessage
from oms.common.v1.payment_pb2 import PaymentMethod
from oms_kernel.money import Money
from oms_platform.contract_values import money_from_contract

_METHOD_PREFIX = "PAYMENT_METHOD_"


def money_in(message: MoneyMessage, currency: str) -> Money:
    """A contract amount; an unset amount (no currency, no units) is zero in `currency`. Units
    without a currency are refused (InvalidAmount), as is a `currency` that is not a code."""
    amount = money_from_contract(message)
    return Money.zero(currency) if amount is None else amount


def method_name(method: int) -> str:
    """PAYMENT_METHOD_CASH_ON_DELIVERY -> "cash_on_delivery"; a value this build does not know ->
    "unspecified"."""
    try:
        return PaymentMethod.Name(method).removeprefix(_METHOD_PREFIX).lower()
    except ValueError:
        return "unspecified"


def method_value(name: str) -> PaymentMethod:
    try:
        return PaymentMethod.Value(_METHOD_PREFIX + name.upper())
    except ValueError:
        return PaymentMethod.PAYMENT_METHOD_UNSPECIFIED
