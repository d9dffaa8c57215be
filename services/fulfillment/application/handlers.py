"""What fulfillment does with the order service's commands (translated at the Kafka edge).

Each handler takes the application and one command of `application/commands.py` and returns the
shipments to record; the runtime records them with the upstream position of the message.
"""

from __future__ import annotations

from oms_platform.logging import get_logger
from oms_platform.messaging.consumer import InvalidMessage
from services.fulfillment.application.commands import CancelShipment, CreateShipments
from services.fulfillment.application.service import FulfillmentApplication
from services.fulfillment.domain.errors import InvalidShipmentPlan, ShipmentStateConflict
from services.fulfillment.domain.shipment import Shipment, create_shipment

log = get_logger(__name__)


def create_shipments(app: FulfillmentApplication, command: CreateShipments) -> list[Shipment]:
    """One shipment per planned shipment, each with its pick list."""
    try:
        # The same command again (a retry of the order service) finds its shipments and adds nothing.
        return [create_shipment(planned.shipment_id, planned.plan) for planned in command.shipments
                if app.find_shipment(planned.shipment_id) is None]
    except InvalidShipmentPlan as error:
        raise InvalidMessage(str(error)) from None


def cancel_shipment(app: FulfillmentApplication, command: CancelShipment) -> list[Shipment]:
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
