"""Lookups from what outsiders know (a tracking number, a shipment id) to the order's timeline."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from eventsourcing.domain import Aggregate, event

from services.tracking.domain.carrier_events import CarrierEvent
from services.tracking.domain.errors import TrackingNumberTaken

LOOKUP_NAMESPACE = uuid.UUID("5d0c2b7e-9a41-4f6e-8c3d-2e7b1a9f4c60")


class TrackingNumber(Aggregate):
    """A carrier's tracking number and the shipment it belongs to.

    Created when a shipment is dispatched, or earlier when a carrier reports a number nobody has
    dispatched yet: those reports are held here, unmatched, until the dispatch arrives.
    """

    if TYPE_CHECKING:
        # Made at run time by the `@event` decorators below, with the decorated method's
        # parameters as fields; declared for the type checker (tests/services/
        # test_declared_events.py keeps the declarations in step with them).
        class UnmatchedCarrierEventHeld(Aggregate.Event):
            report: CarrierEvent

    @staticmethod
    def create_id(carrier_code: str, tracking_number: str) -> uuid.UUID:
        return uuid.uuid5(LOOKUP_NAMESPACE, f"tracking-number/{carrier_code}:{tracking_number}")

    @event("Noted")
    def __init__(self, carrier_code: str, tracking_number: str):
        self.carrier_code = carrier_code
        self.tracking_number = tracking_number
        self.order_id = ""
        self.shipment_id = ""
        self.held: list[CarrierEvent] = []

    @property
    def matched(self) -> bool:
        return bool(self.shipment_id)

    def assign(self, order_id: str, shipment_id: str) -> None:
        if self.shipment_id == shipment_id:
            return
        if self.matched:
            raise TrackingNumberTaken(self.carrier_code, self.tracking_number, self.shipment_id)
        self._assign(order_id, shipment_id)

    @event("Assigned")
    def _assign(self, order_id: str, shipment_id: str) -> None:
        self.order_id = order_id
        self.shipment_id = shipment_id

    def hold(self, report: CarrierEvent) -> bool:
        """Keep a report that matches no shipment yet; False when it is already held."""
        if any(held.identity() == report.identity() for held in self.held):
            return False
        self._hold(report)
        return True

    @event("UnmatchedCarrierEventHeld")
    def _hold(self, report: CarrierEvent) -> None:
        self.held.append(report)

    def release_held(self) -> list[CarrierEvent]:
        """Hand the held reports over to the timeline now that the shipment is known."""
        released = list(self.held)
        if released:
            self._release()
        return released

    @event("HeldCarrierEventsReleased")
    def _release(self) -> None:
        self.held = []


class DispatchedShipment(Aggregate):
    """A shipment that left its warehouse, pointing to its order (for manual checkpoint entry)."""

    @staticmethod
    def create_id(shipment_id: str) -> uuid.UUID:
        return uuid.uuid5(LOOKUP_NAMESPACE, f"shipment/{shipment_id}")

    @event("Indexed")
    def __init__(self, shipment_id: str, order_id: str):
        self.shipment_id = shipment_id
        self.order_id = order_id
