"""The shipment's state machine: pick list, start of picking, pick, pack, dispatch, cancel; no broker, no store."""

from __future__ import annotations

import re
import uuid

import pytest

from services.fulfillment.domain.errors import (
    InvalidShipmentPlan,
    PickRejected,
    QualityCheckFailed,
    ShipmentStateConflict,
    TrackingNumberRequired,
)
from services.fulfillment.domain.shipment import Shipment, ShipmentStatus, create_shipment
from services.fulfillment.domain.values import LineQuantity, Parcel, PickedUnits, QualityCheck, ShipmentLine
from tests.services.fulfillment.builders import a_plan

PASSED = QualityCheck(passed=True, notes="")


def new_shipment(**plan_changes: object) -> Shipment:
    shipment = create_shipment(str(uuid.uuid4()), a_plan(**plan_changes))
    shipment.collect_events()
    return shipment


def packed_shipment(**plan_changes: object) -> Shipment:
    shipment = new_shipment(**plan_changes)
    shipment.pick(None, "picker-1")
    shipment.pack([Parcel("1", 1200, 300, 200, 100)], PASSED, "packer-1")
    shipment.collect_events()
    return shipment


def event_names(shipment: Shipment) -> list[str]:
    return [type(e).__name__ for e in shipment.collect_events()]


def test_a_new_shipment_has_its_pick_list_sorted_by_location_then_sku():
    shipment_id = str(uuid.uuid4())
    shipment = create_shipment(shipment_id, a_plan())

    assert event_names(shipment) == ["Created", "PickListIssued"]
    assert shipment.id == uuid.UUID(shipment_id)
    assert shipment.status is ShipmentStatus.PICK_LIST_ISSUED
    assert [item.sku for item in shipment.pick_list] == ["SKU-CUP", "SKU-TEA"]


@pytest.mark.parametrize("lines", [
    (),
    (ShipmentLine("line-1", "SKU-TEA", "Tea", 0),),
    (ShipmentLine("line-1", "SKU-TEA", "Tea", 1), ShipmentLine("line-1", "SKU-CUP", "Cup", 1)),
])
def test_a_plan_without_units_or_with_a_repeated_line_is_refused(lines):
    with pytest.raises(InvalidShipmentPlan):
        create_shipment(str(uuid.uuid4()), a_plan(lines=lines))


def test_picking_everything_confirms_the_whole_pick_list():
    shipment = new_shipment()
    shipment.pick(None, "picker-1")

    assert event_names(shipment) == ["PickingStarted", "Picked"]
    assert shipment.status is ShipmentStatus.PICKED
    assert {(line.line_id, line.quantity) for line in shipment.shipped_lines} == {("line-1", 1), ("line-2", 2)}


def test_a_short_pick_reports_the_missing_units_and_ships_what_was_found():
    shipment = new_shipment()
    shipment.pick([PickedUnits("line-2", 1)], "picker-1")

    assert event_names(shipment) == ["PickingStarted", "Picked", "PickShortageReported"]
    assert shipment.status is ShipmentStatus.PICKED
    assert set(shipment.missing) == {LineQuantity("line-1", "SKU-CUP", 1), LineQuantity("line-2", "SKU-TEA", 1)}
    assert shipment.shipped_lines == (ShipmentLine("line-2", "SKU-TEA", "Longjing tea", 1),)


def test_nothing_found_reports_a_shortage_and_the_shipment_waits_on_its_pick_list():
    shipment = new_shipment()
    shipment.pick([PickedUnits("line-1", 0), PickedUnits("line-2", 0)], "picker-1")

    assert event_names(shipment) == ["PickShortageReported"]
    assert shipment.status is ShipmentStatus.PICK_LIST_ISSUED


def test_starting_to_pick_records_who_started_and_keeps_the_pick_list_open():
    shipment = new_shipment()
    shipment.start_picking("picker-1")

    started = shipment.collect_events()
    assert [type(e).__name__ for e in started] == ["PickingStarted"]
    assert (started[0].started_by, started[0].pick_list_id, started[0].implied_by_pick) == \
        ("picker-1", shipment.pick_list_id, False)
    assert shipment.status is ShipmentStatus.PICKING

    shipment.pick(None, "picker-2")
    assert event_names(shipment) == ["Picked"]  # the start was reported: none is implied
    assert shipment.status is ShipmentStatus.PICKED


def test_a_pick_without_a_reported_start_records_the_start_it_implies():
    shipment = new_shipment()
    shipment.pick(None, "picker-1")

    started, picked = shipment.collect_events()
    assert (started.started_by, started.implied_by_pick) == ("picker-1", True)
    assert started.timestamp <= picked.timestamp


def test_nothing_found_after_the_start_leaves_the_shipment_picking():
    shipment = new_shipment()
    shipment.start_picking("picker-1")
    shipment.collect_events()
    shipment.pick([PickedUnits("line-1", 0), PickedUnits("line-2", 0)], "picker-1")

    assert event_names(shipment) == ["PickShortageReported"]
    assert shipment.status is ShipmentStatus.PICKING


def test_a_wrong_pick_confirmation_names_every_bad_entry_and_changes_nothing():
    shipment = new_shipment()
    confirmation = [PickedUnits("line-9", 1), PickedUnits("line-1", 1), PickedUnits("line-1", 1),
                    PickedUnits("line-2", 3)]

    with pytest.raises(PickRejected) as rejected:
        shipment.pick(confirmation, "picker-1")

    assert [(p.index, p.field, p.code) for p in rejected.value.problems] == [
        (0, "line_id", "not-on-pick-list"), (2, "line_id", "duplicate-line"), (3, "quantity", "more-than-pick-list"),
    ]
    assert event_names(shipment) == []
    assert shipment.status is ShipmentStatus.PICK_LIST_ISSUED


