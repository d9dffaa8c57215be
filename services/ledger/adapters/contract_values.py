"""Contract value types (oms.common.v1) and their ledger counterparts, both ways."""

from __future__ import annotations

from datetime import UTC, datetime

from google.protobuf.timestamp_pb2 import Timestamp

from oms.common.v1.money_pb2 import Money as MoneyMessage
from oms.common.v1.payment_pb2 import PaymentMethod
from services.ledger.domain.money import Money

_METHOD_PREFIX = "PAYMENT_METHOD_"


def money_from(message: MoneyMessage, currency: str) -> Money:
    """A contract amount in `currency`; an unset amount is zero in it."""
    if not message.currency_code and not message.minor_units:
        return Money.zero(currency)
    return Money(message.minor_units, message.currency_code)


def money_message(money: Money) -> MoneyMessage:
    return MoneyMessage(currency_code=money.currency, minor_units=money.minor_units)


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


def timestamp_message(moment: datetime) -> Timestamp:
    timestamp = Timestamp()
    timestamp.FromDatetime(moment if moment.tzinfo else moment.replace(tzinfo=UTC))
    return timestamp
