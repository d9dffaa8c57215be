"""The process manager: what the order does when intake, inventory, fulfillment or tracking speak.

Each handler takes the command the Kafka edge (entrypoints/kafka.py) translated a message into,
domain values only, and returns the orders it changed; the runtime records them together with the
upstream position, so a message delivered twice takes effect once. Handlers are also idempotent by
business identity (an order accepted again, a shipment reported twice change nothing), and a
message about an order this store does not know changes nothing either.

Facts come on four topics, each ordered only within itself. A fact that needs one from another
topic not read yet (a delivery before its dispatch) raises NotYet and waits, parked, for the order
to change; one the order can never follow is refused (InvalidMessage, a dead letter).
"""

from __future__ import annotations

from collections.abc import Callable

from oms_platform.identity import reservation_id_for, shipment_id_for
from oms_platform.logging import get_logger
from oms_platform.messaging.consumer import InvalidMessage, NotYet
from services.order.application.channel_updates import apply_channel_update
from services.order.application.commands import (
    AllocateStock,
    ApplyChannelUpdate,
    Backorder,
    DeliverShipment,
    DispatchShipment,
    NoteShipmentCancelled,
    NoteShipmentCreated,
    PlaceOrder,
)
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


def place_order(app: OrderApplication, command: PlaceOrder) -> list[Order]:
    if app.find_order(command.order_id) is not None:
        return []  # accepted again: it is already placed
    order = Order(
        order_id=command.order_id, order_number=command.order_number,
        reservation_id=reservation_id_for(command.order_id), placement=command.placement,
        contact=command.contact, shipping_address=command.shipping_address,
        billing_address=command.billing_address, lines=command.lines, totals=command.totals,
        payment=command.payment,
    )
    order.advance(app.review_policy)
    return [order]


def allocate_stock(app: OrderApplication, command: AllocateStock) -> list[Order]:
    order = known_order(app, command.order_id)
    if order is None or order.reservation_state == ReservationState.MADE or order.cancellation_reason:
        # Already allocated, or cancelled: the ReleaseReservation sent on cancelling follows the
        # ReserveStock on the same key, so inventory gives that stock back.
        return []
    allocations = tuple(
        WarehouseAllocation(r.warehouse_id, shipment_id_for(order.order_id, r.warehouse_id), r.lines)
        for r in command.reserved
    )
    return _following(order, lambda: order.allocate(allocations))


def backorder(app: OrderApplication, command: Backorder) -> list[Order]:
    order = known_order(app, command.order_id)
    if order is None or order.reservation_state != ReservationState.REQUESTED or order.cancellation_reason:
        return []
    return _following(order, lambda: order.backorder(command.missing, command.detail))


def note_shipment_created(app: OrderApplication, command: NoteShipmentCreated) -> list[Order]:
    order = known_order(app, command.order_id)
    if order is None:
        return []
    return _following(order, lambda: order.note_shipment_created(command.shipment_id))


def dispatch_shipment(app: OrderApplication, command: DispatchShipment) -> list[Order]:
    order = known_order(app, command.order_id)
    if order is None:
        return []
    return _following(order, lambda: order.dispatch(command.dispatch))


def note_shipment_cancelled(app: OrderApplication, command: NoteShipmentCancelled) -> list[Order]:
    order = known_order(app, command.order_id)
    if order is None:
        return []
    order.note_shipment_cancelled(command.shipment_id)
    return [order]


def deliver_shipment(app: OrderApplication, command: DeliverShipment) -> list[Order]:
    order = known_order(app, command.order_id)
    if order is None:
        return []
    return _following(order, lambda: order.note_delivery(command.shipment_id, command.delivered_at))


def channel_update(app: OrderApplication, command: ApplyChannelUpdate) -> list[Order]:
    order = known_order(app, command.order_id)
    if order is None:
        return []
    apply_channel_update(order, command, app.review_policy)
    return [order]


def _following(order: Order, step: Callable[[], None]) -> list[Order]:
    try:
        step()
    except DispatchNotYetKnown as early:
        raise NotYet(f"order {order.order_id} waits: {early}", waiting_for=order.id) from None
    except UNFOLLOWABLE as error:
        raise InvalidMessage(f"order {order.order_id} cannot follow: {error}") from None
    return [order]
