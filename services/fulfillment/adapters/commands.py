"""The order service's commands (oms.fulfillment.v1) as the application's commands.

Contract values become domain values here; what cannot be used (an id that is not a UUID, one
shipment id twice, an amount without a currency) raises a ValueError naming the problem, which the
Kafka entrypoint turns into a dead letter. Whether a plan makes a shipment is the domain's call.
"""

from __future__ import annotations

import uuid

from oms.fulfillment.v1 import fulfillment_commands_pb2
from oms_platform.contract_values import datetime_from_contract, money_from_contract
from oms_platform.identity import shipment_id_for
from services.fulfillment.adapters.contract_values import address_from_contract, service_level_from_contract
from services.fulfillment.application.commands import CancelShipment, CreateShipments, ShipmentToCreate
from services.fulfillment.domain.values import ShipmentLine, ShipmentPlan


class MalformedCommand(ValueError):
    """A command whose identities cannot be used (not a UUID, one shipment id twice)."""


def create_shipments(message: fulfillment_commands_pb2.CreateShipments) -> CreateShipments:
    """A shipment to create per planned shipment; a missing shipment id is derived like the order
    service derives it, so the same allocation always yields the same shipment."""
    _canonical_uuid("order_id", message.order_id)
    if not message.shipments:
        raise MalformedCommand(f"order {message.order_id} plans no shipments")
    promised_by = datetime_from_contract(message.promised_by)
    cash_on_delivery = money_from_contract(message.cash_on_delivery_amount)
    shipments = []
    for planned in message.shipments:
        shipment_id = _canonical_uuid(
            "shipment_id", planned.shipment_id or shipment_id_for(message.order_id, planned.warehouse_id)
        )
        shipments.append(ShipmentToCreate(shipment_id, ShipmentPlan(
            order_id=message.order_id,
            order_number=message.order_number,
            reservation_id=message.reservation_id,
            warehouse_id=planned.warehouse_id,
            lines=tuple(ShipmentLine(line.line_id, line.sku, line.name, line.quantity) for line in planned.lines),
            destination=address_from_contract(message.destination),
            priority=message.priority,
            service_level=service_level_from_contract(message.requested_service_level),
            promised_by=promised_by,
            cash_on_delivery=cash_on_delivery,
        )))
    ids = [shipment.shipment_id for shipment in shipments]
    if len(set(ids)) != len(ids):
        raise MalformedCommand(f"order {message.order_id} plans one shipment id twice (one warehouse twice?)")
    return CreateShipments(order_id=message.order_id, shipments=tuple(shipments))


def cancel_shipment(message: fulfillment_commands_pb2.CancelShipment) -> CancelShipment:
    # The ids are looked up as they are: an unknown or malformed one is "no such shipment".
    return CancelShipment(shipment_id=message.shipment_id, order_id=message.order_id, reason=message.reason)


def _canonical_uuid(field: str, value: str) -> str:
    """The id as lower-case text, the way events name it whatever case the command used."""
    try:
        return str(uuid.UUID(value))
    except ValueError:
        raise MalformedCommand(f"{field} {value!r} is not a UUID") from None
