"""Money received from a customer and how it was matched against the receivable (L2)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import Enum

from oms_kernel.money import Money
from services.ledger.domain.errors import InvalidAmount


@dataclass(frozen=True)
class Payment:
    payment_id: str
    amount: Money
    method: str
    reference: str
    received_at: datetime

    def __post_init__(self) -> None:
        if not self.amount.is_positive:
            raise InvalidAmount(f"a payment is a positive amount, got {self.amount}")


class MatchKind(Enum):
    EXACT = "exact"
    PARTIAL = "partial"  # the rest of the receivable stays open
    OVERPAYMENT = "overpayment"  # the excess stays a customer advance, due back or kept as credit

    @classmethod
    def of(cls, available: Money, due: Money) -> MatchKind:
        if available == due:
            return cls.EXACT
        return cls.PARTIAL if available < due else cls.OVERPAYMENT
