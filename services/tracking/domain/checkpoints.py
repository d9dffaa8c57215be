"""The nine checkpoints of an order's timeline (T2) and one timeline entry."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import Enum

from services.tracking.domain.values import Place


class Checkpoint(Enum):
    """Numbered in the order a normal order passes them, so the value orders the timeline."""

    ORDER_CONFIRMED = 1
    PAYMENT_COMPLETED = 2
    REVIEW_PASSED = 3
    PICKING_STARTED = 4
    OUTBOUND_SCAN = 5
    CARRIER_PICKUP = 6
    TRANSIT_ARRIVAL = 7
    OUT_FOR_DELIVERY = 8
    DELIVERED = 9

    @property
    def concerns_shipment(self) -> bool:
        return self.value >= Checkpoint.PICKING_STARTED.value

    @property
    def reported_by_carrier(self) -> bool:
        return self.value >= Checkpoint.CARRIER_PICKUP.value


CARRIER_CHECKPOINTS = tuple(c for c in Checkpoint if c.reported_by_carrier)


class Source(Enum):
    """Where the news of a checkpoint came from (T1)."""

    UPSTREAM_EVENT = "upstream-event"
    CARRIER_WEBHOOK = "carrier-webhook"
    CARRIER_POLLING = "carrier-polling"
    MANUAL = "manual"


@dataclass(frozen=True)
class TimelineEntry:
    """One checkpoint an order (or one of its shipments) reached."""

    checkpoint: Checkpoint
    occurred_at: datetime
    place: Place
    source: Source
    shipment_id: str = ""
    carrier_code: str = ""
    tracking_number: str = ""
    raw_code: str = ""
    description: str = ""
    upstream_event_id: str = ""
    recorded_by: str = ""

    def same_stage_as(self, other: TimelineEntry) -> bool:
        """True when `other` is news of a stage this entry already records.

        A parcel passes several transit hubs, so transit arrivals differ by place; every other
        checkpoint happens once per order (order checkpoints) or per shipment.
        """
        if (self.checkpoint, self.shipment_id) != (other.checkpoint, other.shipment_id):
            return False
        return self.checkpoint is not Checkpoint.TRANSIT_ARRIVAL or self.place == other.place

    @property
    def sort_key(self) -> tuple[int, datetime]:
        return self.checkpoint.value, self.occurred_at
