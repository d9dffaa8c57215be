"""Amounts as channels report them, from the contracts or the HTTP forms, as the kernel's Money.

Read leniently: channel input is not trusted, and a bad amount is a reason to reject the order
(kept and visible, I2), not a reason to drop it. Currency codes are case-insensitive on input
("cny " is CNY); an amount whose currency is still no ISO 4217 code is no Money at all: it reads as
no amount and is kept as an UnreadableAmount, which validation names with the input's other faults.
"""

from __future__ import annotations

from oms_kernel.money import InvalidAmount, Money
from services.ingest.domain.validation import UnreadableAmount


class ReportedAmounts:
    """Reads the amounts of one input; those that are no Money are collected in `unreadable`."""

    def __init__(self) -> None:
        self._unreadable: list[UnreadableAmount] = []

    @property
    def unreadable(self) -> tuple[UnreadableAmount, ...]:
        return tuple(self._unreadable)

    def read(self, path: str, currency: str, minor_units: int) -> Money | None:
        """The amount reported at `path` (as validation names it: "lines[0].unit_price")."""
        code = currency.strip().upper()
        try:
            return Money(code, minor_units)
        except InvalidAmount:
            self._unreadable.append(UnreadableAmount(path, code, minor_units))
            return None
