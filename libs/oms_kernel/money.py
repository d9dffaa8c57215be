"""Money: the one amount type every service's domain uses (a shared kernel, not a contract).

Whole minor units of an ISO 4217 currency (fen for CNY, yen for JPY), never a float, so sums are
exact. Amounts of different currencies are never combined or compared: that raises
CurrencyMismatch instead of giving a wrong total. Conversions to and from the contracts'
`oms.common.v1.Money` are in `oms_platform.contract_values`; how it is stored in event stores is in
`oms_platform.store.values`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

_CURRENCY = re.compile(r"[A-Z]{3}")
# ISO 4217 currencies whose minor unit is not a hundredth (only for display; amounts are exact).
_EXPONENTS = {"JPY": 0, "KRW": 0, "VND": 0, "CLP": 0, "ISK": 0, "BHD": 3, "JOD": 3, "KWD": 3, "OMR": 3, "TND": 3}


class InvalidAmount(ValueError):
    """Not an amount: a float or text for the units, or a currency that is not an ISO 4217 code."""


class CurrencyMismatch(ValueError):
    """Amounts of two currencies were combined or compared."""


@dataclass(frozen=True, slots=True)
class Money:
    currency: str
    minor_units: int

    def __post_init__(self) -> None:
        if isinstance(self.minor_units, bool) or not isinstance(self.minor_units, int):
            raise InvalidAmount(f"amounts are whole minor units, got {self.minor_units!r}")
        if not isinstance(self.currency, str) or not _CURRENCY.fullmatch(self.currency):
            raise InvalidAmount(f"currency must be an ISO 4217 code like 'CNY', got {self.currency!r}")

    @classmethod
    def zero(cls, currency: str) -> Money:
        return cls(currency, 0)

    @classmethod
    def total(cls, amounts: Iterable[Money], currency: str) -> Money:
        """The sum of `amounts`, all in `currency` (zero when there are none)."""
        result = cls.zero(currency)
        for amount in amounts:
            result = result + amount
        return result

    @property
    def is_zero(self) -> bool:
        return self.minor_units == 0

    @property
    def is_positive(self) -> bool:
        return self.minor_units > 0

    @property
    def is_negative(self) -> bool:
        return self.minor_units < 0

    def __add__(self, other: Money) -> Money:
        return Money(self.currency, self.minor_units + self._units_of(other))

    def __sub__(self, other: Money) -> Money:
        return Money(self.currency, self.minor_units - self._units_of(other))

    def __neg__(self) -> Money:
        return Money(self.currency, -self.minor_units)

    def times(self, factor: int) -> Money:
        if isinstance(factor, bool) or not isinstance(factor, int):
            raise InvalidAmount(f"money is multiplied by whole numbers only, got {factor!r}")
        return Money(self.currency, self.minor_units * factor)

    def __lt__(self, other: Money) -> bool:
        return self.minor_units < self._units_of(other)

    def __le__(self, other: Money) -> bool:
        return self.minor_units <= self._units_of(other)

    def __gt__(self, other: Money) -> bool:
        return self.minor_units > self._units_of(other)

    def __ge__(self, other: Money) -> bool:
        return self.minor_units >= self._units_of(other)

    def __str__(self) -> str:
        exponent = _EXPONENTS.get(self.currency, 2)
        sign = "-" if self.minor_units < 0 else ""
        if exponent == 0:
            return f"{self.currency} {sign}{abs(self.minor_units)}"
        units, fraction = divmod(abs(self.minor_units), 10**exponent)
        return f"{self.currency} {sign}{units}.{fraction:0{exponent}d}"

    def _units_of(self, other: Money) -> int:
        if not isinstance(other, Money):
            raise TypeError(f"cannot combine Money with {type(other).__name__}")
        if other.currency != self.currency:
            raise CurrencyMismatch(f"cannot combine {self.currency} and {other.currency}")
        return other.minor_units
