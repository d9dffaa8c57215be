"""One order through all seven services, as outside clients see it."""

import asyncio
import subprocess
import sys
import uuid
from datetime import UTC

import httpx
import pytest

from oms.envelope.v1.envelope_pb2 import Envelope
from oms_dev.broker import EmbeddedBroker
from oms_platform.catalogue import load_catalogue
from tests.support.messaging import TopicReader
from tests.support.stack import running_stack

from .journey import channel_order, eventually, find_order, place, stock_catalogue

pytestmark = [pytest.mark.kafka]

CHECKPOINTS = ["ORDER_CONFIRMED", "PAYMENT_COMPLETED", "REVIEW_PASSED", "PICKING_STARTED", "OUTBOUND_SCAN",
               "CARRIER_PICKUP", "TRANSIT_ARRIVAL", "OUT_FOR_DELIVERY", "DELIVERED"]


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("e2e")
    with (EmbeddedBroker(log_dir=data_dir, die_with_parent=True) as broker,
          running_stack(broker.bootstrap_servers, data_dir) as stack):
        yield stack


@pytest.fixture
async def client():
    async with httpx.AsyncClient(timeout=10) as http:
        yield http


async def test_an_order_from_a_channel_is_delivered_settled_and_fully_visible(stack, client):
    sku = f"E2E-{uuid.uuid4().hex[:6].upper()}"
    await stock_catalogue(client, stack.url("inventory"), stack.url("ingest"),
                          [(sku, 12900, {"WH-SH": 5, "WH-GZ": 5})])
    channel_order_id = f"E2E-{uuid.uuid4().hex[:8]}"
    await place(stack.bootstrap, channel_order(channel_order_id, [(sku, 2, 12900)]))

    [summary] = await find_order(client, stack.url("projection"), channel_order_id, status="in_fulfilment")
    order_id = summary["order_id"]
    shipments = (await client.get(f"{stack.url('fulfillment')}/shipments", params={"order_id": order_id})).json()
    [shipment] = shipments["shipments"]
    assert shipment["warehouse_id"] == "WH-SH"  # Hangzhou is served from Shanghai

    # Operators work from the dashboard: its command API forwards to fulfillment.
    commands = f"{stack.url('projection')}/api/commands/shipments/{shipment['shipment_id']}"
    operator = {"X-Actor": "e2e.picker"}
    assert (await client.post(f"{commands}/dispatch", headers=operator, json={})).status_code == 409
    assert (await client.post(f"{commands}/pick", headers=operator, json={})).status_code == 200
    assert (await client.post(f"{commands}/pack", headers=operator,
                              json={"quality_check": {"passed": True}})).status_code == 200
    dispatched = await client.post(f"{commands}/dispatch", headers=operator, json={})
    assert dispatched.status_code == 200, dispatched.text
    carrier = dispatched.json()["carrier"]["carrier_code"]
    tracking_number = dispatched.json()["tracking_numbers"][0]

    # The parcel leaves with the carrier once tracking has seen the outbound scan.
    lookup = f"{stack.url('tracking')}/tracking/{carrier.lower()}/{tracking_number}"
    await eventually(lambda: _answers(client, lookup), what="tracking to know the tracking number")
    for code in ("PICKED_UP", "ARRIVED", "OUT_FOR_DELIVERY", "DELIVERED"):
        answer = await client.post(f"{stack.url('tracking')}/carriers/{carrier.lower()}/events", json={
            "tracking_number": tracking_number, "event_code": code if carrier != "SF" else
            {"PICKED_UP": "50", "ARRIVED": "30", "OUT_FOR_DELIVERY": "44", "DELIVERED": "80"}[code],
            "occurred_at": _now(), "location": {"city": "杭州市", "province": "浙江省", "country": "CN"}})
        assert answer.status_code == 202, answer.text

    await find_order(client, stack.url("projection"), channel_order_id, status="completed")

    async def detail_with_every_checkpoint():
        detail = (await client.get(f"{stack.url('projection')}/api/orders/{order_id}")).json()
        return detail if all(c["reached"] for c in detail["checkpoints"]) and detail["ledger"]["entries"] else None

    detail = await eventually(detail_with_every_checkpoint, what="all nine checkpoints and the ledger in the view")
    assert [c["code"].upper() for c in detail["checkpoints"]] == CHECKPOINTS
    reached = [c["occurred_at"] for c in detail["checkpoints"]]
    assert reached == sorted(reached), "checkpoints happened in their order"
    assert detail["ledger"]["balanced"]

    async def settled():
        books = (await client.get(f"{stack.url('ledger')}/ledger/orders/{order_id}")).json()
        return books if books.get("settled") else None

    books = await eventually(settled, what="the order settled in the ledger")
    assert len(books["entries"]) >= 3, books  # payment received, revenue on delivery, payment matched
    trial = (await client.get(f"{stack.url('ledger')}/ledger/trial-balance")).json()
    assert trial["balanced"] and trial["currencies"], trial


async def test_the_same_channel_order_sent_five_times_is_one_order(stack, client):
    sku = f"E2E-{uuid.uuid4().hex[:6].upper()}"
    await stock_catalogue(client, stack.url("inventory"), stack.url("ingest"), [(sku, 5000, {"WH-BJ": 10})])
    channel_order_id = f"DUP-{uuid.uuid4().hex[:8]}"
    message = channel_order(channel_order_id, [(sku, 1, 5000)])
    for _ in range(5):
        await place(stack.bootstrap, message)

    [summary] = await find_order(client, stack.url("projection"), channel_order_id)
    intake = f"{stack.url('ingest')}/intake/orders/{summary['order_id']}"
    await eventually(lambda: _duplicates(client, intake, 4), what="ingest to see the four repeats")
    page = (await client.get(f"{stack.url('projection')}/api/orders", params={"q": channel_order_id})).json()
    assert [o["channel_order_id"] for o in page["items"]] == [channel_order_id]
    async with TopicReader(stack.bootstrap, "oms.intake.events.v1") as intake_events:
        accepted = await intake_events.wait_for(
            "oms.intake.v1.OrderAccepted", where=lambda m: m.order.channel_order.channel_order_id == channel_order_id)
        await intake_events.poll()
        assert len([m for _, m in intake_events.messages("oms.intake.v1.OrderAccepted")
                    if m.order.channel_order.channel_order_id == channel_order_id]) == len(accepted) == 1


