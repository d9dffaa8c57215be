"""Upstream contract messages as the order and fulfillment services publish them."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from google.protobuf.message import Message
from google.protobuf.timestamp_pb2 import Timestamp

from oms.common.v1.money_pb2 import Money
from oms.common.v1.payment_pb2 import PAYMENT_METHOD_CASH_ON_DELIVERY, PAYMENT_METHOD_ONLINE
from oms.envelope.v1.envelope_pb2 import Envelope
from oms.fulfillment.v1.fulfillment_events_pb2 import (
    PickingStarted,
    PickListIssued,
    ShipmentDispatched,
    ShipmentPicked,
)
from oms.order.v1.lifecycle_events_pb2 import OrderApproved, OrderPlaced, PaymentConfirmed
from oms_platform.contracts import message_class
from oms_platform.identity import order_id_for, shipment_id_for
from tests.support.messaging import publish

ORDER_EVENTS = "oms.order.events.v1"
FULFILLMENT_EVENTS = "oms.fulfillment.events.v1"
TRACKING_EVENTS = "oms.tracking.events.v1"
PLACED_AT = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


def stamp(hours: float) -> Timestamp:
    timestamp = Timestamp()
    timestamp.FromDatetime(PLACED_AT + timedelta(hours=hours))
    return timestamp


@dataclass
class UpstreamOrder:
    """One order as the order service (its aggregate) and fulfillment (one shipment) report it."""

    bootstrap: str
    cash_on_delivery: bool = False
    order_id: str = field(default_factory=lambda: order_id_for("tmall-flagship", uuid.uuid4().hex))
    versions: dict[str, int] = field(default_factory=dict)

    @property
    def shipment_id(self) -> str:
        return shipment_id_for(self.order_id, "WH-HZ")

    async def from_order_service(self, message: Message) -> Envelope:
        return await self._publish(ORDER_EVENTS, "order", self.order_id, message)

    async def from_fulfillment(self, message: Message) -> Envelope:
        return await self._publish(FULFILLMENT_EVENTS, "fulfillment", self.shipment_id, message)

    async def again(self, topic: str, envelope: Envelope) -> None:
        """Deliver an already published message once more, exactly as it was (a redelivery)."""
        message = message_class(envelope.type)()
        envelope.payload.Unpack(message)
        await publish(self.bootstrap, topic, self.order_id, message, producer=envelope.producer,
                      aggregate_id=envelope.aggregate_id, aggregate_version=envelope.aggregate_version,
                      event_id=envelope.event_id)

    async def _publish(self, topic: str, producer: str, aggregate_id: str, message: Message) -> Envelope:
        version = self.versions.get(aggregate_id, 0) + 1
        self.versions[aggregate_id] = version
        return await publish(self.bootstrap, topic, self.order_id, message, producer=producer,
                             aggregate_id=aggregate_id, aggregate_version=version)

    async def until_dispatched(self, tracking_number: str, carrier_code: str = "sf-express") -> None:
        """The whole way from placement to outbound scan, each message once."""
        await self.from_order_service(self.placed())
        await self.from_order_service(self.paid())
        await self.from_order_service(self.approved())
        await self.from_fulfillment(self.pick_list())
        await self.from_fulfillment(self.picking_started())
        await self.from_fulfillment(self.picked())
        await self.from_fulfillment(self.dispatched(carrier_code, tracking_number))

    # -- the messages -------------------------------------------------------------------------------

    def placed(self) -> OrderPlaced:
        method = PAYMENT_METHOD_CASH_ON_DELIVERY if self.cash_on_delivery else PAYMENT_METHOD_ONLINE
        return OrderPlaced(order_id=self.order_id, order_number="SO-20261120-0001", payment_method=method,
                           placed_at=stamp(0), accepted_at=stamp(0.1))

    def paid(self) -> PaymentConfirmed:
        method = PAYMENT_METHOD_CASH_ON_DELIVERY if self.cash_on_delivery else PAYMENT_METHOD_ONLINE
        amount = Money(currency_code="CNY", minor_units=0 if self.cash_on_delivery else 12_900)
        return PaymentConfirmed(order_id=self.order_id, payment_reference="PAY-1", method=method,
                                amount=amount, paid_at=stamp(0.2))

    def approved(self) -> OrderApproved:
        return OrderApproved(order_id=self.order_id, auto_approved=True, approved_at=stamp(0.3))

    def pick_list(self) -> PickListIssued:
        return PickListIssued(shipment_id=self.shipment_id, order_id=self.order_id, pick_list_id="PL-1",
                              warehouse_id="WH-HZ", issued_at=stamp(1))

    def picking_started(self, *, implied_by_pick: bool = False, hours: float = 1.25) -> PickingStarted:
        return PickingStarted(shipment_id=self.shipment_id, order_id=self.order_id, warehouse_id="WH-HZ",
                              pick_list_id="PL-1", implied_by_pick=implied_by_pick, started_at=stamp(hours))

    def picked(self) -> ShipmentPicked:
        return ShipmentPicked(shipment_id=self.shipment_id, order_id=self.order_id, picked_at=stamp(1.5))

    def dispatched(self, carrier_code: str = "sf-express", *tracking_numbers: str) -> ShipmentDispatched:
        collect = Money(currency_code="CNY", minor_units=12_900) if self.cash_on_delivery else None
        return ShipmentDispatched(
            shipment_id=self.shipment_id, order_id=self.order_id, warehouse_id="WH-HZ",
            carrier_code=carrier_code, tracking_numbers=list(tracking_numbers),
            cash_on_delivery_amount=collect, dispatched_at=stamp(2),
        )
