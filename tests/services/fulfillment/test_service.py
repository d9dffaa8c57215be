"""The fulfillment service in-process against a real broker: commands in, events out, HTTP."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable

from oms.fulfillment.v1.fulfillment_commands_pb2 import CancelShipment
from oms_platform.identity import shipment_id_for
from services.fulfillment.bootstrap import definition
from tests.services.fulfillment.builders import create_shipments, planned, two_warehouse_order
from tests.support.messaging import TopicReader, publish
from tests.support.services import ServiceUnderTest, running_service

COMMANDS = "oms.fulfillment.commands.v1"
EVENTS = "oms.fulfillment.events.v1"
OPERATOR = {"X-Actor": "picker-42"}
PACKED_OK = {"parcels": [{"weight_grams": 1500, "length_mm": 300, "width_mm": 200, "height_mm": 150}],
             "quality_check": {"passed": True, "notes": "all items match"}}


async def eventually(condition: Callable[[], bool], what: str, timeout: float = 30.0) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not condition():
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"timed out waiting until {what}")
        await asyncio.sleep(0.05)


def consumed(service: ServiceUnderTest, outcome: str) -> float:
    sample = service.runtime.metrics.registry.get_sample_value(
        "oms_messages_consumed_total", {"topic": COMMANDS, "outcome": outcome})
    return sample or 0.0


async def order_with_shipments(service: ServiceUnderTest, broker: str) -> tuple[str, str, str]:
    """An order whose two shipments (Shanghai, Beijing) are in the store: (order, shanghai, beijing)."""
    order_id, command = two_warehouse_order()
    await publish(broker, COMMANDS, order_id, command, producer="order")
    shanghai, beijing = shipment_id_for(order_id, "WH-SHANGHAI"), shipment_id_for(order_id, "WH-BEIJING")
    await eventually(lambda: service.app.find_shipment(beijing) and service.app.find_shipment(shanghai),
                     "both shipments are stored")
    return order_id, shanghai, beijing


async def test_shipments_are_created_picked_packed_and_dispatched_with_events_in_order(broker, store):
    async with running_service(definition(), bootstrap=broker, data_dir=store.data_dir,
                               database_url=store.database_url) as service:
        order_id, shanghai, _ = await order_with_shipments(service, broker)
        client = service.client

        started = await client.post(f"/shipments/{shanghai}/start-picking", headers=OPERATOR)
        assert (started.status_code, started.json()["status"]) == (200, "picking")
        assert (await client.post(f"/shipments/{shanghai}/pick", headers=OPERATOR)).status_code == 200
        assert (await client.post(f"/shipments/{shanghai}/pack", json=PACKED_OK, headers=OPERATOR)).status_code == 200
        dispatched = await client.post(f"/shipments/{shanghai}/dispatch", headers=OPERATOR)
        assert dispatched.status_code == 200, dispatched.text
        assert dispatched.json()["status"] == "dispatched"

        async with TopicReader(broker, EVENTS) as events:
            created = await events.wait_for("oms.fulfillment.v1.ShipmentCreated", 2)
            assert {c.warehouse_id for c in created} == {"WH-SHANGHAI", "WH-BEIJING"}
            [message] = await events.wait_for("oms.fulfillment.v1.ShipmentDispatched")
            [(_, start)] = events.messages("oms.fulfillment.v1.PickingStarted")
            ours = [(r, e) for r, (e, p) in zip(events.records, events.messages(), strict=False)
                    if p.shipment_id == shanghai]

        assert [e.type.rsplit(".", 1)[1] for _, e in ours] == [
            "ShipmentCreated", "PickListIssued", "PickingStarted", "ShipmentPicked", "ShipmentPacked",
            "CarrierChosen", "ShipmentDispatched"]
        assert {record.key for record, _ in ours} == {order_id.encode()}
        assert (message.order_id, message.warehouse_id, message.carrier_code) == (order_id, "WH-SHANGHAI", "ZTO")
        assert re.fullmatch(r"ZTO\d{12}", message.tracking_numbers[0])
        assert {(line.line_id, line.sku, line.quantity) for line in message.lines} == {
            ("line-1", "SKU-TEA", 2), ("line-2", "SKU-CUP", 1)}
        assert message.HasField("dispatched_at") and message.scanned_by.actor_id == "picker-42"
        assert (start.shipment_id, start.order_id, start.warehouse_id, start.started_by.actor_id) == \
            (shanghai, order_id, "WH-SHANGHAI", "picker-42")
        assert start.pick_list_id and start.HasField("started_at") and not start.implied_by_pick


async def test_the_same_create_shipments_twice_changes_nothing(broker, tmp_path):
    async with running_service(definition(), bootstrap=broker, data_dir=tmp_path) as service:
        order_id, command = two_warehouse_order()
        await publish(broker, COMMANDS, order_id, command)
        await eventually(lambda: consumed(service, "processed") == 1, "the command is processed")
        position = service.app.position()

        await publish(broker, COMMANDS, order_id, command)
        await eventually(lambda: consumed(service, "processed") == 2, "the repeat is processed")

        assert service.app.position() == position == 4  # two shipments, two pick lists
        listed = (await service.client.get("/shipments", params={"order_id": order_id})).json()["shipments"]
        assert len(listed) == 2


async def test_dispatch_before_pack_is_a_conflict_that_records_nothing(broker, tmp_path):
    async with running_service(definition(), bootstrap=broker, data_dir=tmp_path) as service:
        _, shanghai, _ = await order_with_shipments(service, broker)
        await service.client.post(f"/shipments/{shanghai}/pick", headers=OPERATOR)
        position = service.app.position()

        response = await service.client.post(f"/shipments/{shanghai}/dispatch", headers=OPERATOR)

        assert response.status_code == 409
        problem = response.json()
        assert problem["type"].endswith("/shipment-state-conflict")
        assert (problem["status"], problem["shipment_status"], problem["command"]) == (409, "picked", "dispatch")
        assert service.app.position() == position
        assert (await service.client.get(f"/shipments/{shanghai}")).json()["status"] == "picked"


async def test_bad_operator_input_names_each_field(broker, tmp_path):
    async with running_service(definition(), bootstrap=broker, data_dir=tmp_path) as service:
        _, shanghai, _ = await order_with_shipments(service, broker)
        client = service.client

        no_actor = await client.post(f"/shipments/{shanghai}/pick")
        bad_pick = await client.post(f"/shipments/{shanghai}/pick", headers=OPERATOR,
                                     json={"picked": [{"line_id": "line-9", "quantity": 1},
                                                      {"line_id": "line-1", "quantity": 5}]})
        assert no_actor.status_code == bad_pick.status_code == 422
        assert [(e["field"], e["location"]) for e in no_actor.json()["errors"]] == [("X-Actor", "header")]
        assert [e["field"] for e in bad_pick.json()["errors"]] == ["picked[0].line_id", "picked[1].quantity"]

        await client.post(f"/shipments/{shanghai}/pick", headers=OPERATOR)
        bad_pack = await client.post(f"/shipments/{shanghai}/pack", headers=OPERATOR,
                                     json={"parcels": [{"weight_grams": 0, "length_mm": "long", "width_mm": 1}]})
        assert bad_pack.status_code == 422
        assert {e["field"] for e in bad_pack.json()["errors"]} == {
            "parcels[0].weight_grams", "parcels[0].length_mm", "parcels[0].height_mm", "quality_check"}

        position = service.app.position()
        failed_check = await client.post(f"/shipments/{shanghai}/pack", headers=OPERATOR,
                                         json={"quality_check": {"passed": False, "notes": "wrong colour"}})
        assert failed_check.status_code == 422
        assert [e["field"] for e in failed_check.json()["errors"]] == ["quality_check.passed"]
        assert service.app.position() == position

        await client.post(f"/shipments/{shanghai}/pack", headers=OPERATOR, json=PACKED_OK)
        unknown_carrier = await client.post(f"/shipments/{shanghai}/dispatch", headers=OPERATOR,
                                            json={"carrier_code": "yunda"})
        assert unknown_carrier.status_code == 422
        assert [e["field"] for e in unknown_carrier.json()["errors"]] == ["tracking_number"]

        assert (await client.get("/shipments/not-a-uuid")).status_code == 422
        missing = await client.get(f"/shipments/{shipment_id_for('no-such-order', 'WH-X')}")
        assert missing.status_code == 404 and missing.json()["resource"] == "shipment"
        bad_query = await client.get("/shipments", params={"status": "lost", "limit": 0})
        assert {e["field"] for e in bad_query.json()["errors"]} == {"status", "limit"}


async def test_a_short_pick_reports_the_shortage_on_the_topic(broker, tmp_path):
    async with running_service(definition(), bootstrap=broker, data_dir=tmp_path) as service:
        order_id, shanghai, _ = await order_with_shipments(service, broker)

        response = await service.client.post(f"/shipments/{shanghai}/pick", headers=OPERATOR,
                                             json={"picked": [{"line_id": "line-1", "quantity": 1}]})

        assert response.status_code == 200 and response.json()["status"] == "picked"
        async with TopicReader(broker, EVENTS) as events:
            [shortage] = await events.wait_for("oms.fulfillment.v1.PickShortageReported")
        assert (shortage.order_id, shortage.warehouse_id) == (order_id, "WH-SHANGHAI")
        assert {(m.line_id, m.quantity) for m in shortage.missing} == {("line-1", 1), ("line-2", 1)}


async def test_a_cancelled_shipment_is_published_and_refuses_further_steps(broker, tmp_path):
    async with running_service(definition(), bootstrap=broker, data_dir=tmp_path) as service:
        order_id, shanghai, _ = await order_with_shipments(service, broker)

        await publish(broker, COMMANDS, order_id,
                      CancelShipment(shipment_id=shanghai, order_id=order_id, reason="order cancelled"))

        async with TopicReader(broker, EVENTS) as events:
            [cancelled] = await events.wait_for("oms.fulfillment.v1.ShipmentCancelled")
        assert (cancelled.shipment_id, cancelled.reason) == (shanghai, "order cancelled")
        refused = await service.client.post(f"/shipments/{shanghai}/pick", headers=OPERATOR)
        assert refused.status_code == 409 and refused.json()["shipment_status"] == "cancelled"


async def test_a_cancellation_after_dispatch_is_acknowledged_and_changes_nothing(broker, tmp_path):
    async with running_service(definition(), bootstrap=broker, data_dir=tmp_path) as service:
        order_id, shanghai, _ = await order_with_shipments(service, broker)
        for step, body in (("pick", None), ("pack", PACKED_OK), ("dispatch", {"carrier_code": "SF"})):
            assert (await service.client.post(f"/shipments/{shanghai}/{step}", json=body,
                                              headers=OPERATOR)).status_code == 200
        position = service.app.position()

        await publish(broker, COMMANDS, order_id, CancelShipment(shipment_id=shanghai, order_id=order_id))
        await eventually(lambda: consumed(service, "processed") == 2, "the cancellation is processed")

        assert service.app.position() == position
        assert consumed(service, "dead_lettered") == 0
        shipment = (await service.client.get(f"/shipments/{shanghai}")).json()
        assert (shipment["status"], shipment["carrier"]["carrier_code"]) == ("dispatched", "SF")


async def test_a_create_shipments_without_lines_is_dead_lettered(broker, tmp_path):
    async with running_service(definition(), bootstrap=broker, data_dir=tmp_path) as service:
        order_id, _ = two_warehouse_order()
        await publish(broker, COMMANDS, order_id, create_shipments(order_id, planned(order_id, "WH-SHANGHAI")))

        await eventually(lambda: consumed(service, "dead_lettered") == 1, "the command is dead-lettered")
        async with TopicReader(broker, f"{COMMANDS}.dlq") as dead_letters:
            for _ in range(100):
                await dead_letters.poll()  # waits up to 100 ms for records
                if dead_letters.records:
                    break
        assert [record.key for record in dead_letters.records] == [order_id.encode()]
        assert service.app.position() == 0


async def test_the_work_queue_puts_urgent_orders_first(broker, tmp_path):
    async with running_service(definition(), bootstrap=broker, data_dir=tmp_path) as service:
        _, normal = two_warehouse_order()
        urgent_id, urgent = two_warehouse_order()
        urgent.priority = 4
        await publish(broker, COMMANDS, normal.order_id, normal)
        await publish(broker, COMMANDS, urgent_id, urgent)
        await eventually(lambda: consumed(service, "processed") == 2, "both orders are processed")

        listed = (await service.client.get("/shipments", params={"warehouse_id": "WH-BEIJING"})).json()["shipments"]

        assert [s["order_id"] for s in listed] == [urgent_id, normal.order_id]


async def test_a_wave_confirms_each_shipment_on_its_own_and_records_the_accepted_together(broker, store):
    async with running_service(definition(), bootstrap=broker, data_dir=store.data_dir,
                               database_url=store.database_url) as service:
        _, shanghai, beijing = await order_with_shipments(service, broker)
        missing = "00000000-0000-4000-8000-000000000000"
        client = service.client

        picked = await client.post("/waves/pick", headers=OPERATOR, json={"shipments": [
            {"shipment_id": shanghai}, {"shipment_id": missing}, {"shipment_id": beijing}]})
        assert picked.status_code == 200, picked.text
        assert [(r["status"], r["shipment_id"]) for r in picked.json()["results"]] == \
            [(200, shanghai), (404, missing), (200, beijing)]
        assert picked.json()["results"][1]["problem"]["resource_id"] == missing

        packed = await client.post("/waves/pack", headers=OPERATOR, json={"shipments": [
            {"shipment_id": shanghai, **PACKED_OK},
            {"shipment_id": beijing, "quality_check": {"passed": False, "notes": "scratched"}}]})
        assert [r["status"] for r in packed.json()["results"]] == [200, 422]
        assert packed.json()["results"][1]["problem"]["errors"][0]["field"] == "shipments[1].quality_check.passed"

        dispatched = await client.post("/waves/dispatch", headers=OPERATOR, json={"shipments": [
            {"shipment_id": shanghai}, {"shipment_id": beijing}]})
        assert [r["status"] for r in dispatched.json()["results"]] == [200, 409]  # beijing was never packed
        assert dispatched.json()["results"][0]["shipment"]["status"] == "dispatched"
        assert service.app.shipment(beijing).status.value == "picked"


async def test_a_wave_starts_picking_and_a_pick_without_a_start_publishes_the_start_it_implies(broker, tmp_path):
    async with running_service(definition(), bootstrap=broker, data_dir=tmp_path) as service:
        order_id, shanghai, beijing = await order_with_shipments(service, broker)
        client = service.client

        started = await client.post("/waves/start-picking", headers=OPERATOR, json={"shipments": [
            {"shipment_id": shanghai}, {"shipment_id": shanghai}]})
        assert [r["status"] for r in started.json()["results"]] == [200, 409]  # started once only
        picking = (await client.get("/shipments", params={"status": "picking"})).json()["shipments"]
        assert [s["shipment_id"] for s in picking] == [shanghai]

        picked = await client.post("/waves/pick", headers=OPERATOR, json={"shipments": [
            {"shipment_id": shanghai}, {"shipment_id": beijing}]})
        assert [r["shipment"]["status"] for r in picked.json()["results"]] == ["picked", "picked"]

        async with TopicReader(broker, EVENTS) as events:
            starts = await events.wait_for("oms.fulfillment.v1.PickingStarted", 2)
            [beijing_pick] = [p for _, p in events.messages("oms.fulfillment.v1.ShipmentPicked")
                              if p.shipment_id == beijing]
        assert {(s.shipment_id, s.implied_by_pick) for s in starts} == {(shanghai, False), (beijing, True)}
        implied = next(s for s in starts if s.implied_by_pick)
        assert implied.started_at.ToDatetime() <= beijing_pick.picked_at.ToDatetime()
        assert implied.order_id == order_id


async def test_a_wave_with_a_malformed_line_is_refused_whole_naming_the_field(broker, tmp_path):
    async with running_service(definition(), bootstrap=broker, data_dir=tmp_path) as service:
        _, shanghai, _ = await order_with_shipments(service, broker)
        refused = await service.client.post("/waves/pick", headers=OPERATOR, json={"shipments": [
            {"shipment_id": shanghai}, {"shipment_id": "not-a-uuid"}]})

        assert refused.status_code == 422
        assert any(e["field"] == "shipments[1].shipment_id" for e in refused.json()["errors"]), refused.text
        assert service.app.shipment(shanghai).status.value == "pick_list_issued"
