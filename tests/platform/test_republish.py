"""`omsctl republish` against a broker that is away or only coming back.

A broker that just came back refuses requests for a while; the command must keep trying by itself
for a bounded time, then either publish everything or say plainly that it gave up, and how far it
got, with a non-zero exit.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys

import pytest
from aiokafka import AIOKafkaConsumer, TopicPartition

from oms.envelope.v1.envelope_pb2 import Envelope
from oms_dev.broker import EmbeddedBroker
from oms_platform.broker import free_port
from services.inventory.bootstrap import definition as inventory_definition
from tests.support.services import running_service

pytestmark = [pytest.mark.kafka, pytest.mark.fault]

TOPIC = "oms.inventory.events.v1"


@pytest.fixture
def broker(tmp_path):
    broker = EmbeddedBroker(free_port(), log_dir=tmp_path / "tansu", die_with_parent=True)
    yield broker
    broker.stop()


async def stored_products(broker: EmbeddedBroker, data_dir, count: int) -> int:
    """Catalogue `count` products in a real inventory store; return its newest position."""
    async with running_service(inventory_definition(), bootstrap=broker.bootstrap_servers,
                               data_dir=data_dir) as service:
        for n in range(count):
            answer = await service.client.post("/catalogue/products", json={
                "sku": f"REPUB-{n}", "name": f"Product {n}", "unit_price": {"currency": "CNY", "minor_units": 100},
                "category": "test", "weight_grams": 500, "active": True, "safety_stock": 0})
            assert answer.status_code in (200, 201), answer.text
        return service.app.position()


def republish(broker: EmbeddedBroker, data_dir, output, *arguments: str) -> subprocess.Popen:
    env = {name: value for name, value in os.environ.items() if name != "OMS_DATABASE_URL"}  # SQLite store
    env.update(KAFKA_BOOTSTRAP_SERVERS=broker.bootstrap_servers, OMS_DATA_DIR=str(data_dir), OMS_LOG_JSON="false")
    return subprocess.Popen([sys.executable, "-m", "oms_platform.cli", "republish", "inventory", *arguments],
                            env=env, stdout=output, stderr=subprocess.STDOUT)


async def store_positions_on_topic(bootstrap: str) -> set[int]:
    reader = AIOKafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False)
    await reader.start()
    try:
        await reader._client.force_metadata_update()  # noqa: SLF001 - all topics; naming one creates it on Tansu
        partitions = [TopicPartition(TOPIC, p) for p in reader.partitions_for_topic(TOPIC) or ()]
        reader.assign(partitions)
        await reader.seek_to_beginning(*partitions)
        ends = await reader.end_offsets(partitions)
        positions = set()
        while [tp for tp in partitions if await reader.position(tp) < ends[tp]]:
            for records in (await reader.getmany(timeout_ms=200)).values():
                positions.update(Envelope.FromString(r.value).store_position for r in records)
        return positions
    finally:
        await reader.stop()


async def test_republish_started_while_the_broker_is_away_publishes_everything_once_it_is_back(broker, tmp_path):
    broker.start()
    newest = await stored_products(broker, tmp_path / "data", 3)
    broker.stop()
    log = tmp_path / "republish.out"
    with log.open("w") as output:
        command = republish(broker, tmp_path / "data", output, "--give-up-after", "120")
        try:
            for _ in range(600):  # the command has met the missing broker and is trying again
                if "trying again" in log.read_text():
                    break
                await asyncio.sleep(0.1)
            assert "trying again" in log.read_text(), log.read_text()
            broker.start()  # empty memory storage: the topics are gone
            assert await asyncio.to_thread(command.wait, 180) == 0, log.read_text()
        finally:
            if command.poll() is None:
                command.kill()
    assert f"inventory: {newest} stored events published again" in log.read_text()
    published = await store_positions_on_topic(broker.bootstrap_servers)
    assert published and published <= set(range(1, newest + 1))


async def test_republish_gives_up_and_says_so_when_the_broker_stays_away(broker, tmp_path):
    broker.start()
    newest = await stored_products(broker, tmp_path / "data", 2)
    broker.stop()
    log = tmp_path / "republish.out"
    with log.open("w") as output:
        command = republish(broker, tmp_path / "data", output, "--give-up-after", "2")
        exit_code = await asyncio.to_thread(command.wait, 120)
    text = log.read_text()
    assert exit_code == 1, text
    assert "inventory: republish failed: gave up after publishing 0 stored events" in " ".join(text.split()), text
    assert "published again" not in text
    assert newest > 0, "there was something to publish"
    print(text)
