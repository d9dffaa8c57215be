"""The order service's CreateShipments command as the shipment plans the domain works with."""

from __future__ import annotations

import uuid

from oms.fulfillment.v1 import fulfillment_commands_pb2
from oms_platform.contract_values import datetime_from_contract, money_from_contract
from oms_platform.identity import shipment_id_for
from services.fulfillment.adapters.contract_values import address_from_contract, service_level_from_contract
from services.fulfillment.domain.values import ShipmentLine, ShipmentPlan


class MalformedCommand(ValueError):
    """A command whose identities cannot be used (not a UUID, one shipment id twice)."""


def planned_shipments(command: fulfillment_commands_pb2.CreateShipments) -> list[tuple[str, ShipmentPlan]]:
    """(shipment id, plan) per planned shipment; a missing shipment id is derived like the order
    service derives it, so the same allocation always yields the same shipment."""
    _canonical_uuid("order_id", command.order_id)
    if not command.shipments:
        raise MalformedCommand(f"order {command.order_id} plans no shipments")
    promised_by = datetime_from_contract(command.promised_by)
    cash_on_delivery = money_from_contract(command.cash_on_delivery_amount)
    plans = []
    for planned in command.shipments:
        shipment_id = _canonical_uuid(
            "shipment_id", planned.shipment_id or shipment_id_for(command.order_id, planned.warehouse_id)
        )
        plans.append((shipment_id, ShipmentPlan(
            order_id=command.order_id,
            order_number=command.order_number,
            reservation_id=command.reservation_id,
            warehouse_id=planned.warehouse_id,
            lines=tuple(ShipmentLine(line.line_id, line.sku, line.name, line.quantity) for line in planned.lines),
            destination=address_from_contract(command.destination),
            priority=command.priority,
            service_level=service_level_from_contract(command.requested_service_level),
            promised_by=promised_by,
            cash_on_delivery=cash_on_delivery,
        )))
    ids = [shipment_id for shipment_id, _ in plans]
    if len(set(ids)) != len(ids):
        raise MalformedCommand(f"order {command.order_id} plans one shipment id twice (one warehouse twice?)")
    return plans


def _canonical_uuid(field: str, value: str) -> str:
    """The id as lower-case text, the way events name it whatever case the command used."""
    try:
        return str(uuid.UUID(value))
    except ValueError:
        raise MalformedCommand(f"{field} {value!r} is not a UUID") from None
