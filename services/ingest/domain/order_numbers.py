"""Order numbers for people (I5): "SO-20261122-000123", counted per business day."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta, timezone

from eventsourcing.domain import Aggregate, event

from services.ingest.domain.errors import OrderNumbersExhausted

# The business runs on China Standard Time (no daylight saving): a day's numbers start at local midnight.
BUSINESS_TIME_ZONE = timezone(timedelta(hours=8), "CST")
MAX_SERIAL = 999_999
_SEQUENCE_NAMESPACE = uuid.UUID("a4e3b7c2-9d15-4e68-8f2a-6c1d0b9e3f57")


def business_day(moment: datetime) -> str:
    return moment.astimezone(BUSINESS_TIME_ZONE).strftime("%Y%m%d")


class OrderNumberSequence(Aggregate):
    """One per business day. Recorded with the order it numbers, so a number is never issued twice
    nor lost: two intakes racing for the same number conflict, and one of them tries again."""

    @staticmethod
    def create_id(day: str) -> uuid.UUID:
        return uuid.uuid5(_SEQUENCE_NAMESPACE, day)

    @event("Opened")
    def __init__(self, day: str) -> None:
        self.day = day
        self.last_serial = 0

    def issue(self) -> str:
        if self.last_serial >= MAX_SERIAL:
            raise OrderNumbersExhausted(f"all {MAX_SERIAL} order numbers of {self.day} are issued")
        self._issued(self.last_serial + 1)
        return f"SO-{self.day}-{self.last_serial:06d}"

    @event("Issued")
    def _issued(self, serial: int) -> None:
        self.last_serial = serial
