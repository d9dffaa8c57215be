"""The process manager: what the order does when intake, inventory, fulfillment or tracking speak.

Each handler returns the orders it changed; the runtime records them together with the upstream
position, so a message delivered twice takes effect once. Handlers are also idempotent by business
identity (an order accepted again, a shipment reported twice change nothing), and a message about
an order this store does not know changes nothing either.

Facts come on four topics, each ordered only within itself. A fact that needs one from another
topic not read yet (a delivery before its dispatch) raises NotYet and waits, parked, for the order
to change; one the order can never follow is refused (InvalidMessage, a dead letter).
"""

from __future__ import annotations

from collections.abc import Mapping

from google.protobuf.message import Message

from oms.fulfillment.v1.fulfillment_events_pb2 import ShipmentCancelled, ShipmentCreated, ShipmentDispatched
from oms.intake.v1.intake_events_pb2 import ChannelOrderUpdateApplied, OrderAccepted
from oms.inventory.v1.reservation_events_pb2 import ReservationFailed, ReservationMade
from oms.tracking.v1.tracking_events_pb2 import ShipmentDelivered
from oms_platform.contract_values import datetime_from_contract
from oms_platform.identity import reservation_id_for, shipment_id_for
from oms_platform.logging import get_logger
from oms_platform.messaging.consumer import Handler, Inbound, InvalidMessage, NotYet
from services.order.adapters import translation
from services.order.application.channel_updates import apply_channel_update
from services.order.application.service import OrderApplication
from services.order.domain.order import (
    DispatchNotYetKnown,
    Order,
    ReservationState,
    ShipmentNotDispatched,
    UnknownShipment,
)
from services.order.domain.status import IllegalTransition
from services.order.domain.values import WarehouseAllocation

log = get_logger(__name__)

# A downstream fact the order cannot follow: kept as a dead letter for staff, not dropped.
UNFOLLOWABLE = (IllegalTransition, UnknownShipment, ShipmentNotDispatched)


def known_order(app: OrderApplication, order_id: str) -> Order | None:
    order = app.find_order(order_id)
    if order is None:
        log.info("message about an order this store does not know; nothing to do", order_id=order_id)
    return order


def place_order(app: OrderApplication, message: OrderAccepted, inbound: Inbound) -> list[Order]:
    if app.find_order(message.order_id) is not None:
        return []  # accepted again: it is already placed
    try:
        facts = translation.accepted_order(message)
        order_id = str(Order.create_id(message.order_id))
    except ValueError as unusable:
        raise InvalidMessage(f"order {message.order_id!r}: {unusable}") from None
    order = Order(order_id=order_id, reservation_id=reservation_id_for(order_id), **facts)
    order.advance(app.review_policy)
    return [order]


def allocate_stock(app: OrderApplication, message: ReservationMade, inbound: Inbound) -> list[Order]:
    order = known_order(app, message.order_id)
    if order is None or order.reservation_state == ReservationState.MADE or order.cancellation_reason:
        # Already allocated, or cancelled: the ReleaseReservation sent on cancelling follows the
        # ReserveStock on the same key, so inventory gives that stock back.
        return []
    allocations = tuple(
        WarehouseAllocation(a.warehouse_id, shipment_id_for(order.order_id, a.warehouse_id),
                            tuple(translation.line_quantity(line) for line in a.lines))
        for a in message.allocations
    )
    return _following(order, lambda: order.allocate(allocations))


def backorder(app: OrderApplication, message: ReservationFailed, inbound: Inbound) -> list[Order]:
    order = known_order(app, message.order_id)
    if order is None or order.reservation_state != ReservationState.REQUESTED or order.cancellation_reason:
        return []
    missing, detail = translation.shortfalls(message)
    return _following(order, lambda: order.backorder(missing, detail))


def note_shipment_created(app: OrderApplication, message: ShipmentCreated, inbound: Inbound) -> list[Order]:
    order = known_order(app, message.order_id)
    if order is None:
        return []
    return _following(order, lambda: order.note_shipment_created(message.shipment_id))


def dispatch_shipment(app: OrderApplication, message: ShipmentDispatched, inbound: Inbound) -> list[Order]:
    order = known_order(app, message.order_id)
    if order is None:
        return []
    return _following(order, lambda: order.dispatch(translation.dispatch(message)))


def note_shipment_cancelled(app: OrderApplication, message: ShipmentCancelled, inbound: Inbound) -> list[Order]:
    order = known_order(app, message.order_id)
    if order is None:
        return []
    order.note_shipment_cancelled(message.shipment_id)
    return [order]


def deliver_shipment(app: OrderApplication, message: ShipmentDelivered, inbound: Inbound) -> list[Order]:
    order = known_order(app, message.order_id)
    if order is None:
        return []
    delivered_at = datetime_from_contract(message.delivered_at)
    return _following(order, lambda: order.note_delivery(message.shipment_id, delivered_at))


def _following(order: Order, step) -> list[Order]:
    try:
        step()
    except DispatchNotYetKnown as early:
        raise NotYet(f"order {order.order_id} waits: {early}", waiting_for=order.id) from None
    except UNFOLLOWABLE as error:
        raise InvalidMessage(f"order {order.order_id} cannot follow: {error}") from None
    return [order]


def channel_update(app: OrderApplication, message: ChannelOrderUpdateApplied, inbound: Inbound) -> list[Order]:
    order = known_order(app, message.order_id)
    if order is None:
        return []
    apply_channel_update(order, message, app.review_policy)
    return [order]


# Each handler takes its own message class (a pairing the type checker cannot express).
HANDLERS: Mapping[type[Message], Handler] = {
    OrderAccepted: place_order,
    ChannelOrderUpdateApplied: channel_update,
    ReservationMade: allocate_stock,
    ReservationFailed: backorder,
    ShipmentCreated: note_shipment_created,
    ShipmentDispatched: dispatch_shipment,
    ShipmentCancelled: note_shipment_cancelled,
    ShipmentDelivered: deliver_shipment,
}
