"""The reservation aggregate: made or failed whole, released or consumed by what it still holds."""

import uuid

import pytest

from services.inventory.domain.errors import ReservationMismatch
from services.inventory.domain.reservation import Reservation, ReservationStatus
from services.inventory.domain.sourcing import (
    Allocation,
    LineShortfall,
    RequestedLine,
    SourcingPlan,
)

TEA = RequestedLine("1", "TEA", 3)
CUP = RequestedLine("2", "CUP", 1)
PLAN = SourcingPlan((Allocation("WH-SH", (RequestedLine("1", "TEA", 2), CUP)),
                     Allocation("WH-GZ", (RequestedLine("1", "TEA", 1),))), "split-fewest-warehouses")


def made() -> Reservation:
    reservation = Reservation.request(str(uuid.uuid4()), "order-1", "", [TEA, CUP])
    reservation.make(PLAN)
    return reservation


def test_a_made_reservation_holds_what_each_warehouse_reserved():
    reservation = made()

    assert reservation.status == ReservationStatus.RESERVED
    assert reservation.held() == PLAN.allocations
    with pytest.raises(ReservationMismatch):
        reservation.make(PLAN)


def test_a_failed_reservation_holds_nothing_and_may_be_tried_again():
    reservation = Reservation.request(str(uuid.uuid4()), "order-1", "", [TEA])
    reservation.fail("insufficient_stock", [LineShortfall("1", "TEA", 3, 1)])

    assert reservation.status == ReservationStatus.FAILED and not reservation.holds_stock
    assert reservation.release("order_cancelled") == ()
    reservation.make(SourcingPlan((Allocation("WH-SH", (TEA,)),), "region-warehouse"))
    assert reservation.status == ReservationStatus.RESERVED


def test_release_without_lines_gives_back_everything_still_held():
    reservation = made()

    released = reservation.release("order_cancelled")

    assert released == PLAN.allocations
    assert reservation.status == ReservationStatus.RELEASED
    assert reservation.release("order_cancelled") == ()


def test_release_of_some_lines_takes_them_warehouse_by_warehouse():
    reservation = made()

    released = reservation.release("items_edited", [RequestedLine("1", "TEA", 3)])

    assert released == (Allocation("WH-SH", (RequestedLine("1", "TEA", 2),)),
                        Allocation("WH-GZ", (RequestedLine("1", "TEA", 1),)))
    assert reservation.held() == (Allocation("WH-SH", (CUP,)),)
    with pytest.raises(ReservationMismatch):
        reservation.release("items_edited", [RequestedLine("1", "TEA", 1)])


def test_each_shipment_consumes_once_what_its_warehouse_held():
    reservation = made()

    consumed = reservation.consume("shipment-sh", "WH-SH")

    assert consumed == PLAN.allocations[0]
    assert reservation.consume("shipment-sh", "WH-SH") is None
    assert reservation.status == ReservationStatus.RESERVED
    reservation.consume("shipment-gz", "WH-GZ", [RequestedLine("1", "TEA", 1)])
    assert reservation.status == ReservationStatus.CONSUMED


def test_consuming_more_than_held_or_after_release_is_a_mismatch():
    reservation = made()
    with pytest.raises(ReservationMismatch):
        reservation.consume("shipment-gz", "WH-GZ", [RequestedLine("1", "TEA", 2)])
    with pytest.raises(ReservationMismatch):
        reservation.consume("shipment-bj", "WH-BJ")
    reservation.release("order_cancelled")
    with pytest.raises(ReservationMismatch):
        reservation.consume("shipment-sh", "WH-SH")
