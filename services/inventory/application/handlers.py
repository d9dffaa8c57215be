"""What inventory does with each command of oms.inventory.commands.v1, in domain terms.

Each handler takes the application and a command translated at the Kafka edge
(`entrypoints/kafka.py`) and returns the aggregates to record; the runtime records them together
with the message's position, so a reservation and every stock item it touches commit as one, or
not at all. A command the reservation cannot take is refused as an invalid message (dead letter).
"""

from __future__ import annotations

from typing import Any

from oms_platform.messaging.consumer import InvalidMessage
from services.inventory.application.commands import ConsumptionRequest, ReleaseRequest, ReservationRequest
from services.inventory.application.service import InventoryApplication
from services.inventory.domain.errors import ReservationMismatch, ReservationNotFound


def reserve_stock(app: InventoryApplication, request: ReservationRequest) -> list[Any]:
    return app.reserve_stock(request)


def release_reservation(app: InventoryApplication, request: ReleaseRequest) -> list[Any]:
    try:
        return app.release_reservation(request.reservation_id, request.reason, request.lines)
    except ReservationMismatch as mismatch:
        raise InvalidMessage(str(mismatch)) from None


def consume_reservation(app: InventoryApplication, request: ConsumptionRequest) -> list[Any]:
    try:
        return app.consume_reservation(request.reservation_id, request.shipment_id, request.warehouse_id,
                                       request.lines)
    except (ReservationMismatch, ReservationNotFound) as refused:
        # The order service believes stock is reserved that is not: staff must see it, not lose it.
        raise InvalidMessage(str(refused)) from None
