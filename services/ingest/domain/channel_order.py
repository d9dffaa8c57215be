"""A channel order ingest accepted as an OMS order (I1, I3, I5).

Its id is the order id every service derives from the channel account and channel order id, so
every delivery of the same channel order lands here, and later channel updates apply to it.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from eventsourcing.domain import Aggregate, event

from services.ingest.domain.delivery import Delivery
from services.ingest.domain.errors import DeliveryAlreadyRecorded, UpdateAlreadyRecorded
from services.ingest.domain.reported_order import (
    AddressChange,
    Cancellation,
    ChannelOrderRef,
    ChannelOrderUpdate,
    Payment,
    ReportedOrder,
)

ACCEPTED = "accepted"
CANCELLED = "cancelled"


class ChannelOrder(Aggregate):
    if TYPE_CHECKING:
        # Made at run time by the `@event` decorators below, with the decorated method's
        # parameters as fields; declared for the type checker (tests/services/
        # test_declared_events.py keeps the declarations in step with them).
        class Accepted(Aggregate.Created):
            order_id: str
            order_number: str
            order: ReportedOrder
            customer_id: str
            fingerprint: str
            source: str
            source_event_id: str

        class DuplicateReceived(Aggregate.Event):
            channel_order: ChannelOrderRef
            source: str
            source_event_id: str
            identical: bool

        class UpdateApplied(Aggregate.Event):
            channel_order: ChannelOrderRef
            update: ChannelOrderUpdate

    @staticmethod
    def create_id(order_id: str) -> uuid.UUID:
        return uuid.UUID(order_id)

    @event("Accepted")
    def __init__(
        self,
        order_id: str,
        order_number: str,
        order: ReportedOrder,
        customer_id: str,
        fingerprint: str,
        source: str,
        source_event_id: str,
    ) -> None:
        self.order_id = order_id
        self.order_number = order_number
        # The order as accepted: validated and normalised.
        self.order = order
        self.customer_id = customer_id
        # Of the order as reported, to tell an identical redelivery from different content.
        self.fingerprint = fingerprint
        self.source = source
        self.deliveries = [source_event_id] if source_event_id else []
        self.duplicates = 0
        self.status = ACCEPTED
        self.payment = order.payment
        self.shipping_address = order.shipping_address
        self.contact = order.contact
        self.updates: list[ChannelOrderUpdate] = []

    @property
    def ref(self) -> ChannelOrderRef:
        return self.order.ref

    def has_delivery(self, source_event_id: str) -> bool:
        """True when this very delivery (by envelope event id) was already recorded."""
        return bool(source_event_id) and source_event_id in self.deliveries

    def has_update(self, update_id: str) -> bool:
        return any(update.update_id == update_id for update in self.updates)

    def receive_again(self, fingerprint: str, delivery: Delivery) -> None:
        """The same channel order arrived again: noted for staff, nothing else happens (I3)."""
        if self.has_delivery(delivery.source_event_id):
            raise DeliveryAlreadyRecorded(delivery.source_event_id)
        self._received_again(self.ref, delivery.source, delivery.source_event_id, fingerprint == self.fingerprint)

    @event("DuplicateReceived")
    def _received_again(self, channel_order: ChannelOrderRef, source: str, source_event_id: str,
                        identical: bool) -> None:
        if source_event_id:
            self.deliveries.append(source_event_id)
        self.duplicates += 1

    def apply_update(self, update: ChannelOrderUpdate) -> None:
        """A validated channel update; whether the order may still change is the order service's call."""
        if self.has_update(update.update_id):
            raise UpdateAlreadyRecorded(update.update_id)
        self._update_applied(self.ref, update)

    @event("UpdateApplied")
    def _update_applied(self, channel_order: ChannelOrderRef, update: ChannelOrderUpdate) -> None:
        self.updates.append(update)
        change = update.change
        if isinstance(change, Payment):
            self.payment = change
        elif isinstance(change, Cancellation):
            self.status = CANCELLED
        elif isinstance(change, AddressChange):
            self.shipping_address = change.shipping_address
            self.contact = change.contact or self.contact
