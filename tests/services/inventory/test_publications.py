"""Inventory's events as contract messages: enums by name through the shared conversions, reasons as codes."""

import pytest

from oms.inventory.v1 import inventory_pb2
from oms.inventory.v1.inventory_pb2 import ReleaseReason, ReservationFailureReason
from services.inventory.adapters.contract_values import code_from_contract, code_to_contract
from services.inventory.adapters.publications import publications
from services.inventory.domain.reservation import Reservation
from services.inventory.domain.sourcing import Allocation, LineShortfall, RequestedLine, SourcingPlan
from services.inventory.domain.stock import AdjustmentReason, ReceiptKind, StockItem

LINES = (RequestedLine("1", "TEA", 2),)
RESERVATION_ID = "11111111-1111-1111-1111-111111111111"


@pytest.mark.parametrize("kind", list(ReceiptKind))
def test_every_receipt_kind_is_published_as_its_contract_value(kind):
    item = StockItem("TEA", "WH-SH")
    item.receive(3, "PO-1", kind)
    (received,) = [p.message for e in item.collect_events() for p in publications(e)]

    assert inventory_pb2.ReceiptKind.Name(received.kind) == f"RECEIPT_KIND_{kind.name}"
    assert received.received_at.seconds > 0


@pytest.mark.parametrize("reason", list(AdjustmentReason))
def test_every_adjustment_reason_is_published_as_its_contract_value(reason):
    item = StockItem("TEA", "WH-SH")
    item.receive(3, "PO-1", ReceiptKind.PURCHASE)
    item.adjust(-1, reason)
    (_, adjusted) = [p.message for e in item.collect_events() for p in publications(e)]

    assert inventory_pb2.AdjustmentReason.Name(adjusted.reason) == f"ADJUSTMENT_REASON_{reason.name}"


def test_reasons_are_codes_and_a_code_the_contract_lacks_is_unspecified():
    assert code_to_contract(ReleaseReason, "order_cancelled") == inventory_pb2.RELEASE_REASON_ORDER_CANCELLED
    assert code_to_contract(ReleaseReason, "not_a_reason") == 0
    assert code_to_contract(ReservationFailureReason, "split_not_allowed") == (
        inventory_pb2.RESERVATION_FAILURE_REASON_SPLIT_NOT_ALLOWED)
    assert code_from_contract(ReleaseReason, inventory_pb2.RELEASE_REASON_SHIPMENT_CANCELLED) == "shipment_cancelled"
    assert code_from_contract(ReleaseReason, 0) == "unspecified"
    assert code_from_contract(ReleaseReason, 99) == "unspecified"  # a newer contract's value


def test_failed_and_released_reservations_carry_their_reason():
    failed = Reservation.request(RESERVATION_ID, "o-1", "", LINES)
    failed.fail("insufficient_stock", (LineShortfall("1", "TEA", 2, 1),))
    released = Reservation.request(RESERVATION_ID, "o-2", "", LINES)
    released.make(SourcingPlan((Allocation("WH-SH", LINES),), "region-warehouse"))
    released.release("order_cancelled")

    messages = {type(p.message).__name__: p.message
                for e in [*failed.collect_events(), *released.collect_events()] for p in publications(e)}

    assert messages["ReservationFailed"].reason == inventory_pb2.RESERVATION_FAILURE_REASON_INSUFFICIENT_STOCK
    assert messages["ReservationReleased"].reason == inventory_pb2.RELEASE_REASON_ORDER_CANCELLED
    assert [(a.warehouse_id, a.lines[0].quantity) for a in messages["ReservationReleased"].released] == [("WH-SH", 2)]
