"""The order timeline's rules, without a store or a broker."""

import uuid
from dataclasses import replace

import pytest

from oms_kernel.money import Money
from services.tracking.domain.checkpoints import Checkpoint, Source
from services.tracking.domain.errors import (
    NotACarrierCheckpoint,
    ShipmentAlreadyDelivered,
    TrackingNumberTaken,
    UnknownShipment,
)
from services.tracking.domain.timeline import OrderTimeline, Outcome
from services.tracking.domain.tracking_numbers import TrackingNumber
from tests.services.tracking.builders import (
    SHANGHAI,
    dispatched_timeline,
    report,
    shipment,
    upstream,
)

PICKUP, TRANSIT, OUT, DELIVERED = (
    Checkpoint.CARRIER_PICKUP, Checkpoint.TRANSIT_ARRIVAL, Checkpoint.OUT_FOR_DELIVERY, Checkpoint.DELIVERED,
)


def new_events(aggregate) -> list[str]:
    return [type(e).__name__ for e in aggregate.collect_events()]


def test_the_timeline_id_is_the_order_id():
    order_id = str(uuid.uuid4())
    assert OrderTimeline(order_id).id == uuid.UUID(order_id)


def test_a_checkpoint_already_on_the_timeline_is_not_recorded_again():
    timeline = OrderTimeline(str(uuid.uuid4()))
    assert timeline.reach(upstream(Checkpoint.ORDER_CONFIRMED, 0)) is True
    assert timeline.reach(upstream(Checkpoint.ORDER_CONFIRMED, 1)) is False
    assert new_events(timeline) == ["Opened", "CheckpointReached"]


def test_picking_starts_once_per_shipment():
    timeline = OrderTimeline(str(uuid.uuid4()))
    assert timeline.reach(upstream(Checkpoint.PICKING_STARTED, 3, "shipment-1"))
    assert not timeline.reach(upstream(Checkpoint.PICKING_STARTED, 4, "shipment-1"))
    assert timeline.reach(upstream(Checkpoint.PICKING_STARTED, 4, "shipment-2"))


def test_the_entries_read_in_checkpoint_order_then_time():
    timeline = OrderTimeline(str(uuid.uuid4()))
    for checkpoint, hours in [(Checkpoint.REVIEW_PASSED, 1), (Checkpoint.ORDER_CONFIRMED, 2),
                              (Checkpoint.PAYMENT_COMPLETED, 0)]:
        timeline.reach(upstream(checkpoint, hours))
    assert [e.checkpoint for e in timeline.ordered_entries()] == [
        Checkpoint.ORDER_CONFIRMED, Checkpoint.PAYMENT_COMPLETED, Checkpoint.REVIEW_PASSED,
    ]


def test_cash_on_delivery_postpones_the_payment_checkpoint_to_delivery():
    timeline = dispatched_timeline(shipment(cod=Money("CNY", 12_900)))
    timeline.confirm_payment(upstream(Checkpoint.PAYMENT_COMPLETED, 1), on_delivery=True)
    assert Checkpoint.PAYMENT_COMPLETED not in {e.checkpoint for e in timeline.entries}

    timeline.take_carrier_event("shipment-1", report("80", 30), DELIVERED)

    payment = [e for e in timeline.entries if e.checkpoint is Checkpoint.PAYMENT_COMPLETED]
    assert len(payment) == 1 and payment[0].occurred_at == report("80", 30).occurred_at
    delivered = [e for e in timeline.collect_events() if isinstance(e, OrderTimeline.ShipmentDelivered)]
    assert delivered[0].cash_collected == Money("CNY", 12_900)


def test_carrier_news_lands_on_its_shipment():
    timeline = dispatched_timeline()
    outcome = timeline.take_carrier_event("shipment-1", report("50", 6), PICKUP)
    assert outcome.outcome is Outcome.RECORDED
    assert outcome.entry.shipment_id == "shipment-1" and outcome.entry.raw_code == "50"
    assert outcome.entry.source is Source.CARRIER_WEBHOOK


def test_the_same_carrier_event_twice_changes_nothing():
    timeline = dispatched_timeline()
    timeline.take_carrier_event("shipment-1", report("50", 6), PICKUP)
    timeline.collect_events()
    again = timeline.take_carrier_event("shipment-1", report("50", 6), PICKUP)
    assert again.outcome is Outcome.DUPLICATE
    assert new_events(timeline) == []


