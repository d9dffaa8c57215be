"""Order numbers for people (I5): "SO-20261122-000123", counted per business day.

Numbers are handed out in blocks. A day's `OrderNumberSequence` only records which serials are
taken ("block 101-200 reserved"); each ingest instance keeps its current block in memory and
numbers orders from it without touching the store. Every intake used to write the one sequence
aggregate, so concurrent intakes collided on it; now they meet there once per block. Unused
numbers of a block are lost when the instance stops (gaps are acceptable, duplicates are not).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from eventsourcing.domain import Aggregate, event

from services.ingest.domain.errors import OrderNumbersExhausted

# The business runs on China Standard Time (no daylight saving): a day's numbers start at local midnight.
BUSINESS_TIME_ZONE = timezone(timedelta(hours=8), "CST")
MAX_SERIAL = 999_999
_SEQUENCE_NAMESPACE = uuid.UUID("a4e3b7c2-9d15-4e68-8f2a-6c1d0b9e3f57")


def business_day(moment: datetime) -> str:
    return moment.astimezone(BUSINESS_TIME_ZONE).strftime("%Y%m%d")


def order_number(day: str, serial: int) -> str:
    return f"SO-{day}-{serial:06d}"


@dataclass
class OrderNumberBlock:
    """Serials `next_serial`..`last_serial` of one day, held by one instance; not stored."""

    day: str
    next_serial: int
    last_serial: int

    @property
    def exhausted(self) -> bool:
        return self.next_serial > self.last_serial

    def take(self) -> str:
        if self.exhausted:
            raise OrderNumbersExhausted(f"the block of {self.day} up to {self.last_serial} is used up")
        serial = self.next_serial
        self.next_serial += 1
        return order_number(self.day, serial)


class OrderNumberSequence(Aggregate):
    """One per business day: which serials are taken. Reserving a block is a write that races
    other instances on the version, so a serial is never reserved twice."""

    @staticmethod
    def create_id(day: str) -> uuid.UUID:
        return uuid.uuid5(_SEQUENCE_NAMESPACE, day)

    @event("Opened")
    def __init__(self, day: str) -> None:
        self.day = day
        self.last_serial = 0

    def reserve_block(self, size: int) -> OrderNumberBlock:
        if self.last_serial >= MAX_SERIAL:
            raise OrderNumbersExhausted(f"all {MAX_SERIAL} order numbers of {self.day} are issued")
        first = self.last_serial + 1
        self._block_reserved(first, min(self.last_serial + size, MAX_SERIAL))
        return OrderNumberBlock(self.day, first, self.last_serial)

    @event("BlockReserved")
    def _block_reserved(self, first_serial: int, last_serial: int) -> None:
        self.last_serial = last_serial

    @event("Issued")
    def _issued(self, serial: int) -> None:
        # Stores written before numbers came in blocks hold one of these per order.
        self.last_serial = serial
