"""Shipments and commands as the order service would send them, with sensible defaults."""

from __future__ import annotations

import uuid
from dataclasses import replace

from oms.common.v1.address_pb2 import Address as AddressMessage
from oms.fulfillment.v1 import fulfillment_commands_pb2, fulfillment_pb2
from oms_platform.identity import shipment_id_for
from services.fulfillment.domain.values import Address, ServiceLevel, ShipmentLine, ShipmentPlan

HANGZHOU = Address("Li Lei", "+8613800138000", "CN", "Zhejiang", "Hangzhou", "Xihu", ("1 Wensan Road",), "310000")


def a_plan(**changes: object) -> ShipmentPlan:
    plan = ShipmentPlan(
        order_id=str(uuid.uuid4()),
        order_number="SO-0001",
        reservation_id=str(uuid.uuid4()),
        warehouse_id="WH-HANGZHOU",
        lines=(ShipmentLine("line-2", "SKU-TEA", "Longjing tea", 2), ShipmentLine("line-1", "SKU-CUP", "Tea cup", 1)),
        destination=HANGZHOU,
        priority=2,
        service_level=ServiceLevel.STANDARD,
        promised_by=None,
        cash_on_delivery=None,
    )
    return replace(plan, **changes)


def planned(order_id: str, warehouse_id: str, *lines: tuple[str, str, int],
            shipment_id: str | None = None) -> fulfillment_pb2.PlannedShipment:
    return fulfillment_pb2.PlannedShipment(
        shipment_id=shipment_id if shipment_id is not None else shipment_id_for(order_id, warehouse_id),
        warehouse_id=warehouse_id,
        lines=[fulfillment_pb2.ShipmentLine(line_id=line_id, sku=sku, name=sku.title(), quantity=quantity)
               for line_id, sku, quantity in lines],
    )


def create_shipments(order_id: str, *shipments: fulfillment_pb2.PlannedShipment,
                     priority: int = 2) -> fulfillment_commands_pb2.CreateShipments:
    return fulfillment_commands_pb2.CreateShipments(
        order_id=order_id,
        order_number="SO-0001",
        reservation_id=str(uuid.uuid4()),
        shipments=list(shipments),
        destination=AddressMessage(recipient_name="Li Lei", phone="+8613800138000", country_code="CN",
                                   province="Zhejiang", city="Hangzhou", district="Xihu",
                                   street_lines=["1 Wensan Road"], postcode="310000"),
        priority=priority,
        requested_service_level=fulfillment_pb2.SERVICE_LEVEL_STANDARD,
    )


def two_warehouse_order() -> tuple[str, fulfillment_commands_pb2.CreateShipments]:
    order_id = str(uuid.uuid4())
    command = create_shipments(
        order_id,
        planned(order_id, "WH-SHANGHAI", ("line-1", "SKU-TEA", 2), ("line-2", "SKU-CUP", 1)),
        planned(order_id, "WH-BEIJING", ("line-3", "SKU-POT", 1)),
    )
    return order_id, command
