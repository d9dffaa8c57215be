"""What inventory does with each command of oms.inventory.commands.v1.

Each handler returns the aggregates to record; the runtime records them together with the
command's position, so a reservation and every stock item it touches commit as one, or not at all.
"""

from __future__ import annotations

from typing import Any

from oms.inventory.v1.inventory_commands_pb2 import ConsumeReservation, ReleaseReservation, ReserveStock
from oms_platform.messaging.consumer import Inbound, InvalidMessage
from services.inventory.adapters.commands import (
    consumed_lines,
    release_reason,
    released_lines,
    reservation_request,
)
from services.inventory.application.service import InventoryApplication
from services.inventory.domain.errors import ReservationMismatch, ReservationNotFound


def reserve_stock(app: InventoryApplication, message: ReserveStock, inbound: Inbound) -> list[Any]:
    return app.reserve_stock(reservation_request(message))


def release_reservation(app: InventoryApplication, message: ReleaseReservation, inbound: Inbound) -> list[Any]:
    lines = released_lines(message)
    try:
        return app.release_reservation(message.reservation_id, release_reason(message), lines)
    except ReservationMismatch as mismatch:
        raise InvalidMessage(str(mismatch)) from None


def consume_reservation(app: InventoryApplication, message: ConsumeReservation, inbound: Inbound) -> list[Any]:
    lines = consumed_lines(message)
    try:
        return app.consume_reservation(message.reservation_id, message.shipment_id, message.warehouse_id, lines)
    except (ReservationMismatch, ReservationNotFound) as refused:
        # The order service believes stock is reserved that is not: staff must see it, not lose it.
        raise InvalidMessage(str(refused)) from None


HANDLERS = {
    ReserveStock: reserve_stock,
    ReleaseReservation: release_reservation,
    ConsumeReservation: consume_reservation,
}
