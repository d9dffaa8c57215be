"""The commands the order, as process manager, sends to inventory and fulfillment.

Each is the consequence of one recorded fact, so it is sent exactly when the fact is published,
and never without it.
"""

from __future__ import annotations

from typing import Any

from oms.fulfillment.v1 import fulfillment_commands_pb2 as fulfil
from oms.fulfillment.v1 import fulfillment_pb2
from oms.inventory.v1 import inventory_commands_pb2 as stock
from oms.inventory.v1 import inventory_pb2
from oms.order.v1.order_pb2 import OrderPriority
from oms_platform.contract_values import money_to_contract, timestamp_to_contract
from services.order.adapters import translation as t
from services.order.domain.order import Order
from services.order.domain.requests import ShipmentRequest, StockRequest

INVENTORY_COMMANDS = "oms.inventory.commands.v1"
FULFILLMENT_COMMANDS = "oms.fulfillment.commands.v1"


def _priority(name: str) -> int:
    return t.enum_number(OrderPriority, "ORDER_PRIORITY_", name)


def reserve_stock(order_id: str, request: StockRequest) -> stock.ReserveStock:
    return stock.ReserveStock(
        reservation_id=request.reservation_id, order_id=order_id,
        lines=[t.line_quantity_message(line) for line in request.lines],
        destination=t.address_message(request.destination),
        # One warehouse per order is not required; a missing item fails instead of waiting.
        warehouse_preference=inventory_pb2.WarehousePreference(allow_split=True, allow_backorder=False),
        priority=_priority(request.priority),
    )


def create_shipments(order_id: str, request: ShipmentRequest) -> fulfil.CreateShipments:
    shipments = [fulfillment_pb2.PlannedShipment(
        shipment_id=plan.shipment_id, warehouse_id=plan.warehouse_id,
        lines=[fulfillment_pb2.ShipmentLine(line_id=line.line_id, sku=line.sku, name=line.name,
                                            quantity=line.quantity) for line in plan.lines],
    ) for plan in request.shipments]
    level = fulfillment_pb2.SERVICE_LEVEL_EXPRESS if request.express else fulfillment_pb2.SERVICE_LEVEL_STANDARD
    return fulfil.CreateShipments(
        order_id=order_id, order_number=request.order_number, reservation_id=request.reservation_id,
        shipments=shipments, destination=t.address_message(request.destination),
        recipient=t.contact_message(request.recipient), priority=_priority(request.priority),
        requested_service_level=level, promised_by=timestamp_to_contract(request.promised_by),
        declared_value=money_to_contract(request.declared_value),
        cash_on_delivery_amount=money_to_contract(request.cash_on_delivery_amount),
    )


def consume_reservation(order_id: str, e: Any) -> stock.ConsumeReservation:
    return stock.ConsumeReservation(
        reservation_id=e.reservation_id, order_id=order_id, shipment_id=e.dispatch.shipment_id,
        warehouse_id=e.dispatch.warehouse_id, lines=[t.line_quantity_message(q) for q in e.dispatch.lines],
    )


def release_reservation(order_id: str, e: Any) -> stock.ReleaseReservation:
    # No lines: everything still reserved for the order goes back.
    return stock.ReleaseReservation(reservation_id=e.released_reservation_id, order_id=order_id,
                                    reason=inventory_pb2.RELEASE_REASON_ORDER_CANCELLED)


def cancel_shipment(order_id: str, e: Any) -> fulfil.CancelShipment:
    return fulfil.CancelShipment(shipment_id=e.shipment_id, order_id=order_id, reason=e.reason)


def command(domain_event: Any) -> tuple[str, Any] | None:
    """The topic and command a fact sends, or None."""
    order_id = str(domain_event.originator_id)
    match domain_event:
        case Order.Approved() | Order.Released() if domain_event.stock_request is not None:
            return INVENTORY_COMMANDS, reserve_stock(order_id, domain_event.stock_request)
        case Order.Allocated():
            return FULFILLMENT_COMMANDS, create_shipments(order_id, domain_event.shipment_request)
        case Order.PartlyShipped() | Order.Shipped():
            return INVENTORY_COMMANDS, consume_reservation(order_id, domain_event)
        case Order.Cancelled() if domain_event.released_reservation_id:
            return INVENTORY_COMMANDS, release_reservation(order_id, domain_event)
        case Order.ShipmentCancellationRequested():
            return FULFILLMENT_COMMANDS, cancel_shipment(order_id, domain_event)
    return None
