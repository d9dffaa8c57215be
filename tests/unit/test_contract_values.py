"""Conversions between the contracts' shared shapes and domain values, the same in every service."""

from datetime import UTC, datetime, timedelta, timezone
from enum import Enum

import pytest
from google.protobuf.timestamp_pb2 import Timestamp

from oms.common.v1.money_pb2 import Money as MoneyMessage
from oms.fulfillment.v1.fulfillment_pb2 import ServiceLevel as ServiceLevelMessage
from oms_kernel.money import InvalidAmount, Money
from oms_platform.contract_values import (
    datetime_from_contract,
    enum_from_contract,
    enum_to_contract,
    money_from_contract,
    money_to_contract,
    timestamp_parts,
    timestamp_to_contract,
)


def test_money_both_ways() -> None:
    message = money_to_contract(Money("CNY", 1234))
    assert (message.currency_code, message.minor_units) == ("CNY", 1234)
    assert money_from_contract(message) == Money("CNY", 1234)
    assert money_to_contract(None) is None


def test_an_unset_amount_is_none_and_a_currencyless_one_takes_the_default() -> None:
    assert money_from_contract(MoneyMessage()) is None
    assert money_from_contract(MoneyMessage(minor_units=5), default_currency="CNY") == Money("CNY", 5)
    with pytest.raises(InvalidAmount, match="no currency"):
        money_from_contract(MoneyMessage(minor_units=5))
    with pytest.raises(InvalidAmount):
        money_from_contract(MoneyMessage(currency_code="yuan", minor_units=5))


def test_instants_both_ways_in_utc() -> None:
    moment = datetime(2026, 12, 2, 8, 30, 15, 123456, tzinfo=UTC)
    timestamp = timestamp_to_contract(moment)
    reference = Timestamp()
    reference.FromDatetime(moment)
    assert timestamp == reference
    assert datetime_from_contract(timestamp) == moment
    shanghai = moment.astimezone(timezone(timedelta(hours=8)))
    assert timestamp_parts(shanghai) == timestamp_parts(moment)
    assert timestamp_parts(moment.replace(tzinfo=None)) == timestamp_parts(moment)  # naive is UTC


def test_an_unset_timestamp_is_the_default() -> None:
    fallback = datetime(2026, 1, 1, tzinfo=UTC)
    assert datetime_from_contract(Timestamp()) is None
    assert datetime_from_contract(Timestamp(), default=fallback) == fallback
    assert timestamp_to_contract(None) is None


class Level(Enum):
    STANDARD = "standard"
    EXPRESS = "express"


class Partial(Enum):
    STANDARD = "standard"


def test_enums_by_name_without_the_prefix() -> None:
    express = ServiceLevelMessage.Value("SERVICE_LEVEL_EXPRESS")
    assert enum_from_contract(Level, ServiceLevelMessage, express) is Level.EXPRESS
    assert enum_to_contract(ServiceLevelMessage, Level.EXPRESS) == express
    assert enum_from_contract(Level, ServiceLevelMessage, 0) is None
    assert enum_to_contract(ServiceLevelMessage, None) == 0


def test_an_enum_value_either_side_lacks_is_refused_by_name() -> None:
    with pytest.raises(ValueError, match=r"999 is not a value of oms\.fulfillment\.v1\.ServiceLevel"):
        enum_from_contract(Level, ServiceLevelMessage, 999)
    express = ServiceLevelMessage.Value("SERVICE_LEVEL_EXPRESS")
    with pytest.raises(ValueError, match=r"SERVICE_LEVEL_EXPRESS .* has no Partial member"):
        enum_from_contract(Partial, ServiceLevelMessage, express)

    class Other(Enum):
        TELEPORT = 1

    with pytest.raises(ValueError, match="has no value for"):
        enum_to_contract(ServiceLevelMessage, Other.TELEPORT)
