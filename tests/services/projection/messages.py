"""Contract messages for projection tests, sealed the way the producing services seal them."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from google.protobuf.message import Message
from google.protobuf.timestamp_pb2 import Timestamp

from oms.common.v1.address_pb2 import Address, Location
from oms.common.v1.channel_pb2 import CHANNEL_MARKETPLACE
from oms.common.v1.contact_pb2 import Contact
from oms.common.v1.line_quantity_pb2 import LineQuantity
from oms.common.v1.money_pb2 import Money
from oms.common.v1.order_line_pb2 import OrderLine
from oms.fulfillment.v1 import fulfillment_events_pb2 as fulfillment
from oms.fulfillment.v1.fulfillment_pb2 import ShipmentLine
from oms.order.v1 import lifecycle_events_pb2 as lifecycle
from oms.order.v1.order_pb2 import OrderStatus, PriceBreakdown
from oms.tracking.v1 import tracking_events_pb2 as tracking
from oms.tracking.v1.tracking_pb2 import Checkpoint
from oms_platform.messaging.envelope import seal
from services.projection.application.projector import ConsumedRecord

ORDER_EVENTS = "oms.order.events.v1"
INTAKE_EVENTS = "oms.intake.events.v1"
INVENTORY_EVENTS = "oms.inventory.events.v1"
AVAILABILITY = "oms.inventory.availability.v1"
FULFILLMENT_EVENTS = "oms.fulfillment.events.v1"
TRACKING_EVENTS = "oms.tracking.events.v1"
LEDGER_EVENTS = "oms.ledger.events.v1"

T0 = datetime(2026, 11, 22, 8, 0, tzinfo=UTC)


def at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


def stamp(moment: datetime) -> Timestamp:
    value = Timestamp()
    value.FromDatetime(moment)
    return value


def cny(yuan: float) -> Money:
    return Money(currency_code="CNY", minor_units=round(yuan * 100))


def new_order_id() -> str:
    return str(uuid.uuid4())


def order_placed(order_id: str, *, number: str = "SO-20261122-0001", name: str = "李伟",
                 phone: str = "+86 138 1234 5678", channel_order_id: str = "TB-2026112201",
                 placed_at: datetime = T0) -> lifecycle.OrderPlaced:
    return lifecycle.OrderPlaced(
        order_id=order_id, status=OrderStatus.ORDER_STATUS_RECEIVED, order_number=number,
        channel=CHANNEL_MARKETPLACE, channel_account="tmall-flagship", channel_order_id=channel_order_id,
        customer_id="cust-1", contact=Contact(name=name, phone=phone, email="li.wei@example.com"),
        shipping_address=Address(recipient_name=name, phone=phone, country_code="CN", province="上海市",
                                 city="上海市", district="浦东新区", street_lines=["世纪大道 100 号"],
                                 postcode="200120"),
        lines=[OrderLine(line_id="1", sku="SKU-TEA-01", name="Longjing tea 250g", quantity=2, unit_price=cny(128)),
               OrderLine(line_id="2", sku="SKU-CUP-02", name="Tea cup", quantity=1, unit_price=cny(39))],
        reported_totals=PriceBreakdown(subtotal=cny(295), grand_total=cny(295)),
        placed_at=stamp(placed_at), accepted_at=stamp(placed_at),
    )


def order_status_event(order_id: str, name: str, status: int, **fields) -> Message:
    return getattr(lifecycle, name)(order_id=order_id, status=status, **fields)


def shipment_created(order_id: str, shipment_id: str, *, warehouse_id: str = "WH-SH-01") -> fulfillment.ShipmentCreated:
    return fulfillment.ShipmentCreated(
        shipment_id=shipment_id, order_id=order_id, order_number="SO-20261122-0001", warehouse_id=warehouse_id,
        lines=[ShipmentLine(line_id="1", sku="SKU-TEA-01", name="Longjing tea 250g", quantity=2)],
        created_at=stamp(at(5)),
    )


def shipment_dispatched(order_id: str, shipment_id: str, *, minutes: float = 30) -> fulfillment.ShipmentDispatched:
    return fulfillment.ShipmentDispatched(
        shipment_id=shipment_id, order_id=order_id, warehouse_id="WH-SH-01", carrier_code="SF",
        tracking_numbers=["SF1234567890"], lines=[ShipmentLine(line_id="1", sku="SKU-TEA-01", quantity=2)],
        dispatched_at=stamp(at(minutes)),
    )


def checkpoint(order_id: str, shipment_id: str, which: int, *, minutes: float,
               city: str = "上海") -> tracking.CheckpointRecorded:
    return tracking.CheckpointRecorded(
        order_id=order_id, shipment_id=shipment_id, checkpoint=which, occurred_at=stamp(at(minutes)),
        location=Location(name=f"{city} hub", city=city),
    )


def picked(order_id: str, shipment_id: str, minutes: float = 10) -> fulfillment.ShipmentPicked:
    return fulfillment.ShipmentPicked(shipment_id=shipment_id, order_id=order_id,
                                      picked=[LineQuantity(line_id="1", sku="SKU-TEA-01", quantity=2)],
                                      picked_at=stamp(at(minutes)))


def picking_started(order_id: str, shipment_id: str, minutes: float = 8, *,
                    implied_by_pick: bool = False) -> fulfillment.PickingStarted:
    return fulfillment.PickingStarted(shipment_id=shipment_id, order_id=order_id, warehouse_id="WH-SH-01",
                                      pick_list_id="PL-1", implied_by_pick=implied_by_pick,
                                      started_at=stamp(at(minutes)))


def packed(order_id: str, shipment_id: str, minutes: float = 15) -> fulfillment.ShipmentPacked:
    return fulfillment.ShipmentPacked(shipment_id=shipment_id, order_id=order_id, packed_at=stamp(at(minutes)))


def sealed(payload: Message, *, producer: str, aggregate_id: str = "", version: int = 0,
           event_id: str | None = None, occurred_at: datetime = T0) -> bytes:
    return seal(payload, event_id=event_id or str(uuid.uuid4()), producer=producer, occurred_at=occurred_at,
                aggregate_id=aggregate_id, aggregate_version=version).SerializeToString()


def record(topic: str, payload: Message | bytes, *, producer: str = "order", aggregate_id: str = "",
           version: int = 0, event_id: str | None = None, occurred_at: datetime = T0,
           key: str = "k") -> ConsumedRecord:
    value = payload if isinstance(payload, bytes) else sealed(
        payload, producer=producer, aggregate_id=aggregate_id, version=version, event_id=event_id,
        occurred_at=occurred_at)
    return ConsumedRecord(topic=topic, partition=0, offset=0, key=key.encode(), value=value)


__all__ = ["Checkpoint", "OrderStatus"]
