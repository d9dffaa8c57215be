"""What fulfillment does with the order service's commands on oms.fulfillment.commands.v1."""

from __future__ import annotations

from collections.abc import Mapping

from google.protobuf.message import Message

from oms.fulfillment.v1.fulfillment_commands_pb2 import CancelShipment, CreateShipments
from oms_kernel.money import InvalidAmount
from oms_platform.logging import get_logger
from oms_platform.messaging.consumer import Handler, Inbound, InvalidMessage
from services.fulfillment.adapters.commands import MalformedCommand, planned_shipments
from services.fulfillment.application.service import FulfillmentApplication
from services.fulfillment.domain.errors import InvalidShipmentPlan, ShipmentStateConflict
from services.fulfillment.domain.shipment import Shipment, create_shipment

log = get_logger(__name__)


def create_shipments(app: FulfillmentApplication, command: CreateShipments, inbound: Inbound) -> list[Shipment]:
    """One shipment per planned shipment, each with its pick list."""
    try:
        plans = planned_shipments(command)
        # The same command again (a retry of the order service) finds its shipments and adds nothing.
        return [create_shipment(shipment_id, plan) for shipment_id, plan in plans
                if app.find_shipment(shipment_id) is None]
    except (MalformedCommand, InvalidAmount, InvalidShipmentPlan) as error:
        raise InvalidMessage(str(error)) from None


def cancel_shipment(app: FulfillmentApplication, command: CancelShipment, inbound: Inbound) -> list[Shipment]:
    shipment = app.find_shipment(command.shipment_id)
    if shipment is None or (command.order_id and command.order_id != shipment.plan.order_id):
        raise InvalidMessage(f"order {command.order_id!r} has no shipment {command.shipment_id!r}")
    try:
        shipment.cancel(command.reason)
    except ShipmentStateConflict as refusal:
        # The order crossed the shipment in flight: the order service sent the cancellation before
        # it learnt of the dispatch, and learns it from ShipmentDispatched. A dead letter would only
        # invite a redrive that can never succeed, so the command is acknowledged and logged.
        log.warning("cancellation refused", reason=str(refusal), shipment_id=shipment.shipment_id,
                    order_id=shipment.plan.order_id)
        return []
    return [shipment]


# Each handler takes its own message class (a pairing the type checker cannot express).
HANDLERS: Mapping[type[Message], Handler] = {
    CreateShipments: create_shipments,
    CancelShipment: cancel_shipment,
}