async def test_a_burst_for_the_last_units_reserves_exactly_that_many(stack, client):
    sku = f"LAST-{uuid.uuid4().hex[:6].upper()}"
    units, buyers = 5, 15
    await stock_catalogue(client, stack.url("inventory"), stack.url("ingest"), [(sku, 9900, {"WH-SH": units})])
    ids = [f"BURST-{uuid.uuid4().hex[:8]}" for _ in range(buyers)]
    await asyncio.gather(*(place(stack.bootstrap, channel_order(i, [(sku, 1, 9900)], phone=f"1391234{n:04d}"))
                           for n, i in enumerate(ids)))

    async def all_decided():
        statuses = []
        for channel_order_id in ids:
            page = (await client.get(f"{stack.url('projection')}/api/orders", params={"q": channel_order_id})).json()
            statuses += [o["status"] for o in page["items"]]
        decided = [s for s in statuses if s in ("in_fulfilment", "allocated", "on_hold")]
        return statuses if len(decided) == buyers else None

    statuses = await eventually(all_decided, timeout=90, what="every order reserved or held")
    assert sum(s in ("in_fulfilment", "allocated") for s in statuses) == units
    assert statuses.count("on_hold") == buyers - units

    stock = (await client.get(f"{stack.url('inventory')}/stock/{sku}")).json()
    assert (stock["on_hand"], stock["reserved"], stock["available"]) == (units, units, 0), stock
    async with TopicReader(stack.bootstrap, "oms.inventory.availability.v1") as feed:
        changes = await feed.wait_for("oms.inventory.v1.AvailabilityChanged", where=lambda m: m.sku == sku)
        await feed.poll()
        changes = [m for _, m in feed.messages("oms.inventory.v1.AvailabilityChanged") if m.sku == sku]
    assert changes and all(_total_available(m) >= 0 for m in changes)


async def _answers(client, url) -> bool:
    return (await client.get(url)).status_code == 200


async def _duplicates(client, url, expected):
    body = (await client.get(url)).json()
    return body["duplicates_received"] >= expected


def _total_available(message) -> int:
    assert all(w.available >= 0 for w in message.warehouses), message
    return message.available_to_sell


def _now() -> str:
    from datetime import datetime

    return datetime.now(UTC).isoformat()


async def test_the_event_id_identifies_a_message_across_topics_and_republishing_keeps_it(stack, client):
    """What the README tells downstream teams to deduplicate by must be a key: unique across every
    topic, and the same when an operator republishes a store. (producer, aggregate, version) alone
    is not: one order version is a command on one topic and an event on another."""
    sku = f"KEY-{uuid.uuid4().hex[:6].upper()}"
    await stock_catalogue(client, stack.url("inventory"), stack.url("ingest"), [(sku, 9900, {"WH-SH": 3})])
    channel_order_id = f"KEY-{uuid.uuid4().hex[:8]}"
    await place(stack.bootstrap, channel_order(channel_order_id, [(sku, 1, 9900)]))
    await find_order(client, stack.url("projection"), channel_order_id, status="in_fulfilment")

    before = await _identities(stack.bootstrap)
    assert len(before) == len(set(before.values()))  # one event id per (topic, producer, aggregate, version)
    triples = [identity[1:] for identity in before.values()]
    assert len(set(triples)) < len(triples)  # the triple without the topic repeats across topics

    republished = subprocess.run([sys.executable, "-m", "oms_platform.cli", "republish", "order"],
                                 env={**stack.services["order"].env, "OMS_LOG_JSON": "false"},
                                 capture_output=True, text=True, timeout=120)
    assert republished.returncode == 0, republished.stdout + republished.stderr

    after = await _identities(stack.bootstrap)
    assert after == before  # the same messages again: the same event ids for the same identities
    order_events = [r for r in await _records(stack.bootstrap, "oms.order.events.v1")]
    ids = [Envelope.FromString(r.value).event_id for r in order_events]
    assert len(ids) > len(set(ids))  # republished copies are on the topic, recognisable by their event id


async def _identities(bootstrap: str) -> dict[str, tuple[str, str, str, int]]:
    """event id -> (topic, producer, aggregate id, version) of every message the services published;
    fails if one event id names two different messages."""
    identities: dict[str, tuple[str, str, str, int]] = {}
    for topic in load_catalogue().all_topics():
        if topic.name.endswith(".dlq") or "channel-adapters" in topic.producers:
            continue
        for record in await _records(bootstrap, topic.name):
            envelope = Envelope.FromString(record.value)
            identity = (topic.name, envelope.producer, envelope.aggregate_id, envelope.aggregate_version)
            assert identities.setdefault(envelope.event_id, identity) == identity, envelope.event_id
    return identities


async def _records(bootstrap: str, topic: str) -> list:
    async with TopicReader(bootstrap, topic) as reader:
        for _ in range(10):  # every record there is, read until a few polls bring nothing new
            seen = len(reader.records)
            await reader.poll()
            if len(reader.records) == seen and seen:
                break
        return reader.records
