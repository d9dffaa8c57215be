"""The Kafka entrypoint: the order service's commands translated into the application's commands,
and what cannot be translated refused as an invalid message naming why (no broker needed)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest
from google.protobuf.timestamp_pb2 import Timestamp

from oms.common.v1.money_pb2 import Money as MoneyMessage
from oms.envelope.v1.envelope_pb2 import Envelope
from oms.fulfillment.v1 import fulfillment_commands_pb2, fulfillment_pb2
from oms_kernel.money import Money
from oms_platform.identity import shipment_id_for
from oms_platform.messaging.consumer import Inbound, InvalidMessage
from services.fulfillment.application.commands import CancelShipment, CreateShipments, ShipmentToCreate
from services.fulfillment.bootstrap import definition
from services.fulfillment.domain.shipment import ShipmentStatus
from services.fulfillment.domain.values import ServiceLevel, ShipmentLine, ShipmentPlan
from services.fulfillment.entrypoints.kafka import HANDLERS, cancel_shipment, create_shipments
from tests.services.fulfillment.builders import HANGZHOU, planned
from tests.services.fulfillment.builders import create_shipments as create_shipments_message

INBOUND = Inbound(Envelope(event_id="e-1"), "oms.fulfillment.commands.v1", 0, 7, "key")
PROMISED = datetime(2030, 5, 6, 7, 8, 9, 123456, tzinfo=UTC)


def a_message(order_id: str | None = None) -> fulfillment_commands_pb2.CreateShipments:
    order_id = order_id or str(uuid.uuid4())
    return create_shipments_message(
        order_id, planned(order_id, "WH-SHANGHAI", ("line-1", "SKU-TEA", 2), ("line-2", "SKU-CUP", 1)),
        planned(order_id, "WH-BEIJING", ("line-3", "SKU-POT", 1), shipment_id=""),
    )


def test_the_entrypoint_handles_the_two_commands_fulfillment_consumes_and_the_service_uses_it():
    assert set(HANDLERS) == {fulfillment_commands_pb2.CreateShipments, fulfillment_commands_pb2.CancelShipment}
    assert definition().handlers is HANDLERS


def test_create_shipments_becomes_one_shipment_to_create_per_planned_shipment():
    message = a_message()
    message.requested_service_level = fulfillment_pb2.SERVICE_LEVEL_NEXT_DAY
    message.promised_by.CopyFrom(Timestamp(seconds=int(PROMISED.timestamp()), nanos=123456789))
    message.cash_on_delivery_amount.CopyFrom(MoneyMessage(currency_code="CNY", minor_units=12900))
    order_id = message.order_id

    def plan(warehouse_id: str, *lines: ShipmentLine) -> ShipmentPlan:
        return ShipmentPlan(
            order_id=order_id, order_number="SO-0001", reservation_id=message.reservation_id,
            warehouse_id=warehouse_id, lines=lines, destination=HANGZHOU, priority=2,
            service_level=ServiceLevel.NEXT_DAY, promised_by=PROMISED, cash_on_delivery=Money("CNY", 12900),
        )

    assert create_shipments(message, INBOUND) == CreateShipments(order_id=order_id, shipments=(
        ShipmentToCreate(shipment_id_for(order_id, "WH-SHANGHAI"), plan(
            "WH-SHANGHAI",
            ShipmentLine("line-1", "SKU-TEA", "Sku-Tea", 2), ShipmentLine("line-2", "SKU-CUP", "Sku-Cup", 1),
        )),
        # No shipment id: derived from the order and the warehouse, as the order service derives it.
        ShipmentToCreate(shipment_id_for(order_id, "WH-BEIJING"), plan(
            "WH-BEIJING", ShipmentLine("line-3", "SKU-POT", "Sku-Pot", 1),
        )),
    ))


def test_shipment_ids_are_lower_case_whatever_case_the_command_used():
    message = a_message()
    upper = str(uuid.uuid4()).upper()
    message.shipments[0].shipment_id = upper

    assert create_shipments(message, INBOUND).shipments[0].shipment_id == upper.lower()


@pytest.mark.parametrize(("number", "level"), [
    (fulfillment_pb2.SERVICE_LEVEL_UNSPECIFIED, ServiceLevel.STANDARD),
    (fulfillment_pb2.SERVICE_LEVEL_ECONOMY, ServiceLevel.ECONOMY),
    (fulfillment_pb2.SERVICE_LEVEL_SAME_DAY, ServiceLevel.SAME_DAY),
    (fulfillment_pb2.SERVICE_LEVEL_FREIGHT, ServiceLevel.FREIGHT),
    (99, ServiceLevel.STANDARD),  # a level of a newer contract: the default one, as before
])
def test_the_requested_service_level_or_the_standard_one(number, level):
    message = a_message()
    message.requested_service_level = number  # type: ignore[assignment]

    assert {s.plan.service_level for s in create_shipments(message, INBOUND).shipments} == {level}


def test_no_promise_and_no_cash_on_delivery_are_none():
    shipments = create_shipments(a_message(), INBOUND).shipments
    assert {(s.plan.promised_by, s.plan.cash_on_delivery) for s in shipments} == {(None, None)}


def _broken(problem: str) -> fulfillment_commands_pb2.CreateShipments:
    message = a_message()
    if problem == "order id":
        message.order_id = "order-1"
    elif problem == "shipment id":
        message.shipments[0].shipment_id = "shipment-1"
    elif problem == "no shipments":
        del message.shipments[:]
    elif problem == "warehouse twice":
        message.shipments[1].warehouse_id = "WH-SHANGHAI"
    elif problem == "amount without currency":
        message.cash_on_delivery_amount.minor_units = 12900
    elif problem == "not a currency":
        message.cash_on_delivery_amount.CopyFrom(MoneyMessage(currency_code="yuan", minor_units=12900))
    return message


@pytest.mark.parametrize(("problem", "reason"), [
    ("order id", "CreateShipments: order_id 'order-1' is not a UUID"),
    ("shipment id", "CreateShipments: shipment_id 'shipment-1' is not a UUID"),
    ("no shipments", "CreateShipments: order .+ plans no shipments"),
    ("warehouse twice", "CreateShipments: order .+ plans one shipment id twice"),
    ("amount without currency", "CreateShipments: an amount of 12900 minor units has no currency"),
    ("not a currency", "CreateShipments: currency must be an ISO 4217 code like 'CNY', got 'yuan'"),
])
def test_a_create_shipments_that_cannot_be_translated_is_an_invalid_message_naming_why(problem, reason):
    # No application: a message that got past the translation would fail on it, not as invalid.
    with pytest.raises(InvalidMessage, match=reason):
        HANDLERS[fulfillment_commands_pb2.CreateShipments](None, _broken(problem), INBOUND)


def test_cancel_shipment_becomes_the_application_s_command():
    message = fulfillment_commands_pb2.CancelShipment(shipment_id="s-1", order_id="o-1", reason="customer")

    assert cancel_shipment(message, INBOUND) == CancelShipment(shipment_id="s-1", order_id="o-1", reason="customer")


def test_the_entrypoint_s_handlers_carry_the_commands_out_on_the_store(app):
    message = a_message()
    shipments = HANDLERS[fulfillment_commands_pb2.CreateShipments](app, message, INBOUND)
    app.record(*shipments)
    shipment_id = shipment_id_for(message.order_id, "WH-BEIJING")

    [cancelled] = HANDLERS[fulfillment_commands_pb2.CancelShipment](
        app, fulfillment_commands_pb2.CancelShipment(shipment_id=shipment_id, order_id=message.order_id,
                                                     reason="customer"), INBOUND)

    assert {s.plan.warehouse_id for s in shipments} == {"WH-SHANGHAI", "WH-BEIJING"}
    assert (cancelled.shipment_id, cancelled.status) == (shipment_id, ShipmentStatus.CANCELLED)


def test_a_plan_the_domain_refuses_is_dead_lettered_by_the_application_not_the_translation(app):
    order_id = str(uuid.uuid4())
    message = create_shipments_message(order_id, planned(order_id, "WH-SHANGHAI"))  # no lines

    translated = create_shipments(message, INBOUND)  # translates: lines are the domain's business
    with pytest.raises(InvalidMessage, match="the shipment from WH-SHANGHAI has no lines"):
        HANDLERS[fulfillment_commands_pb2.CreateShipments](app, message, INBOUND)
    assert translated.shipments[0].plan.lines == ()
