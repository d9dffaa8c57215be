"""Conversions between the contracts' shared shapes and domain values, written once.

Every service's Kafka and HTTP edges turn protobuf messages into domain values with these (and
back when they publish), so a rule such as "an unset Timestamp is no time" or "CNY 12.34 is 1234
minor units" means the same everywhere.

- Money: `oms.common.v1.Money` <-> `oms_kernel.money.Money`.
- Instants: `google.protobuf.Timestamp` <-> timezone-aware `datetime` in UTC (naive means UTC).
- Enums: a protobuf enum value <-> a domain `Enum` member of the same name, without the protobuf
  prefix (`SERVICE_LEVEL_EXPRESS` <-> `ServiceLevel.EXPRESS`); the `_UNSPECIFIED` zero is None.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from enum import Enum
from typing import Any, TypeVar

from google.protobuf.timestamp_pb2 import Timestamp

from oms.common.v1.money_pb2 import Money as MoneyMessage
from oms_kernel.money import InvalidAmount, Money

E = TypeVar("E", bound=Enum)

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


# -- money -----------------------------------------------------------------------------------------

def money_from_contract(message: MoneyMessage, *, default_currency: str | None = None) -> Money | None:
    """The amount a message carries; None when it carries none (no currency and no units). A
    message without a currency takes `default_currency` (an order's currency, say) if given."""
    currency = message.currency_code or default_currency
    if not currency:
        if message.minor_units:
            raise InvalidAmount(f"an amount of {message.minor_units} minor units has no currency")
        return None
    return Money(currency, message.minor_units)


def money_to_contract(money: Money | None) -> MoneyMessage | None:
    if money is None:
        return None
    return MoneyMessage(currency_code=money.currency, minor_units=money.minor_units)


# -- instants --------------------------------------------------------------------------------------

def datetime_from_contract(timestamp: Timestamp, *, default: datetime | None = None) -> datetime | None:
    """An aware UTC datetime; an unset Timestamp (the epoch itself) is `default`."""
    if not timestamp.seconds and not timestamp.nanos:
        return default
    return _EPOCH + timedelta(seconds=timestamp.seconds, microseconds=timestamp.nanos // 1000)


def timestamp_to_contract(moment: datetime | None) -> Timestamp | None:
    if moment is None:
        return None
    seconds, nanos = timestamp_parts(moment)
    return Timestamp(seconds=seconds, nanos=nanos)


def timestamp_parts(moment: datetime) -> tuple[int, int]:
    """What `Timestamp.FromDatetime` sets (naive means UTC), at a fifth of its cost: every
    published message is stamped with one."""
    since = (moment if moment.tzinfo else moment.replace(tzinfo=UTC)) - _EPOCH
    return since.days * 86400 + since.seconds, since.microseconds * 1000


# -- enums -----------------------------------------------------------------------------------------

def enum_from_contract(domain: type[E], contract: Any, value: int) -> E | None:
    """The member of `domain` named like the protobuf enum value `value` of `contract` (a generated
    enum wrapper) without the enum's prefix; None for the zero `_UNSPECIFIED`. A value the domain
    has no member for raises ValueError naming both."""
    if value == 0:
        return None
    try:
        name = contract.Name(value)
    except ValueError:
        raise ValueError(f"{value} is not a value of {_enum_name(contract)}") from None
    try:
        return domain[name.removeprefix(_prefix(contract))]
    except KeyError:
        raise ValueError(f"{name} of {_enum_name(contract)} has no {domain.__name__} member") from None


def enum_to_contract(contract: Any, member: Enum | None) -> int:
    """The protobuf enum value named like `member` (0, `_UNSPECIFIED`, for None)."""
    if member is None:
        return 0
    try:
        return int(contract.Value(_prefix(contract) + member.name))
    except ValueError:
        raise ValueError(f"{_enum_name(contract)} has no value for {member!r}") from None


def _prefix(contract: Any) -> str:
    """`SERVICE_LEVEL_` for an enum whose zero is `SERVICE_LEVEL_UNSPECIFIED` (the contracts' rule)."""
    return str(contract.Name(0)).removesuffix("UNSPECIFIED")


def _enum_name(contract: Any) -> str:
    return str(contract.DESCRIPTOR.full_name)
