"""An order's timeline: the checkpoints it reached and the shipments it left in (T2)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import datetime
from enum import Enum
from typing import TYPE_CHECKING

from eventsourcing.domain import Aggregate, event

from oms_kernel.money import Money
from services.tracking.domain.carrier_events import CarrierEvent
from services.tracking.domain.checkpoints import Checkpoint, TimelineEntry
from services.tracking.domain.errors import NotACarrierCheckpoint, ShipmentAlreadyDelivered, UnknownShipment
from services.tracking.domain.values import Place


@dataclass(frozen=True)
class ShipmentTrack:
    shipment_id: str
    warehouse_id: str
    carrier_code: str
    tracking_numbers: tuple[str, ...]
    cash_on_delivery: Money | None = None
    delivered_at: datetime | None = None

    @property
    def delivered(self) -> bool:
        return self.delivered_at is not None


class Outcome(Enum):
    RECORDED = "recorded"
    # New news from the carrier about a stage the timeline already shows (a second pickup scan).
    ALREADY_REACHED = "already-reached"
    DUPLICATE = "duplicate"


@dataclass(frozen=True)
class CarrierEventOutcome:
    outcome: Outcome
    order_id: str
    entry: TimelineEntry


class OrderTimeline(Aggregate):
    if TYPE_CHECKING:
        # Made at run time by the `@event` decorators below, with the decorated method's
        # parameters as fields; declared for the type checker (tests/services/
        # test_declared_events.py keeps the declarations in step with them).
        class CheckpointReached(Aggregate.Event):
            entry: TimelineEntry

        class CarrierEventTaken(Aggregate.Event):
            shipment_id: str
            report: CarrierEvent

        class ShipmentDelivered(Aggregate.Event):
            shipment_id: str
            delivered_at: datetime
            place: Place
            carrier_code: str
            tracking_number: str
            cash_collected: Money | None

    @staticmethod
    def create_id(order_id: str) -> uuid.UUID:
        return uuid.UUID(order_id)

    @event("Opened")
    def __init__(self, order_id: str):
        self.order_id = order_id
        self.entries: list[TimelineEntry] = []
        self.shipments: dict[str, ShipmentTrack] = {}
        self.cash_on_delivery = False
        self.carrier_event_ids: set[str] = set()

    # -- checkpoints ------------------------------------------------------------------------------

    def reach(self, entry: TimelineEntry) -> bool:
        """Record a checkpoint unless the timeline already shows it; True when recorded."""
        if any(existing.same_stage_as(entry) for existing in self.entries):
            return False
        self._reach(entry)
        return True

    @event("CheckpointReached")
    def _reach(self, entry: TimelineEntry) -> None:
        self.entries.append(entry)

    def confirm_payment(self, entry: TimelineEntry, *, on_delivery: bool) -> None:
        # Cash on delivery is paid when the parcel is handed over, so the payment checkpoint waits.
        if on_delivery:
            self.expect_cash_on_delivery()
        else:
            self.reach(entry)

    def expect_cash_on_delivery(self) -> None:
        if not self.cash_on_delivery:
            self._expect_cash_on_delivery()

    @event("CashOnDeliveryExpected")
    def _expect_cash_on_delivery(self) -> None:
        self.cash_on_delivery = True

    def ordered_entries(self) -> list[TimelineEntry]:
        return sorted(self.entries, key=lambda entry: entry.sort_key)

    # -- shipments --------------------------------------------------------------------------------

    def dispatch(self, shipment: ShipmentTrack, outbound_scan: TimelineEntry) -> None:
        if shipment.shipment_id not in self.shipments:
            self._register_shipment(shipment)
        self.reach(outbound_scan)

    @event("ShipmentRegistered")
    def _register_shipment(self, shipment: ShipmentTrack) -> None:
        self.shipments[shipment.shipment_id] = shipment

    def shipment(self, shipment_id: str) -> ShipmentTrack:
        try:
            return self.shipments[shipment_id]
        except KeyError:
            raise UnknownShipment(shipment_id) from None

    def take_carrier_event(self, shipment_id: str, report: CarrierEvent, checkpoint: Checkpoint) -> CarrierEventOutcome:
        """Place a carrier's report on the timeline; a delivered shipment takes no more news."""
        if not checkpoint.reported_by_carrier:
            raise NotACarrierCheckpoint(checkpoint.name)
        entry = _carrier_entry(shipment_id, report, checkpoint)
        if report.identity(shipment_id) in self.carrier_event_ids:
            return CarrierEventOutcome(Outcome.DUPLICATE, self.order_id, entry)
        shipment = self.shipment(shipment_id)
        if shipment.delivered:
            raise ShipmentAlreadyDelivered(shipment_id)
        self._take_carrier_event(shipment_id, report)
        recorded = self.reach(entry)
        if checkpoint is Checkpoint.DELIVERED:
            self._deliver(shipment, report)
        return CarrierEventOutcome(
            Outcome.RECORDED if recorded else Outcome.ALREADY_REACHED, self.order_id, entry
        )

    @event("CarrierEventTaken")
    def _take_carrier_event(self, shipment_id: str, report: CarrierEvent) -> None:
        self.carrier_event_ids.add(report.identity(shipment_id))

    def _deliver(self, shipment: ShipmentTrack, report: CarrierEvent) -> None:
        self._delivered(
            shipment.shipment_id, report.occurred_at, report.place, report.carrier_code,
            report.tracking_number, shipment.cash_on_delivery,
        )
        if self.cash_on_delivery or shipment.cash_on_delivery:
            self.reach(replace(
                _carrier_entry("", report, Checkpoint.PAYMENT_COMPLETED),
                description="Cash collected on delivery",
            ))

    @event("ShipmentDelivered")
    def _delivered(self, shipment_id: str, delivered_at: datetime, place: Place, carrier_code: str,
                   tracking_number: str, cash_collected: Money | None) -> None:
        self.shipments[shipment_id] = replace(self.shipments[shipment_id], delivered_at=delivered_at)


def _carrier_entry(shipment_id: str, report: CarrierEvent, checkpoint: Checkpoint) -> TimelineEntry:
    return TimelineEntry(
        checkpoint=checkpoint,
        occurred_at=report.occurred_at,
        place=report.place,
        source=report.source,
        shipment_id=shipment_id,
        carrier_code=report.carrier_code,
        tracking_number=report.tracking_number,
        raw_code=report.raw_code,
        description=report.description,
        recorded_by=report.recorded_by,
    )