def test_packing_records_the_parcels_and_the_quality_check():
    shipment = new_shipment()
    shipment.pick(None, "picker-1")
    shipment.pack([Parcel("1", 800, 300, 200, 100), Parcel("2", 700, 300, 200, 100)], PASSED, "packer-1")

    assert event_names(shipment)[-1] == "Packed"
    assert shipment.status is ShipmentStatus.PACKED
    assert shipment.weight_grams == 1500


def test_a_failed_quality_check_leaves_the_shipment_picked():
    shipment = new_shipment()
    shipment.pick(None, "picker-1")
    shipment.collect_events()

    with pytest.raises(QualityCheckFailed):
        shipment.pack([], QualityCheck(passed=False, notes="wrong colour"), "packer-1")

    assert event_names(shipment) == []
    assert shipment.status is ShipmentStatus.PICKED


@pytest.mark.parametrize(("steps", "command", "status"), [
    ([], lambda s: s.pack([], PASSED, "packer-1"), "pick_list_issued"),
    ([], lambda s: s.dispatch(None, None, "scanner-1"), "pick_list_issued"),
    (["pick"], lambda s: s.dispatch(None, None, "scanner-1"), "picked"),
    (["pick", "pack"], lambda s: s.pick(None, "picker-1"), "packed"),
    (["cancel"], lambda s: s.pick(None, "picker-1"), "cancelled"),
    (["start"], lambda s: s.start_picking("picker-1"), "picking"),
    (["pick"], lambda s: s.start_picking("picker-1"), "picked"),
    (["cancel"], lambda s: s.start_picking("picker-1"), "cancelled"),
    (["pick", "pack", "dispatch"], lambda s: s.cancel("customer changed mind"), "dispatched"),
])
def test_a_step_out_of_order_is_refused_naming_the_state_and_the_command(steps, command, status):
    shipment = new_shipment()
    run = {
        "start": lambda: shipment.start_picking("picker-1"),
        "pick": lambda: shipment.pick(None, "picker-1"),
        "pack": lambda: shipment.pack([], PASSED, "packer-1"),
        "dispatch": lambda: shipment.dispatch(None, None, "scanner-1"),
        "cancel": lambda: shipment.cancel("order cancelled"),
    }
    for step in steps:
        run[step]()
    version = shipment.version

    with pytest.raises(ShipmentStateConflict) as conflict:
        command(shipment)

    assert conflict.value.status == status
    assert conflict.value.command in str(conflict.value)
    assert shipment.version == version


def test_dispatch_chooses_the_carrier_and_issues_one_tracking_number_per_parcel():
    shipment = new_shipment()
    shipment.pick(None, "picker-1")
    shipment.pack([Parcel("1", 800, 300, 200, 100), Parcel("2", 700, 300, 200, 100)], PASSED, "packer-1")
    shipment.collect_events()
    shipment.dispatch(None, None, "scanner-1")

    assert event_names(shipment) == ["CarrierChosen", "Dispatched"]
    assert shipment.status is ShipmentStatus.DISPATCHED
    assert shipment.carrier.carrier_code == "ZTO"
    assert len(shipment.tracking_numbers) == 2
    assert all(re.fullmatch(r"ZTO\d{12}", number) for number in shipment.tracking_numbers)


def test_the_same_shipment_dispatched_again_gets_the_same_tracking_number():
    shipment_id, plan = str(uuid.uuid4()), a_plan()
    numbers = []
    for _ in range(2):
        shipment = create_shipment(shipment_id, plan)
        shipment.pick(None, "picker-1")
        shipment.pack([], PASSED, "packer-1")
        shipment.dispatch(None, None, "scanner-1")
        numbers.append(shipment.tracking_numbers)

    assert numbers[0] == numbers[1]


def test_an_operator_may_name_the_carrier_and_enter_the_tracking_number():
    shipment = packed_shipment()
    shipment.dispatch("YUNDA", "4312345678901", "scanner-1")

    assert shipment.carrier.carrier_code == "YUNDA"
    assert shipment.carrier.rule_id == "operator-choice"
    assert shipment.tracking_numbers == ("4312345678901",)


def test_a_carrier_without_integration_needs_a_tracking_number_entered_by_hand():
    shipment = packed_shipment()

    with pytest.raises(TrackingNumberRequired):
        shipment.dispatch("YUNDA", None, "scanner-1")

    assert shipment.status is ShipmentStatus.PACKED
    assert event_names(shipment) == []


def test_cancelling_before_dispatch_returns_every_line_and_a_second_cancel_changes_nothing():
    shipment = new_shipment()
    shipment.pick(None, "picker-1")
    shipment.cancel("order cancelled")
    shipment.cancel("order cancelled")

    events = shipment.collect_events()
    assert [type(e).__name__ for e in events] == ["PickingStarted", "Picked", "Cancelled"]
    assert shipment.status is ShipmentStatus.CANCELLED
    assert {line.line_id for line in events[-1].lines} == {"line-1", "line-2"}


def test_the_events_rebuild_the_same_shipment():
    shipment = create_shipment(str(uuid.uuid4()), a_plan())
    shipment.start_picking("picker-1")
    shipment.pick([PickedUnits("line-1", 1), PickedUnits("line-2", 1)], "picker-1")
    shipment.pack([], PASSED, "packer-1")
    shipment.dispatch(None, None, "scanner-1")

    rebuilt = None
    for domain_event in shipment.collect_events():
        rebuilt = domain_event.mutate(rebuilt)

    assert rebuilt.status is ShipmentStatus.DISPATCHED
    assert rebuilt.tracking_numbers == shipment.tracking_numbers
    assert rebuilt.shipped_lines == shipment.shipped_lines
