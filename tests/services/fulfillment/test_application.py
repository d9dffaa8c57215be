"""The application on a real store (SQLite and PostgreSQL): commands, publications, queue."""

from __future__ import annotations

import re
import uuid

import pytest
from eventsourcing.persistence import IntegrityError

from oms_kernel.money import Money
from services.fulfillment.adapters.publications import FULFILLMENT_EVENTS, publications
from services.fulfillment.application.service import FulfillmentApplication
from services.fulfillment.application.work_queue import QueueFilter
from services.fulfillment.domain.errors import ShipmentStateConflict
from services.fulfillment.domain.shipment import ShipmentStatus, create_shipment
from services.fulfillment.domain.values import Parcel, PickedUnits, QualityCheck
from services.fulfillment.entrypoints.schemas import shipment_view
from tests.services.fulfillment.builders import a_plan

PASSED = QualityCheck(passed=True, notes="sealed")


def published(app: FulfillmentApplication) -> list:
    notifications = app.notifications_after(0, 1000)
    return [p for n in notifications for p in publications(app.mapper.to_domain_event(n))]


def test_a_shipment_goes_through_the_store_and_out_as_contract_messages(app):
    plan = a_plan(cash_on_delivery=Money("CNY", 12900))
    shipment = create_shipment(str(uuid.uuid4()), plan)
    app.record(shipment)
    shipment_id = shipment.shipment_id

    app.pick_shipment(shipment_id, [PickedUnits("line-1", 1), PickedUnits("line-2", 1)], "picker-7")
    app.pack_shipment(shipment_id, [Parcel("1", 900, 300, 200, 100)], PASSED, "packer-3")
    app.dispatch_shipment(shipment_id, None, None, "scanner-2")

    stored = app.shipment(shipment_id)
    assert stored.status is ShipmentStatus.DISPATCHED and stored.plan == plan
    view = shipment_view(stored)
    assert view.carrier is not None and view.carrier.rate is not None
    assert view.carrier.rate.model_dump() == {"currency": "CNY", "minor_units": 800}
    messages = published(app)
    assert {p.topic for p in messages} == {FULFILLMENT_EVENTS}
    assert {p.key for p in messages} == {plan.order_id}
    assert [p.message.DESCRIPTOR.name for p in messages] == [
        "ShipmentCreated", "PickListIssued", "PickingStarted", "ShipmentPicked", "PickShortageReported",
        "ShipmentPacked", "CarrierChosen", "ShipmentDispatched",
    ]
    started = messages[2].message
    assert (started.shipment_id, started.warehouse_id, started.started_by.actor_id, started.implied_by_pick) == (
        shipment_id, plan.warehouse_id, "picker-7", True)
    dispatched = messages[-1].message
    assert (dispatched.shipment_id, dispatched.order_id, dispatched.warehouse_id) == (
        shipment_id, plan.order_id, plan.warehouse_id)
    assert dispatched.carrier_code == "ZTO" and re.fullmatch(r"ZTO\d{12}", dispatched.tracking_numbers[0])
    assert [(line.line_id, line.sku, line.quantity) for line in dispatched.lines] == [
        ("line-2", "SKU-TEA", 1), ("line-1", "SKU-CUP", 1)]
    assert dispatched.reservation_id == plan.reservation_id
    assert dispatched.cash_on_delivery_amount.minor_units == 12900
    assert dispatched.scanned_by.actor_id == "scanner-2" and dispatched.HasField("dispatched_at")
    assert messages[5].message.quality_check.notes == "sealed"


def test_an_operator_command_that_loses_a_race_retries_on_the_new_state(app, monkeypatch):
    shipment = create_shipment(str(uuid.uuid4()), a_plan())
    app.record(shipment)
    stale = app.shipment(shipment.shipment_id)
    cancelled = app.shipment(shipment.shipment_id)
    cancelled.cancel("order cancelled")
    app.record(cancelled)  # the consumer got there first
    loads = iter([stale])
    real_find = app.find_shipment
    monkeypatch.setattr(app, "find_shipment", lambda shipment_id: next(loads, None) or real_find(shipment_id))

    with pytest.raises(ShipmentStateConflict) as conflict:
        app.pick_shipment(shipment.shipment_id, None, "picker-1")

    assert conflict.value.status == "cancelled"
    assert app.shipment(shipment.shipment_id).version == cancelled.version


def test_recording_a_stale_shipment_is_an_integrity_error(app):
    # What the retry above relies on: the store refuses a second writer of the same version.
    shipment = create_shipment(str(uuid.uuid4()), a_plan())
    app.record(shipment)
    first, second = app.shipment(shipment.shipment_id), app.shipment(shipment.shipment_id)
    first.cancel("one")
    second.pick(None, "picker-1")
    app.record(first)

    with pytest.raises(IntegrityError):
        app.record(second)


def test_the_work_queue_lists_by_priority_then_age_and_filters(app):
    normal_old = create_shipment(str(uuid.uuid4()), a_plan(priority=2, warehouse_id="WH-A"))
    urgent = create_shipment(str(uuid.uuid4()), a_plan(priority=4, warehouse_id="WH-B"))
    normal_new = create_shipment(str(uuid.uuid4()), a_plan(priority=2, warehouse_id="WH-A"))
    for shipment in (normal_old, urgent, normal_new):
        app.record(shipment)
    assert [s.shipment_id for s in app.shipments(QueueFilter(), 10)] == [
        urgent.shipment_id, normal_old.shipment_id, normal_new.shipment_id]

    app.pick_shipment(normal_old.shipment_id, None, "picker-1")

    waiting = QueueFilter(status=ShipmentStatus.PICK_LIST_ISSUED, warehouse_id="WH-A")
    assert [s.shipment_id for s in app.shipments(waiting, 10)] == [normal_new.shipment_id]
    by_order = QueueFilter(order_id=urgent.plan.order_id)
    assert [s.shipment_id for s in app.shipments(by_order, 10)] == [urgent.shipment_id]
    assert len(app.shipments(QueueFilter(), 2)) == 2
