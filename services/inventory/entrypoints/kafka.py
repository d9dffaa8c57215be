"""The Kafka entrypoint: each command of oms.inventory.commands.v1, translated at the edge
(`adapters/commands.py`), then handled by the application (`application/handlers.py`)."""

from __future__ import annotations

from collections.abc import Mapping

from google.protobuf.message import Message

from oms.inventory.v1.inventory_commands_pb2 import ConsumeReservation, ReleaseReservation, ReserveStock
from oms_platform.messaging.consumer import Handler, translated
from services.inventory.adapters.commands import consumption_request, release_request, reservation_request
from services.inventory.application import handlers

HANDLERS: Mapping[type[Message], Handler] = {
    ReserveStock: translated(reservation_request, handlers.reserve_stock),
    ReleaseReservation: translated(release_request, handlers.release_reservation),
    ConsumeReservation: translated(consumption_request, handlers.consume_reservation),
}
