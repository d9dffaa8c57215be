"""Contract value types <-> the fulfillment domain's value objects."""

from __future__ import annotations

from datetime import datetime

from google.protobuf.timestamp_pb2 import Timestamp

from oms.common.v1 import actor_pb2, address_pb2, line_quantity_pb2, money_pb2
from oms.fulfillment.v1 import fulfillment_pb2
from services.fulfillment.domain.values import Address, LineQuantity, Money, ServiceLevel, ShipmentLine

_SERVICE_LEVEL_NUMBERS: dict[ServiceLevel, fulfillment_pb2.ServiceLevel] = {
    ServiceLevel.ECONOMY: fulfillment_pb2.SERVICE_LEVEL_ECONOMY,
    ServiceLevel.STANDARD: fulfillment_pb2.SERVICE_LEVEL_STANDARD,
    ServiceLevel.EXPRESS: fulfillment_pb2.SERVICE_LEVEL_EXPRESS,
    ServiceLevel.NEXT_DAY: fulfillment_pb2.SERVICE_LEVEL_NEXT_DAY,
    ServiceLevel.SAME_DAY: fulfillment_pb2.SERVICE_LEVEL_SAME_DAY,
    ServiceLevel.FREIGHT: fulfillment_pb2.SERVICE_LEVEL_FREIGHT,
}
_SERVICE_LEVELS: dict[int, ServiceLevel] = {number: level for level, number in _SERVICE_LEVEL_NUMBERS.items()}


def service_level_from_contract(number: int) -> ServiceLevel:
    # An order that asks for no particular speed gets the default one.
    return _SERVICE_LEVELS.get(number, ServiceLevel.STANDARD)


def service_level_to_contract(level: ServiceLevel) -> fulfillment_pb2.ServiceLevel:
    return _SERVICE_LEVEL_NUMBERS[level]


def money_from_contract(message: money_pb2.Money) -> Money | None:
    if not message.currency_code and not message.minor_units:
        return None
    return Money(message.currency_code, message.minor_units)


def money_to_contract(money: Money | None) -> money_pb2.Money | None:
    return money_pb2.Money(currency_code=money.currency, minor_units=money.minor_units) if money else None


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


def timestamp(moment: datetime | None) -> Timestamp | None:
    if moment is None:
        return None
    stamp = Timestamp()
    stamp.FromDatetime(moment)
    return stamp
