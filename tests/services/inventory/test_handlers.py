"""The application's handlers of reservation commands, with plain commands: no broker, no protobuf."""

import pytest

from oms_platform.messaging.consumer import InvalidMessage
from services.inventory.application import handlers
from services.inventory.application.commands import ConsumptionRequest, ReleaseRequest
from services.inventory.domain.availability import SkuAvailability
from services.inventory.domain.reservation import Reservation, ReservationStatus
from services.inventory.domain.sourcing import RequestedLine
from services.inventory.domain.stock import ReceiptKind, StockItem, StockLevel

from .conftest import reservation_request, tea_listing


@pytest.fixture
def app(inventory_app):
    inventory_app.catalogue_product("TEA", tea_listing())
    inventory_app.receive_stock("TEA", "WH-SH", 10, "opening", ReceiptKind.OPENING_BALANCE)
    return inventory_app


def reserved(app, quantity: int = 4):
    request = reservation_request(("TEA", quantity), province="上海市")
    app.record(*handlers.reserve_stock(app, request))
    return request


def test_reserving_returns_the_reservation_with_its_stock_and_feed_and_nothing_when_repeated(app):
    request = reservation_request(("TEA", 4), province="上海市")

    aggregates = handlers.reserve_stock(app, request)
    app.record(*aggregates)

    assert [type(a) for a in aggregates] == [Reservation, StockItem, SkuAvailability]
    assert app.stock_of("TEA")["WH-SH"] == StockLevel(10, 4)
    assert handlers.reserve_stock(app, request) == []


def test_a_release_gives_back_the_lines_named_or_everything_held(app):
    request = reserved(app)

    app.record(*handlers.release_reservation(app, ReleaseRequest(request.reservation_id, "items_edited",
                                                                 (RequestedLine("1", "TEA", 1),))))
    assert app.stock_of("TEA")["WH-SH"] == StockLevel(10, 3)
    app.record(*handlers.release_reservation(app, ReleaseRequest(request.reservation_id, "order_cancelled")))

    reservation = app.reservation(request.reservation_id)
    assert (reservation.status, app.stock_of("TEA")["WH-SH"]) == (ReservationStatus.RELEASED, StockLevel(10, 0))
    assert handlers.release_reservation(app, ReleaseRequest(request.reservation_id, "order_cancelled")) == []


def test_releasing_a_reservation_never_made_changes_nothing(app):
    assert handlers.release_reservation(app, ReleaseRequest(reservation_request(("TEA", 1)).reservation_id,
                                                            "unspecified")) == []


def test_releasing_more_than_is_held_is_an_invalid_message(app):
    request = reserved(app)

    with pytest.raises(InvalidMessage, match="does not hold 5 of line '1'"):
        handlers.release_reservation(app, ReleaseRequest(request.reservation_id, "items_edited",
                                                         (RequestedLine("1", "TEA", 5),)))


def test_a_consumption_ships_held_stock_once_per_shipment(app):
    request = reserved(app)
    consume = ConsumptionRequest(request.reservation_id, "shipment-1", "WH-SH")

    app.record(*handlers.consume_reservation(app, consume))

    assert app.stock_of("TEA")["WH-SH"] == StockLevel(6, 0)
    assert app.reservation(request.reservation_id).status == ReservationStatus.CONSUMED
    assert handlers.consume_reservation(app, consume) == []


@pytest.mark.parametrize("warehouse_id, expected", [
    ("WH-GZ", "holds nothing in WH-GZ"),
    (None, "does not exist"),
])
def test_a_consumption_the_reservations_do_not_back_is_an_invalid_message(app, warehouse_id, expected):
    request = reserved(app)
    reservation_id = request.reservation_id if warehouse_id else reservation_request(("TEA", 1)).reservation_id

    with pytest.raises(InvalidMessage, match=expected):
        handlers.consume_reservation(app, ConsumptionRequest(reservation_id, "shipment-1", warehouse_id or "WH-SH"))
    assert app.stock_of("TEA")["WH-SH"] == StockLevel(10, 4)
