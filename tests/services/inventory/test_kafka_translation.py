"""The Kafka edge: each command of oms.inventory.commands.v1 becomes the application's command,
or an invalid message naming what is wrong with it."""

import uuid

import pytest

from oms.common.v1.address_pb2 import Address
from oms.common.v1.line_quantity_pb2 import LineQuantity
from oms.envelope.v1.envelope_pb2 import Envelope
from oms.inventory.v1 import inventory_pb2
from oms.inventory.v1.inventory_commands_pb2 import ConsumeReservation, ReleaseReservation, ReserveStock
from oms.inventory.v1.inventory_pb2 import WarehousePreference
from oms_platform.messaging.consumer import Inbound, InvalidMessage, translated
from services.inventory.adapters.commands import consumption_request, release_request, reservation_request
from services.inventory.application import handlers
from services.inventory.application.commands import ConsumptionRequest, ReleaseRequest, ReservationRequest
from services.inventory.domain.sourcing import Destination, Preference, RequestedLine
from services.inventory.entrypoints.kafka import HANDLERS

INBOUND = Inbound(Envelope(event_id="e-1"), "oms.inventory.commands.v1", 0, 7, "order-1")
RESERVATION_ID = str(uuid.uuid4())


def lines(*quantities: tuple[str, str, int]) -> list[LineQuantity]:
    return [LineQuantity(line_id=line_id, sku=sku, quantity=q) for line_id, sku, q in quantities]


def reserve(**changes) -> ReserveStock:
    values = dict(reservation_id=RESERVATION_ID, order_id="order-1", split_part_id="2",
                  lines=lines(("1", "TEA", 2), ("2", "CUP", 1)),
                  destination=Address(country_code="CN", province="浙江省", city="杭州市"))
    return ReserveStock(**{**values, **changes})


def test_every_consumed_command_is_a_translation_paired_with_its_handler():
    assert dict(HANDLERS) == {
        ReserveStock: translated(reservation_request, handlers.reserve_stock),
        ReleaseReservation: translated(release_request, handlers.release_reservation),
        ConsumeReservation: translated(consumption_request, handlers.consume_reservation),
    }


def test_reserve_stock_becomes_a_reservation_request():
    assert reservation_request(reserve(), INBOUND) == ReservationRequest(
        reservation_id=RESERVATION_ID, order_id="order-1", split_part_id="2",
        lines=(RequestedLine("1", "TEA", 2), RequestedLine("2", "CUP", 1)),
        destination=Destination("CN", "浙江省"), preference=Preference())


def test_a_stated_warehouse_preference_is_kept_with_its_allow_split():
    preference = WarehousePreference(preferred_warehouse_ids=["WH-GZ", "WH-SH"], excluded_warehouse_ids=["WH-BJ"])

    request = reservation_request(reserve(warehouse_preference=preference), INBOUND)

    assert request.preference == Preference(("WH-GZ", "WH-SH"), frozenset({"WH-BJ"}), allow_split=False)


def test_release_reservation_becomes_a_release_request_with_its_reason_code():
    message = ReleaseReservation(reservation_id=RESERVATION_ID, order_id="order-1",
                                 reason=inventory_pb2.RELEASE_REASON_ADDRESS_CHANGED, lines=lines(("1", "TEA", 1)))

    assert release_request(message, INBOUND) == ReleaseRequest(
        RESERVATION_ID, "address_changed", (RequestedLine("1", "TEA", 1),))


@pytest.mark.parametrize("reason", [0, 99])
def test_a_release_without_a_reason_this_build_knows_still_releases(reason):
    message = ReleaseReservation(reservation_id=RESERVATION_ID, order_id="order-1", reason=reason)

    assert release_request(message, INBOUND) == ReleaseRequest(RESERVATION_ID, "unspecified", ())


def test_consume_reservation_becomes_a_consumption_request():
    message = ConsumeReservation(reservation_id=RESERVATION_ID, order_id="order-1", shipment_id="s-1",
                                 warehouse_id="WH-SH", lines=lines(("1", "TEA", 2)))

    assert consumption_request(message, INBOUND) == ConsumptionRequest(
        RESERVATION_ID, "s-1", "WH-SH", (RequestedLine("1", "TEA", 2),))


def release(**changes) -> ReleaseReservation:
    return ReleaseReservation(**{"reservation_id": RESERVATION_ID, "order_id": "order-1", **changes})


def consume(**changes) -> ConsumeReservation:
    return ConsumeReservation(**{"reservation_id": RESERVATION_ID, "order_id": "order-1", "shipment_id": "s-1",
                                 "warehouse_id": "WH-SH", **changes})


@pytest.mark.parametrize("message, reason", [
    (reserve(reservation_id="r-1"), "ReserveStock: reservation_id 'r-1' is not a UUID"),
    (reserve(order_id=""), "ReserveStock: order_id is empty"),
    (reserve(lines=[]), "ReserveStock: no lines"),
    (reserve(lines=lines(("1", "TEA", 0))), "ReserveStock: line '1': quantity 0 is not greater than 0"),
    (reserve(lines=lines(("1", "", 1))), "ReserveStock: every line needs a line_id and a sku"),
    (reserve(lines=lines(("1", "TEA", 1), ("1", "CUP", 1))), "ReserveStock: a line_id is named twice"),
    (release(reservation_id=""), "ReleaseReservation: reservation_id '' is not a UUID"),
    (release(order_id=""), "ReleaseReservation: order_id is empty"),
    (release(lines=lines(("1", "TEA", -1))), "ReleaseReservation: line '1': quantity -1 is not greater than 0"),
    (consume(reservation_id="x"), "ConsumeReservation: reservation_id 'x' is not a UUID"),
    (consume(shipment_id=""), "ConsumeReservation: needs shipment_id and warehouse_id"),
    (consume(warehouse_id=""), "ConsumeReservation: needs shipment_id and warehouse_id"),
    (consume(lines=lines(("", "TEA", 1))), "ConsumeReservation: every line needs a line_id and a sku"),
])
def test_a_command_that_cannot_be_taken_is_an_invalid_message_naming_why(message, reason):
    def never_handled(app, command):
        pytest.fail(f"handled {command}")

    handler = HANDLERS[type(message)]
    with pytest.raises(InvalidMessage) as refused:
        translated(handler.translate, never_handled)(None, message, INBOUND)
    assert str(refused.value) == reason
