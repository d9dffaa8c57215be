"""The inventory application on a real store, SQLite and PostgreSQL: atomic reservations, two writers."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from eventsourcing.persistence import IntegrityError

from services.inventory.domain.availability import SkuAvailability
from services.inventory.domain.reservation import Reservation, ReservationStatus
from services.inventory.domain.stock import AdjustmentReason, ReceiptKind, StockItem, StockLevel

from .conftest import reservation_request, tea_listing


def stock_tea(app, units: int, warehouse_id: str = "WH-SH") -> None:
    app.catalogue_product("TEA", tea_listing())
    app.receive_stock("TEA", warehouse_id, units, f"opening-{warehouse_id}", ReceiptKind.OPENING_BALANCE)


def tea_level(app, warehouse_id: str = "WH-SH") -> StockLevel:
    return app.stock_of("TEA")[warehouse_id]


def test_a_reservation_and_its_stock_items_are_recorded_together(inventory_app):
    app = inventory_app
    stock_tea(app, 3, "WH-SH")
    stock_tea(app, 3, "WH-GZ")
    request = reservation_request(("TEA", 5))

    aggregates = app.reserve_stock(request)
    app.record(*aggregates)

    assert {type(a) for a in aggregates} == {Reservation, StockItem, SkuAvailability}
    assert tea_level(app, "WH-SH") == StockLevel(3, 3) and tea_level(app, "WH-GZ") == StockLevel(3, 2)
    assert app.reservation(request.reservation_id).status == ReservationStatus.RESERVED
    assert app.reserve_stock(request) == []  # the same reservation again: nothing to do


def test_a_failed_reservation_records_nothing_but_itself(inventory_app):
    app = inventory_app
    stock_tea(app, 2)
    position = app.position()

    app.record(*app.reserve_stock(reservation_request(("TEA", 3))))

    recorded = app.notifications_after(position, limit=10)
    assert [n.topic.rsplit(".", 1)[-1] for n in recorded] == ["Requested", "Failed"]
    assert tea_level(app) == StockLevel(2, 0)


def test_of_two_writers_reserving_the_last_unit_only_one_commits(inventory_app):
    app = inventory_app
    stock_tea(app, 1)
    both_decided = threading.Barrier(2)

    def reserve_then_record(request):
        aggregates = app.reserve_stock(request)  # both read the same stock: 1 available
        both_decided.wait(timeout=10)
        try:
            app.record(*aggregates)
            return "committed"
        except IntegrityError:
            return "refused"

    requests = [reservation_request(("TEA", 1)) for _ in range(2)]
    with ThreadPoolExecutor(2) as pool:
        outcomes = list(pool.map(reserve_then_record, requests))

    assert sorted(outcomes) == ["committed", "refused"]
    assert tea_level(app) == StockLevel(1, 1)
    loser = requests[outcomes.index("refused")]
    with pytest.raises(Exception, match="does not exist"):
        app.reservation(loser.reservation_id)  # the refused write left nothing behind
    app.record(*app.reserve_stock(loser))  # as the runtime does: run again on fresh state
    assert app.reservation(loser.reservation_id).status == ReservationStatus.FAILED


def test_a_burst_of_concurrent_reservations_never_oversells(inventory_app):
    app = inventory_app
    stock_tea(app, 10)

    def reserve_retrying(request):
        while True:
            try:
                app.record(*app.reserve_stock(request))
                return app.reservation(request.reservation_id).status
            except IntegrityError:
                continue

    with ThreadPoolExecutor(8) as pool:
        statuses = list(pool.map(reserve_retrying, [reservation_request(("TEA", 1)) for _ in range(30)]))

    assert statuses.count(ReservationStatus.RESERVED) == 10
    assert statuses.count(ReservationStatus.FAILED) == 20
    assert tea_level(app) == StockLevel(10, 10)
    feed = app.repository.get(SkuAvailability.create_id("TEA"))
    assert feed.warehouses["WH-SH"] == {"on_hand": 10, "reserved": 10, "available": 0}


def test_release_and_consume_give_back_and_ship_reserved_stock(inventory_app):
    app = inventory_app
    stock_tea(app, 5)
    first, second = reservation_request(("TEA", 2)), reservation_request(("TEA", 3))
    app.record(*app.reserve_stock(first))
    app.record(*app.reserve_stock(second))

    app.record(*app.release_reservation(first.reservation_id, "order_cancelled"))
    assert app.release_reservation(first.reservation_id, "order_cancelled") == []
    app.record(*app.consume_reservation(second.reservation_id, "shipment-1", "WH-SH"))
    assert app.consume_reservation(second.reservation_id, "shipment-1", "WH-SH") == []

    assert tea_level(app) == StockLevel(2, 0)
    assert app.reservation(first.reservation_id).status == ReservationStatus.RELEASED
    assert app.reservation(second.reservation_id).status == ReservationStatus.CONSUMED


def test_an_http_command_that_loses_a_race_decides_again_on_fresh_state(inventory_app, monkeypatch):
    app = inventory_app
    stock_tea(app, 5)
    record = app.record
    rivals = []

    def record_after_the_consumer_won(*aggregates, **tracking):
        if not rivals:  # the consumer reserves 2 units between our read and our write
            rivals.append(reservation_request(("TEA", 2)))
            record(*app.reserve_stock(rivals[0]))
        return record(*aggregates, **tracking)

    monkeypatch.setattr(app, "record", record_after_the_consumer_won)
    item = app.adjust_stock("TEA", "WH-SH", -3, AdjustmentReason.DAMAGED)

    assert item.level == StockLevel(2, 2)
    assert tea_level(app) == StockLevel(2, 2)
    adjustments = [n for n in app.notifications_after(0, limit=100) if n.topic.endswith(".Adjusted")]
    assert len(adjustments) == 1


def test_a_reservation_for_a_sku_nobody_catalogued_fails_as_unknown(inventory_app):
    request = reservation_request(("GHOST", 1))

    inventory_app.record(*inventory_app.reserve_stock(request))

    reservation = inventory_app.reservation(request.reservation_id)
    assert (reservation.status, reservation.failure_reason) == (ReservationStatus.FAILED, "unknown_sku")
