"""Commands of oms.inventory.commands.v1 -> domain requests; content that cannot be accepted is refused."""

from __future__ import annotations

import uuid

from oms.inventory.v1 import inventory_commands_pb2 as commands
from oms.inventory.v1.inventory_pb2 import ReleaseReason
from oms_platform.messaging.consumer import InvalidMessage
from services.inventory.adapters.contract_values import code_from_contract, requested_lines
from services.inventory.application.commands import ReservationRequest
from services.inventory.domain.sourcing import Destination, Preference, RequestedLine


def reservation_request(message: commands.ReserveStock) -> ReservationRequest:
    _check_ids(message.reservation_id, message.order_id)
    if not message.lines:
        raise InvalidMessage("ReserveStock has no lines")
    lines = requested_lines(message.lines)
    _check_lines(lines)
    if len({line.line_id for line in lines}) != len(lines):
        raise InvalidMessage("ReserveStock names a line_id twice")
    return ReservationRequest(
        reservation_id=message.reservation_id,
        order_id=message.order_id,
        split_part_id=message.split_part_id,
        lines=lines,
        destination=Destination(message.destination.country_code, message.destination.province),
        preference=_preference(message),
    )


def release_reason(message: commands.ReleaseReservation) -> str:
    return code_from_contract(ReleaseReason, message.reason)


def released_lines(message: commands.ReleaseReservation) -> tuple[RequestedLine, ...]:
    _check_ids(message.reservation_id, message.order_id)
    lines = requested_lines(message.lines)
    _check_lines(lines)
    return lines


def consumed_lines(message: commands.ConsumeReservation) -> tuple[RequestedLine, ...]:
    _check_ids(message.reservation_id, message.order_id)
    if not message.shipment_id or not message.warehouse_id:
        raise InvalidMessage("ConsumeReservation needs shipment_id and warehouse_id")
    lines = requested_lines(message.lines)
    _check_lines(lines)
    return lines


def _preference(message: commands.ReserveStock) -> Preference:
    if not message.HasField("warehouse_preference"):
        return Preference()
    given = message.warehouse_preference
    # A sender that states a preference states allow_split too (proto3 cannot tell unset from false).
    return Preference(tuple(given.preferred_warehouse_ids), frozenset(given.excluded_warehouse_ids),
                      allow_split=given.allow_split)


def _check_ids(reservation_id: str, order_id: str) -> None:
    try:
        uuid.UUID(reservation_id)
    except ValueError:
        raise InvalidMessage(f"reservation_id {reservation_id!r} is not a UUID") from None
    if not order_id:
        raise InvalidMessage("order_id is empty")


def _check_lines(lines: tuple[RequestedLine, ...]) -> None:
    for line in lines:
        if not line.line_id or not line.sku:
            raise InvalidMessage("every line needs a line_id and a sku")
        if line.quantity <= 0:
            raise InvalidMessage(f"line {line.line_id!r}: quantity {line.quantity} is not greater than 0")
