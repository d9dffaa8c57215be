"""The order service's Kafka entrypoint: protobuf stops here.

For every contract message the order consumes, `translate(message, inbound)` turns it into an
application command (application/commands.py) of domain values, and the application's handler
(application/handlers.py) acts on that. A message that cannot be translated (an order without
lines, an amount without a currency, an enum value the domain lacks, an order id that is no UUID)
raises ValueError here, which the consumer dead-letters as invalid with its reason, prefixed with
the message type.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping

from google.protobuf.message import Message

from oms.fulfillment.v1.fulfillment_events_pb2 import ShipmentCancelled, ShipmentCreated, ShipmentDispatched
from oms.intake.v1.intake_events_pb2 import ChannelOrderUpdateApplied, OrderAccepted
from oms.inventory.v1.reservation_events_pb2 import ReservationFailed, ReservationMade
from oms.tracking.v1.tracking_events_pb2 import ShipmentDelivered
from oms_platform.contract_values import datetime_from_contract
from oms_platform.messaging.consumer import Handler, Inbound, translated
from services.order.adapters import translation
from services.order.application import handlers
from services.order.application.commands import (
    AllocateStock,
    ApplyChannelUpdate,
    Backorder,
    ChannelCancelled,
    ChannelChange,
    ChannelPaid,
    ChannelReaddressed,
    DeliverShipment,
    DispatchShipment,
    NoteShipmentCancelled,
    NoteShipmentCreated,
    PlaceOrder,
    ReservedInWarehouse,
)


class UnusableOrder(ValueError):
    """An accepted order the order service cannot work with (no lines, mixed currencies...)."""


def place_order(message: OrderAccepted, inbound: Inbound) -> PlaceOrder:
    try:
        return _accepted_order(message)
    except ValueError as unusable:
        raise UnusableOrder(f"order {message.order_id!r}: {unusable}") from None


def _accepted_order(message: OrderAccepted) -> PlaceOrder:
    order = message.order
    if not order.lines:
        raise UnusableOrder("the order has no lines")
    currencies = {line.unit_price.currency_code for line in order.lines}
    if len(currencies) != 1 or "" in currencies:
        raise UnusableOrder(f"the lines need one currency, got {sorted(currencies)}")
    (currency,) = currencies
    lines = tuple(translation.order_line(line, currency) for line in order.lines)
    if not order.HasField("shipping_address"):
        raise UnusableOrder("the order has no shipping address")
    placement = translation.placement(order, datetime_from_contract(message.accepted_at))
    return PlaceOrder(
        order_id=str(uuid.UUID(message.order_id)),
        order_number=message.order_number,
        placement=placement,
        contact=translation.contact(order.contact),
        shipping_address=translation.address(order.shipping_address),
        billing_address=translation.address(order.billing_address) if order.HasField("billing_address") else None,
        lines=lines,
        totals=translation.totals(order.reported_totals),
        payment=translation.payment(order.payment),
    )


def channel_update(message: ChannelOrderUpdateApplied, inbound: Inbound) -> ApplyChannelUpdate:
    return ApplyChannelUpdate(message.order_id, message.update_id, message.channel_order.channel_account,
                              _channel_change(message))


def _channel_change(message: ChannelOrderUpdateApplied) -> ChannelChange:
    match message.WhichOneof("change"):
        case "payment":
            return ChannelPaid(translation.payment(message.payment))
        case "cancellation":
            return ChannelCancelled(message.cancellation.reason, message.cancellation.requested_by_buyer)
        case "address_change":
            change = message.address_change
            contact = translation.contact(change.contact) if change.HasField("contact") else None
            return ChannelReaddressed(translation.address(change.shipping_address), contact)
    raise ValueError(f"update {message.update_id!r} carries no change")


def allocate_stock(message: ReservationMade, inbound: Inbound) -> AllocateStock:
    return AllocateStock(message.order_id, tuple(
        ReservedInWarehouse(a.warehouse_id, tuple(translation.line_quantity(line) for line in a.lines))
        for a in message.allocations
    ))


def backorder(message: ReservationFailed, inbound: Inbound) -> Backorder:
    missing, detail = translation.shortfalls(message)
    return Backorder(message.order_id, missing, detail)


def note_shipment_created(message: ShipmentCreated, inbound: Inbound) -> NoteShipmentCreated:
    return NoteShipmentCreated(message.order_id, message.shipment_id)


def dispatch_shipment(message: ShipmentDispatched, inbound: Inbound) -> DispatchShipment:
    return DispatchShipment(message.order_id, translation.dispatch(message))


def note_shipment_cancelled(message: ShipmentCancelled, inbound: Inbound) -> NoteShipmentCancelled:
    return NoteShipmentCancelled(message.order_id, message.shipment_id)


def deliver_shipment(message: ShipmentDelivered, inbound: Inbound) -> DeliverShipment:
    return DeliverShipment(message.order_id, message.shipment_id, datetime_from_contract(message.delivered_at))


HANDLERS: Mapping[type[Message], Handler] = {
    OrderAccepted: translated(place_order, handlers.place_order),
    ChannelOrderUpdateApplied: translated(channel_update, handlers.channel_update),
    ReservationMade: translated(allocate_stock, handlers.allocate_stock),
    ReservationFailed: translated(backorder, handlers.backorder),
    ShipmentCreated: translated(note_shipment_created, handlers.note_shipment_created),
    ShipmentDispatched: translated(dispatch_shipment, handlers.dispatch_shipment),
    ShipmentCancelled: translated(note_shipment_cancelled, handlers.note_shipment_cancelled),
    ShipmentDelivered: translated(deliver_shipment, handlers.deliver_shipment),
}
