"""The application on a real store (SQLite and PostgreSQL): commands, handlers, publications, queue."""

from __future__ import annotations

import re
import uuid

import pytest
from eventsourcing.persistence import IntegrityError

from oms.envelope.v1.envelope_pb2 import Envelope
from oms.fulfillment.v1.fulfillment_commands_pb2 import CancelShipment
from oms_kernel.money import Money
from oms_platform.identity import shipment_id_for
from oms_platform.messaging.consumer import Inbound, InvalidMessage
from services.fulfillment.adapters.publications import FULFILLMENT_EVENTS, publications
from services.fulfillment.application.handlers import cancel_shipment, create_shipments
from services.fulfillment.application.service import FulfillmentApplication
from services.fulfillment.application.work_queue import QueueFilter
from services.fulfillment.domain.errors import ShipmentStateConflict
from services.fulfillment.domain.shipment import ShipmentStatus, create_shipment
from services.fulfillment.domain.values import Parcel, PickedUnits, QualityCheck
from tests.services.fulfillment.builders import a_plan, planned, two_warehouse_order
from tests.services.fulfillment.builders import create_shipments as create_shipments_command

PASSED = QualityCheck(passed=True, notes="sealed")
INBOUND = Inbound(Envelope(), "oms.fulfillment.commands.v1", 0, 0, None)


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


def test_create_shipments_makes_one_shipment_per_warehouse_and_a_repeat_makes_none(app):
    _order_id, command = two_warehouse_order()

    shipments = create_shipments(app, command, INBOUND)
    app.record(*shipments)

    assert {s.plan.warehouse_id for s in shipments} == {"WH-SHANGHAI", "WH-BEIJING"}
    assert create_shipments(app, command, INBOUND) == []


def test_a_missing_shipment_id_is_derived_from_order_and_warehouse(app):
    order_id = str(uuid.uuid4())
    command = create_shipments_command(order_id, planned(order_id, "WH-SHANGHAI", ("l1", "SKU-TEA", 1),
                                                         shipment_id=""))
    [shipment] = create_shipments(app, command, INBOUND)

    assert shipment.shipment_id == shipment_id_for(order_id, "WH-SHANGHAI")


@pytest.mark.parametrize("broken", ["no-lines", "zero-quantity", "bad-order-id", "warehouse-twice", "no-shipments"])
def test_a_create_shipments_that_cannot_be_accepted_is_an_invalid_message(app, broken):
    order_id = str(uuid.uuid4())
    shipments = {
        "no-lines": [planned(order_id, "WH-SHANGHAI")],
        "zero-quantity": [planned(order_id, "WH-SHANGHAI", ("l1", "SKU-TEA", 0))],
        "bad-order-id": [planned(order_id, "WH-SHANGHAI", ("l1", "SKU-TEA", 1))],
        "warehouse-twice": [planned(order_id, "WH-SHANGHAI", ("l1", "SKU-TEA", 1)),
                            planned(order_id, "WH-SHANGHAI", ("l2", "SKU-CUP", 1))],
        "no-shipments": [],
    }[broken]
    command = create_shipments_command("not-a-uuid" if broken == "bad-order-id" else order_id, *shipments)

    with pytest.raises(InvalidMessage):
        create_shipments(app, command, INBOUND)


def test_cancel_is_refused_quietly_after_dispatch_and_loudly_for_an_unknown_shipment(app):
    shipment = create_shipment(str(uuid.uuid4()), a_plan())
    app.record(shipment)
    app.pick_shipment(shipment.shipment_id, None, "picker-1")
    app.pack_shipment(shipment.shipment_id, [], PASSED, "packer-1")
    app.dispatch_shipment(shipment.shipment_id, None, None, "scanner-1")

    command = CancelShipment(shipment_id=shipment.shipment_id, order_id=shipment.plan.order_id, reason="late")
    assert cancel_shipment(app, command, INBOUND) == []
    with pytest.raises(InvalidMessage):
        cancel_shipment(app, CancelShipment(shipment_id=str(uuid.uuid4()), order_id=shipment.plan.order_id),
                        INBOUND)


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
