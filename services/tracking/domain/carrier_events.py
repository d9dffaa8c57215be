"""A carrier's report about a parcel, as it arrived, before it is placed on a timeline."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from services.tracking.domain.checkpoints import Source
from services.tracking.domain.values import Place


@dataclass(frozen=True)
class CarrierEvent:
    carrier_code: str
    tracking_number: str
    raw_code: str
    description: str
    occurred_at: datetime
    place: Place
    source: Source
    received_at: datetime
    # The payload as received, kept so a new code mapping can be replayed over history.
    raw_payload: str = ""
    recorded_by: str = ""

    def identity(self, shipment_id: str = "") -> str:
        """What makes two reports the same report: a carrier resending a scan is not news."""
        instant = self.occurred_at.astimezone(UTC).isoformat()
        return "|".join((shipment_id, self.carrier_code, self.tracking_number, self.raw_code, instant))
