"""Fulfillment's Kafka entrypoint: the order service's commands on oms.fulfillment.commands.v1.

Each contract message is translated at this edge into an application command (a ValueError while
translating dead-letters the message with its reason), which the application's handler carries
out. Protobuf goes no further than this module and the adapters it uses.
"""

from __future__ import annotations

from collections.abc import Mapping

from google.protobuf.message import Message

from oms.fulfillment.v1 import fulfillment_commands_pb2
from oms_platform.messaging.consumer import Handler, Inbound, translated
from services.fulfillment.adapters import commands as contract_commands
from services.fulfillment.application import commands, handlers


def create_shipments(message: fulfillment_commands_pb2.CreateShipments, inbound: Inbound) -> commands.CreateShipments:
    return contract_commands.create_shipments(message)


def cancel_shipment(message: fulfillment_commands_pb2.CancelShipment, inbound: Inbound) -> commands.CancelShipment:
    return contract_commands.cancel_shipment(message)


HANDLERS: Mapping[type[Message], Handler] = {
    fulfillment_commands_pb2.CreateShipments: translated(create_shipments, handlers.create_shipments),
    fulfillment_commands_pb2.CancelShipment: translated(cancel_shipment, handlers.cancel_shipment),
}
