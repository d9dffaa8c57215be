"""Intake under concurrent clients, over the wire: web shops, POS and adapters posting at once.

An ingest process of its own (real HTTP server, real broker, SQLite and PostgreSQL stores). 32
HTTP clients post orders, some of them twice from two clients at the same moment, while an adapter
publishes more on the intake topic. Nothing may answer 5xx; every channel order is accepted exactly
once, with one order number no other order has, and published once.
"""

from __future__ import annotations

import asyncio
import copy
from collections import Counter

import httpx
import pytest

from oms_platform.identity import order_id_for
from services.ingest import samples
from tests.e2e.journey import counter, eventually
from tests.support.messaging import TopicReader, publish
from tests.support.stack import running_stack

from .contract_messages import catalogue_aggregate_id, catalogue_message, channel_key, placed
from .running import CHANNEL_ORDERS, INTAKE_EVENTS, INVENTORY_EVENTS

CLIENTS = 32
HTTP_ORDERS = 256
POSTED_TWICE = 64  # the first orders are posted by two clients at once, as a retrying client does
KAFKA_ORDERS = 96


def form(prefix: str, n: int) -> dict:
    order = copy.deepcopy(samples.orders()[0])
    order["channel_order_id"] = f"{prefix}-{n:05d}"
    order["channel_account"] = "webshop" if prefix == "HTTP" else "tmall-flagship"
    return order


@pytest.fixture
def ingest_stack(embedded_broker, store_backend, ingest_database_url):
    with running_stack(embedded_broker.bootstrap_servers, store_backend.data_dir, services=("ingest",),
                       database_url=ingest_database_url) as stack:
        yield stack


def test_concurrent_clients_and_adapters_get_no_server_error_and_one_unique_number_each(ingest_stack):
    answers, published = asyncio.run(_storm(ingest_stack))

    statuses = Counter(answer.status_code for _, answer in answers)
    assert statuses == {201: HTTP_ORDERS, 200: POSTED_TWICE}, {
        status: [a.text for _, a in answers if a.status_code == status][:2] for status in statuses}
    numbers_by_order: dict[str, set[str]] = {}
    for channel_order_id, answer in answers:
        numbers_by_order.setdefault(channel_order_id, set()).add(answer.json()["order_number"])
    assert all(len(numbers) == 1 for numbers in numbers_by_order.values())  # both posts: the same order

    accepted = Counter(message.order_id for message in published)
    assert len(accepted) == HTTP_ORDERS + KAFKA_ORDERS and set(accepted.values()) == {1}
    numbers = [message.order_number for message in published]
    assert len(set(numbers)) == len(numbers)
    published_numbers = {message.order_id: message.order_number for message in published}
    assert {channel_order_id: {published_numbers[order_id_for("webshop", channel_order_id)]}
            for channel_order_id in numbers_by_order} == numbers_by_order


async def _storm(stack) -> tuple[list[tuple[str, httpx.Response]], list]:
    ingest = stack.url("ingest")
    async with httpx.AsyncClient(timeout=60, limits=httpx.Limits(max_connections=CLIENTS)) as client:
        await _load_catalogue(client, stack.bootstrap, ingest)
        queue: asyncio.Queue[dict] = asyncio.Queue()
        for n in range(HTTP_ORDERS):
            queue.put_nowait(form("HTTP", n))
            if n < POSTED_TWICE:
                queue.put_nowait(form("HTTP", n))
        answers: list[tuple[str, httpx.Response]] = []

        async def post_orders() -> None:
            while not queue.empty():
                order = queue.get_nowait()
                answers.append((order["channel_order_id"], await client.post(f"{ingest}/intake/orders", json=order)))

        adapter = asyncio.create_task(_publish_orders(stack.bootstrap))
        await asyncio.gather(*(post_orders() for _ in range(CLIENTS)), adapter)
    async with TopicReader(stack.bootstrap, INTAKE_EVENTS) as events:
        await events.wait_for("oms.intake.v1.OrderAccepted", HTTP_ORDERS + KAFKA_ORDERS, timeout=120)
        for _ in range(10):  # a duplicate publication would arrive with the others: read on a little
            await events.poll()
        published = [payload for _, payload in events.messages("oms.intake.v1.OrderAccepted")]
    return answers, published


async def _publish_orders(bootstrap: str) -> None:
    for n in range(KAFKA_ORDERS):
        order = form("KAFKA", n)
        await publish(bootstrap, CHANNEL_ORDERS, channel_key(order), placed(order), producer="adapter-tmall")


async def _load_catalogue(client: httpx.AsyncClient, bootstrap: str, ingest: str) -> None:
    entries = samples.catalogue()
    for entry in entries:
        await publish(bootstrap, INVENTORY_EVENTS, entry["sku"], catalogue_message(entry), producer="inventory",
                      aggregate_id=catalogue_aggregate_id(entry["sku"]), aggregate_version=1)

    async def known() -> bool:
        return await counter(client, ingest, "oms_messages_consumed_total", topic=INVENTORY_EVENTS,
                             outcome="processed") >= len(entries)

    await eventually(known, what="ingest to read the catalogue")
