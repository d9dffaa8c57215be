"""Domain values for tracking tests: a dispatched shipment and carrier reports about it."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from oms_kernel.money import Money
from services.tracking.domain.carrier_events import CarrierEvent
from services.tracking.domain.checkpoints import Checkpoint, Source, TimelineEntry
from services.tracking.domain.timeline import OrderTimeline, ShipmentTrack
from services.tracking.domain.values import Place

T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
HANGZHOU = Place(name="Hangzhou transit hub", city="Hangzhou", province="Zhejiang", country_code="CN")
SHANGHAI = Place(name="Shanghai Pudong hub", city="Shanghai", province="Shanghai", country_code="CN")


def at(hours: float) -> datetime:
    return T0 + timedelta(hours=hours)


def upstream(checkpoint: Checkpoint, hours: float, shipment_id: str = "") -> TimelineEntry:
    return TimelineEntry(checkpoint, at(hours), Place(), Source.UPSTREAM_EVENT, shipment_id=shipment_id,
                         upstream_event_id=str(uuid.uuid4()))


def shipment(shipment_id: str = "shipment-1", *, cod: Money | None = None, numbers=("SF100",)) -> ShipmentTrack:
    return ShipmentTrack(shipment_id, "WH-HZ", "sf-express", tuple(numbers), cash_on_delivery=cod)


def report(code: str, hours: float, *, place: Place = HANGZHOU, number: str = "SF100") -> CarrierEvent:
    return CarrierEvent("sf-express", number, code, "", at(hours), place, Source.CARRIER_WEBHOOK, at(hours + 0.01))


def dispatched_timeline(*shipments: ShipmentTrack) -> OrderTimeline:
    timeline = OrderTimeline(str(uuid.uuid4()))
    for track in shipments or (shipment(),):
        timeline.dispatch(track, upstream(Checkpoint.OUTBOUND_SCAN, 5, track.shipment_id))
    return timeline
