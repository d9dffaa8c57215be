"""Commands of oms.inventory.commands.v1 -> the application's commands (the Kafka edge's translations).

Each `translate(message, inbound)` checks what the domain cannot take and raises ValueError naming
it; the consumer dead-letters that as an invalid message. Nothing here needs where the message
came from: inventory's commands carry everything the application uses.
"""

from __future__ import annotations

import uuid

from oms.inventory.v1 import inventory_commands_pb2 as commands
from oms.inventory.v1.inventory_pb2 import ReleaseReason
from oms_platform.messaging.consumer import Inbound
from services.inventory.adapters.contract_values import code_from_contract, requested_lines
from services.inventory.application.commands import ConsumptionRequest, ReleaseRequest, ReservationRequest
from services.inventory.domain.sourcing import Destination, Preference, RequestedLine


def reservation_request(message: commands.ReserveStock, inbound: Inbound) -> ReservationRequest:
    _check_ids(message.reservation_id, message.order_id)
    if not message.lines:
        raise ValueError("no lines")
    lines = requested_lines(message.lines)
    _check_lines(lines)
    if len({line.line_id for line in lines}) != len(lines):
        raise ValueError("a line_id is named twice")
    return ReservationRequest(
        reservation_id=message.reservation_id,
        order_id=message.order_id,
        split_part_id=message.split_part_id,
        lines=lines,
        destination=Destination(message.destination.country_code, message.destination.province),
        preference=_preference(message),
    )


def release_request(message: commands.ReleaseReservation, inbound: Inbound) -> ReleaseRequest:
    _check_ids(message.reservation_id, message.order_id)
    lines = requested_lines(message.lines)
    _check_lines(lines)
    # Any reason, even one this build does not know, releases: refusing would keep the stock reserved.
    return ReleaseRequest(message.reservation_id, code_from_contract(ReleaseReason, message.reason), lines)


def consumption_request(message: commands.ConsumeReservation, inbound: Inbound) -> ConsumptionRequest:
    _check_ids(message.reservation_id, message.order_id)
    if not message.shipment_id or not message.warehouse_id:
        raise ValueError("needs shipment_id and warehouse_id")
    lines = requested_lines(message.lines)
    _check_lines(lines)
    return ConsumptionRequest(message.reservation_id, message.shipment_id, message.warehouse_id, lines)


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
        raise ValueError(f"reservation_id {reservation_id!r} is not a UUID") from None
    if not order_id:
        raise ValueError("order_id is empty")


def _check_lines(lines: tuple[RequestedLine, ...]) -> None:
    for line in lines:
        if not line.line_id or not line.sku:
            raise ValueError("every line needs a line_id and a sku")
        if line.quantity <= 0:
            raise ValueError(f"line {line.line_id!r}: quantity {line.quantity} is not greater than 0")
