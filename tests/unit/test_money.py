"""The one Money type: exact whole minor units, one currency at a time, stored in one shape."""

import pytest
from eventsourcing.persistence import JSONTranscoder

from oms_kernel.money import CurrencyMismatch, InvalidAmount, Money
from oms_platform.store.values import LegacyMoney, MoneyAsDict

CNY = Money("CNY", 1234)


def test_arithmetic_stays_in_whole_minor_units() -> None:
    assert CNY + Money("CNY", 66) == Money("CNY", 1300)
    assert CNY - Money("CNY", 2000) == Money("CNY", -766)
    assert Money("CNY", -1234) == -CNY
    assert CNY.times(3) == Money("CNY", 3702)
    assert Money.total([CNY, CNY], "CNY") == Money("CNY", 2468)
    assert Money.total([], "USD") == Money.zero("USD")
    assert Money.zero("CNY").is_zero and CNY.is_positive and (-CNY).is_negative


def test_comparisons_within_one_currency() -> None:
    assert Money("CNY", 1) < CNY <= CNY < Money("CNY", 1235)
    assert Money("CNY", 1235) > CNY >= CNY


@pytest.mark.parametrize("combine", [
    lambda a, b: a + b, lambda a, b: a - b, lambda a, b: a < b, lambda a, b: a >= b,
    lambda a, b: Money.total([a, b], "CNY"),
])
def test_two_currencies_are_never_combined(combine) -> None:
    with pytest.raises(CurrencyMismatch, match="CNY and USD"):
        combine(CNY, Money("USD", 1))


@pytest.mark.parametrize(("currency", "units"), [
    ("CNY", 12.34), ("CNY", "1234"), ("CNY", True), ("cny", 1), ("YUAN", 1), ("", 1), (None, 1),
])
def test_what_is_not_an_amount_is_refused(currency, units) -> None:
    with pytest.raises(InvalidAmount):
        Money(currency, units)


def test_money_is_multiplied_by_whole_numbers_only() -> None:
    with pytest.raises(InvalidAmount):
        CNY.times(1.5)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        CNY + 5  # type: ignore[operator]


@pytest.mark.parametrize(("money", "text"), [
    (Money("CNY", 1234), "CNY 12.34"), (Money("CNY", -5), "CNY -0.05"), (Money("JPY", 500), "JPY 500"),
    (Money("KWD", 1005), "KWD 1.005"),
])
def test_shown_in_the_currency_s_own_minor_unit(money, text) -> None:
    assert str(money) == text


def test_stored_as_oms_money_and_old_shapes_still_read() -> None:
    transcoder = JSONTranscoder()
    transcoder.register(LegacyMoney("ledger.money"))
    transcoder.register(MoneyAsDict())
    stored = transcoder.encode({"amount": CNY})
    assert b'"oms.money"' in stored
    assert transcoder.decode(stored) == {"amount": CNY}
    old = b'{"amount":{"_type_":"ledger.money","_data_":{"currency":"CNY","minor_units":1234}}}'
    assert transcoder.decode(old) == {"amount": CNY}


def test_old_shapes_kept_currencies_as_given_and_they_read_back_as_iso_codes() -> None:
    transcoder = JSONTranscoder()
    transcoder.register(LegacyMoney("order.Money"))
    old = b'{"a":{"_type_":"order.Money","_data_":{"currency":" cny","minor_units":5}}}'
    assert transcoder.decode(old) == {"a": Money("CNY", 5)}
    never_an_amount = b'{"a":{"_type_":"order.Money","_data_":{"currency":"","minor_units":0}}}'
    with pytest.raises(InvalidAmount, match="''"):
        transcoder.decode(never_an_amount)
