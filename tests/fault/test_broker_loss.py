"""The broker loses every topic: republish the stores, rebuild the projection, the views come back.

Orders are taken through intake, reservation and (for one) dispatch; the query API's answers are
kept. Then the broker restarts with empty memory storage. Operators republish each service's
store (`omsctl republish`) and rebuild the projection (`omsctl rebuild-projection`); the services
keep running meanwhile and must recognise every republished message as already processed. The
query API must then answer exactly as before.
"""

import subprocess
import sys
import uuid

import httpx
import pytest

from oms_dev.broker import EmbeddedBroker
from tests.e2e.journey import channel_order, eventually, find_order, place, stock_catalogue
from tests.support.stack import running_stack

pytestmark = [pytest.mark.fault, pytest.mark.kafka]

PUBLISHING_SERVICES = ("ingest", "order", "inventory", "fulfillment", "tracking", "ledger")


@pytest.fixture
def broker(tmp_path):
    with EmbeddedBroker(log_dir=tmp_path, die_with_parent=True) as broker:
        yield broker


@pytest.fixture
def stack(broker, tmp_path):
    with running_stack(broker.bootstrap_servers, tmp_path / "data") as stack:
        yield stack


def omsctl(stack, *arguments: str) -> str:
    service = stack.services["projection"]
    env = {**service.env, "OMS_LOG_JSON": "false"}
    result = subprocess.run([sys.executable, "-m", "oms_platform.cli", *arguments], env=env,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


async def views(client: httpx.AsyncClient, stack, order_ids: list[str]) -> dict:
    """What the query API answers, without the fields that record when a row was written."""
    answers = {}
    for order_id in order_ids:
        answer = await client.get(f"{stack.url('projection')}/api/orders/{order_id}")
        assert answer.status_code == 200, answer.text
        detail = answer.json()
        answers[order_id] = {
            "status": detail["status"], "number": detail["order_number"], "lines": detail["lines"],
            "checkpoints": [(c["code"], c["reached"], c["occurred_at"]) for c in detail["checkpoints"]],
            "shipments": sorted((s["shipment_id"], s["status"]) for s in detail["shipments"]),
            "ledger": sorted((e["entry_id"], e["line_no"], e["account_code"], e["debit_minor"], e["credit_minor"])
                             for e in detail["ledger"]["entries"]),
        }
    answers["inventory"] = (await client.get(f"{stack.url('projection')}/api/inventory")).json()
    return answers


async def test_views_after_republish_and_rebuild_equal_the_views_before(stack, broker):
    async with httpx.AsyncClient(timeout=10) as client:
        sku = f"LOSS-{uuid.uuid4().hex[:6].upper()}"
        await stock_catalogue(client, stack.url("inventory"), stack.url("ingest"), [(sku, 3000, {"WH-SH": 50})])
        ids = [f"L{uuid.uuid4().hex[:10]}" for _ in range(5)]
        for n, channel_order_id in enumerate(ids):
            await place(stack.bootstrap, channel_order(channel_order_id, [(sku, 1, 3000)], phone=f"1371234{n:04d}"))
        order_ids = [(await find_order(client, stack.url("projection"), i, status="in_fulfilment"))[0]["order_id"]
                     for i in ids]
        [shipment] = (await client.get(f"{stack.url('fulfillment')}/shipments",
                                       params={"order_id": order_ids[0]})).json()["shipments"]
        for step, body in (("pick", {}), ("pack", {"quality_check": {"passed": True}}), ("dispatch", {})):
            answer = await client.post(f"{stack.url('fulfillment')}/shipments/{shipment['shipment_id']}/{step}",
                                       json=body, headers={"X-Actor": "ops"})
            assert answer.status_code == 200, answer.text
        await find_order(client, stack.url("projection"), ids[0], status="shipped")

        async def settled_views():
            first = await views(client, stack, order_ids)
            second = await views(client, stack, order_ids)  # nothing still moving
            shipped = first[order_ids[0]]["checkpoints"][4][1]  # outbound scan
            # the dispatched unit has left the stock (order -> ConsumeReservation -> inventory)
            consumed = [row["on_hand"] for row in first["inventory"]] == [49]
            return first if first == second and shipped and consumed else None

        before = await eventually(settled_views, what="the views to settle")

        stack.services["projection"].stop()
        broker.restart()  # memory storage: every topic, message and offset is gone
        for name in PUBLISHING_SERVICES:
            assert "published again" in omsctl(stack, "republish", name)
        assert "projection rebuilt" in omsctl(stack, "rebuild-projection")
        stack.services["projection"].start()
        stack.services["projection"].wait_ready()

        after = await views(client, stack, order_ids)
        assert after == before
