"""Contract value types <-> the fulfillment domain's value objects.

Amounts and instants convert with the platform's shared `oms_platform.contract_values`; what is
here is the fulfillment's own: its values, and the service level an order gets by default.
"""

from __future__ import annotations

from typing import cast

from oms.common.v1 import actor_pb2, address_pb2, line_quantity_pb2
from oms.fulfillment.v1 import fulfillment_pb2
from oms_platform.contract_values import enum_from_contract, enum_to_contract
from services.fulfillment.domain.values import Address, LineQuantity, ServiceLevel, ShipmentLine


def service_level_from_contract(number: int) -> ServiceLevel:
    """The requested speed; an order that asks for none, or for one this service does not know,
    gets the default one (the service's own rule, not the shared one, which refuses the latter)."""
    try:
        return enum_from_contract(ServiceLevel, fulfillment_pb2.ServiceLevel, number) or ServiceLevel.STANDARD
    except ValueError:
        return ServiceLevel.STANDARD


def service_level_to_contract(level: ServiceLevel) -> fulfillment_pb2.ServiceLevel:
    # The number of the generated enum (its stubs type the messages' fields as the enum, not int).
    return cast(fulfillment_pb2.ServiceLevel, enum_to_contract(fulfillment_pb2.ServiceLevel, level))


def address_from_contract(message: address_pb2.Address) -> Address:
    return Address(
        recipient_name=message.recipient_name,
        phone=message.phone,
        country_code=message.country_code,
        province=message.province,
        city=message.city,
        district=message.district,
        street_lines=tuple(message.street_lines),
        postcode=message.postcode,
    )


def address_to_contract(address: Address) -> address_pb2.Address:
    return address_pb2.Address(
        recipient_name=address.recipient_name,
        phone=address.phone,
        country_code=address.country_code,
        province=address.province,
        city=address.city,
        district=address.district,
        street_lines=list(address.street_lines),
        postcode=address.postcode,
    )


def shipment_line_to_contract(line: ShipmentLine) -> fulfillment_pb2.ShipmentLine:
    return fulfillment_pb2.ShipmentLine(line_id=line.line_id, sku=line.sku, name=line.name, quantity=line.quantity)


def line_quantity_to_contract(line: LineQuantity) -> line_quantity_pb2.LineQuantity:
    return line_quantity_pb2.LineQuantity(line_id=line.line_id, sku=line.sku, quantity=line.quantity)


def warehouse_actor(actor_id: str) -> actor_pb2.Actor:
    """Operators' commands reach fulfillment from warehouse staff (the X-Actor of the request)."""
    return actor_pb2.Actor(actor_id=actor_id, role=actor_pb2.ACTOR_ROLE_WAREHOUSE)

