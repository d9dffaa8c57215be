"""The application's handlers of the order service's commands, given plain commands (no protobuf,
no broker), on a real store (SQLite and PostgreSQL)."""

from __future__ import annotations

import uuid
from dataclasses import replace

import pytest

from oms_kernel.money import Money
from oms_platform.messaging.consumer import InvalidMessage
from services.fulfillment.application.commands import CancelShipment, CreateShipments, ShipmentToCreate
from services.fulfillment.application.handlers import cancel_shipment, create_shipments
from services.fulfillment.domain.shipment import ShipmentStatus, create_shipment
from services.fulfillment.domain.values import QualityCheck, ShipmentLine, ShipmentPlan
from tests.services.fulfillment.builders import a_plan

PASSED = QualityCheck(passed=True, notes="sealed")


def create(*plans: ShipmentPlan) -> CreateShipments:
    return CreateShipments(order_id=plans[0].order_id,
                           shipments=tuple(ShipmentToCreate(str(uuid.uuid4()), plan) for plan in plans))


def two_warehouses() -> CreateShipments:
    order_id = str(uuid.uuid4())
    return create(a_plan(order_id=order_id, warehouse_id="WH-SHANGHAI", cash_on_delivery=Money("CNY", 12900)),
                  a_plan(order_id=order_id, warehouse_id="WH-BEIJING"))


def test_create_shipments_makes_each_planned_shipment_with_its_pick_list_and_a_repeat_makes_none(app):
    command = two_warehouses()

    shipments = create_shipments(app, command)
    app.record(*shipments)

    assert [(s.shipment_id, s.plan) for s in shipments] == [(p.shipment_id, p.plan) for p in command.shipments]
    assert all(s.status is ShipmentStatus.PICK_LIST_ISSUED for s in shipments)
    assert app.shipment(command.shipments[0].shipment_id).plan.cash_on_delivery == Money("CNY", 12900)
    assert create_shipments(app, command) == []


def test_a_repeat_adds_only_the_shipments_not_created_yet(app):
    command = two_warehouses()
    app.record(*create_shipments(app, replace(command, shipments=command.shipments[:1])))

    assert [s.shipment_id for s in create_shipments(app, command)] == [command.shipments[1].shipment_id]


@pytest.mark.parametrize(("lines", "problem"), [
    ((), "has no lines"),
    ((ShipmentLine("l1", "SKU-TEA", "Tea", 0),), "has a line without units"),
    ((ShipmentLine("l1", "SKU-TEA", "Tea", 1), ShipmentLine("l1", "SKU-CUP", "Cup", 1)), "repeats or omits line ids"),
])
def test_a_plan_the_domain_refuses_is_an_invalid_message_for_the_whole_command(app, lines, problem):
    command = two_warehouses()
    broken = replace(command.shipments[1], plan=replace(command.shipments[1].plan, lines=lines))

    with pytest.raises(InvalidMessage, match=f"WH-BEIJING {problem}"):
        create_shipments(app, replace(command, shipments=(command.shipments[0], broken)))


def test_a_plan_without_a_warehouse_is_an_invalid_message(app):
    command = create(a_plan(warehouse_id=""))

    with pytest.raises(InvalidMessage, match="needs an order and a warehouse"):
        create_shipments(app, command)


def test_cancel_cancels_a_shipment_not_dispatched_with_or_without_the_order_named(app):
    named, unnamed = (create_shipment(str(uuid.uuid4()), a_plan()) for _ in range(2))
    app.record(named, unnamed)

    [cancelled] = cancel_shipment(app, CancelShipment(named.shipment_id, named.plan.order_id, "customer"))
    [also_cancelled] = cancel_shipment(app, CancelShipment(unnamed.shipment_id, "", "fraud"))

    assert (cancelled.status, cancelled.cancel_reason) == (ShipmentStatus.CANCELLED, "customer")
    assert (also_cancelled.status, also_cancelled.cancel_reason) == (ShipmentStatus.CANCELLED, "fraud")


def test_cancel_is_refused_quietly_after_dispatch(app):
    shipment = create_shipment(str(uuid.uuid4()), a_plan())
    app.record(shipment)
    app.pick_shipment(shipment.shipment_id, None, "picker-1")
    app.pack_shipment(shipment.shipment_id, [], PASSED, "packer-1")
    app.dispatch_shipment(shipment.shipment_id, None, None, "scanner-1")

    assert cancel_shipment(app, CancelShipment(shipment.shipment_id, shipment.plan.order_id, "late")) == []
    assert app.shipment(shipment.shipment_id).status is ShipmentStatus.DISPATCHED


@pytest.mark.parametrize("wrong", ["unknown-shipment", "not-a-uuid", "other-order"])
def test_cancel_of_a_shipment_the_order_does_not_have_is_an_invalid_message(app, wrong):
    shipment = create_shipment(str(uuid.uuid4()), a_plan())
    app.record(shipment)
    shipment_id, order_id = {
        "unknown-shipment": (str(uuid.uuid4()), shipment.plan.order_id),
        "not-a-uuid": ("shipment-1", shipment.plan.order_id),
        "other-order": (shipment.shipment_id, str(uuid.uuid4())),
    }[wrong]

    with pytest.raises(InvalidMessage, match=f"order {order_id!r} has no shipment {shipment_id!r}"):
        cancel_shipment(app, CancelShipment(shipment_id, order_id, "late"))
    assert app.shipment(shipment.shipment_id).status is ShipmentStatus.PICK_LIST_ISSUED