def test_a_new_scan_of_a_stage_already_reached_is_kept_without_a_second_checkpoint():
    timeline = dispatched_timeline()
    timeline.take_carrier_event("shipment-1", report("50", 6), PICKUP)
    timeline.collect_events()
    later = timeline.take_carrier_event("shipment-1", report("50", 7), PICKUP)
    assert later.outcome is Outcome.ALREADY_REACHED
    assert new_events(timeline) == ["CarrierEventTaken"]


def test_transit_arrivals_repeat_at_different_hubs_but_not_at_the_same_one():
    timeline = dispatched_timeline()
    assert timeline.take_carrier_event("shipment-1", report("30", 8), TRANSIT).outcome is Outcome.RECORDED
    assert timeline.take_carrier_event("shipment-1", report("30", 12, place=SHANGHAI), TRANSIT).outcome \
        is Outcome.RECORDED
    assert timeline.take_carrier_event("shipment-1", report("30", 13, place=SHANGHAI), TRANSIT).outcome \
        is Outcome.ALREADY_REACHED
    assert sum(e.checkpoint is TRANSIT for e in timeline.entries) == 2


def test_delivery_closes_the_shipment_to_further_news():
    timeline = dispatched_timeline()
    timeline.take_carrier_event("shipment-1", report("80", 30), DELIVERED)
    assert timeline.shipment("shipment-1").delivered
    timeline.collect_events()
    with pytest.raises(ShipmentAlreadyDelivered):
        timeline.take_carrier_event("shipment-1", report("44", 31), OUT)
    assert new_events(timeline) == []
    # The delivery report itself, sent again, is still only a duplicate.
    assert timeline.take_carrier_event("shipment-1", report("80", 30), DELIVERED).outcome is Outcome.DUPLICATE


def test_delivery_publishes_who_what_where_without_collecting_cash_on_prepaid_orders():
    timeline = dispatched_timeline()
    timeline.take_carrier_event("shipment-1", report("80", 30), DELIVERED)
    events = timeline.collect_events()
    assert [type(e).__name__ for e in events][-3:] == ["CarrierEventTaken", "CheckpointReached", "ShipmentDelivered"]
    delivered = events[-1]
    assert (delivered.shipment_id, delivered.carrier_code, delivered.tracking_number) == \
        ("shipment-1", "sf-express", "SF100")
    assert delivered.cash_collected is None
    assert Checkpoint.PAYMENT_COMPLETED not in {e.checkpoint for e in timeline.entries}


def test_carrier_news_about_a_shipment_not_dispatched_is_refused():
    timeline = dispatched_timeline()
    with pytest.raises(UnknownShipment):
        timeline.take_carrier_event("shipment-9", report("50", 6), PICKUP)


def test_only_carrier_checkpoints_come_from_carriers():
    timeline = dispatched_timeline()
    with pytest.raises(NotACarrierCheckpoint):
        timeline.take_carrier_event("shipment-1", report("X", 6), Checkpoint.REVIEW_PASSED)


def test_dispatching_the_same_shipment_again_registers_it_once():
    timeline = dispatched_timeline()
    timeline.collect_events()
    timeline.dispatch(shipment(), upstream(Checkpoint.OUTBOUND_SCAN, 6, "shipment-1"))
    assert new_events(timeline) == []


def test_a_tracking_number_holds_unmatched_reports_once_and_releases_them_when_assigned():
    number = TrackingNumber("sf-express", "SF100")
    assert number.hold(report("50", 6)) is True
    assert number.hold(report("50", 6)) is False
    assert number.hold(replace(report("30", 8), received_at=report("30", 9).received_at)) is True
    assert not number.matched

    number.assign("order-1", "shipment-1")
    released = number.release_held()

    assert [r.raw_code for r in released] == ["50", "30"]
    assert number.matched and number.held == [] and number.release_held() == []


def test_a_tracking_number_belongs_to_one_shipment():
    number = TrackingNumber("sf-express", "SF100")
    number.assign("order-1", "shipment-1")
    number.assign("order-1", "shipment-1")  # the same dispatch again: nothing to do
    with pytest.raises(TrackingNumberTaken):
        number.assign("order-2", "shipment-2")
