"""The outbox relay against a real broker."""

import asyncio
import os
import signal
import subprocess
import sys
import uuid
from collections import defaultdict
from pathlib import Path

import pytest

from oms.envelope.v1.envelope_pb2 import Envelope
from oms_platform.messaging.context import message_context
from oms_platform.messaging.relay import OutboxRelay
from oms_platform.store import open_application
from oms_platform.store.write_signals import write_channel

from .kafka_helpers import eventually, new_topic, producer, read_all
from .sample_domain import ParcelDesk, parcel_publications, settings_for

pytestmark = pytest.mark.kafka


@pytest.fixture
def desk(store_backend):
    settings = settings_for(f"relay_{uuid.uuid4().hex[:8]}", data_dir=store_backend.data_dir,
                            database_url=store_backend.database_url)
    app = open_application(ParcelDesk, settings)
    yield app
    app.close()


async def publish_everything(relay: OutboxRelay) -> int:
    total = 0
    while moved := await relay.publish_pending():
        total += moved
    return total


async def test_relay_publishes_every_event_keyed_and_enveloped(desk, kafka_bootstrap):
    topic = await new_topic(kafka_bootstrap, "relay")
    with message_context(correlation_id="corr-relay", causation_id="cmd-1"):
        parcels = [desk.register(f"box-{i}") for i in range(5)]
        for parcel_id in parcels:
            desk.weigh(parcel_id, 500)
    kafka = producer(kafka_bootstrap)
    await kafka.start()
    try:
        relay = OutboxRelay(desk, parcel_publications(topic), kafka, producer_name="desk", batch_size=3)
        assert await publish_everything(relay) == 10
    finally:
        await kafka.stop()

    records = await read_all(kafka_bootstrap, topic, expect=10)
    assert len(records) == 10
    positions_by_key = defaultdict(list)
    for record in records:
        envelope = Envelope.FromString(record.value)
        assert record.key.decode() == envelope.aggregate_id
        assert envelope.producer == "desk"
        assert envelope.correlation_id == "corr-relay" and envelope.causation_id == "cmd-1"
        assert envelope.type in {"google.protobuf.StringValue", "google.protobuf.Int64Value"}
        assert dict(record.headers)["oms-type"].decode() == envelope.type
        assert envelope.store_position > 0 and envelope.event_id
        positions_by_key[record.key].append((record.partition, envelope.store_position, envelope.aggregate_version))
    for seen in positions_by_key.values():
        assert len({partition for partition, _, _ in seen}) == 1, "one aggregate, one partition"
        assert [version for _, _, version in seen] == [1, 2], "in the order they were recorded"


async def test_relay_resumes_from_its_confirmed_position(desk, kafka_bootstrap):
    topic = await new_topic(kafka_bootstrap, "resume")
    desk.register("first")
    kafka = producer(kafka_bootstrap)
    await kafka.start()
    try:
        assert await publish_everything(OutboxRelay(desk, parcel_publications(topic), kafka, producer_name="desk")) == 1
        desk.register("second")
        # a new relay (a restarted process) starts after what the first one confirmed
        assert await publish_everything(OutboxRelay(desk, parcel_publications(topic), kafka, producer_name="desk")) == 1
    finally:
        await kafka.stop()
    records = await read_all(kafka_bootstrap, topic, expect=2)
    labels = sorted(Envelope.FromString(r.value).payload.value for r in records)
    assert len(labels) == 2


async def test_republish_sends_the_store_again_without_moving_the_relay(desk, kafka_bootstrap):
    topic = await new_topic(kafka_bootstrap, "republish")
    for i in range(4):
        desk.register(f"box-{i}")
    kafka = producer(kafka_bootstrap)
    await kafka.start()
    try:
        relay = OutboxRelay(desk, parcel_publications(topic), kafka, producer_name="desk")
        await publish_everything(relay)
        assert await relay.republish() == 4
        assert await relay.publish_pending() == 0
    finally:
        await kafka.stop()
    records = await read_all(kafka_bootstrap, topic, expect=8)
    event_ids = [Envelope.FromString(r.value).event_id for r in records]
    assert len(event_ids) == 8 and len(set(event_ids)) == 4, "the same events, with the same ids"


@pytest.mark.fault
async def test_relay_killed_while_publishing_loses_nothing(tmp_path, kafka_bootstrap):
    topic = await new_topic(kafka_bootstrap, "sigkill")
    settings = settings_for("killed", data_dir=tmp_path, database_url=None)
    desk = open_application(ParcelDesk, settings)
    total = 3000
    for i in range(total):
        desk.register(f"box-{i}")
    desk.close()

    worker = Path(__file__).with_name("relay_worker.py")
    command = [sys.executable, str(worker), str(tmp_path), kafka_bootstrap, topic]
    process = subprocess.Popen(command, env={**os.environ, "RELAY_BATCH": "50"})
    try:
        async def some_published() -> bool:
            return len(await read_all(kafka_bootstrap, topic, expect=1, timeout=0.5)) > 0

        await eventually(some_published, timeout=30, what="the relay to start publishing")
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
    before_restart = len(await read_all(kafka_bootstrap, topic, expect=total, timeout=2))
    assert before_restart < total, "the relay was killed before it finished (test precondition)"

    subprocess.run([*command, "--drain"], check=True, timeout=120)

    records = await read_all(kafka_bootstrap, topic, expect=total + before_restart, timeout=30)
    positions = {Envelope.FromString(r.value).store_position for r in records}
    assert positions == set(range(1, total + 1)), "every stored event is on the topic"


@pytest.mark.postgres
async def test_a_write_by_another_instance_wakes_the_relay_at_once(postgres_url, tmp_path, kafka_bootstrap):
    # Two instances of one service on one PostgreSQL store: the relay of the first would look at
    # the store only every 60 s, but the second's write is NOTIFYed and it publishes at once.
    settings = settings_for(f"listen_{uuid.uuid4().hex[:8]}", data_dir=tmp_path, database_url=postgres_url)
    first, second = open_application(ParcelDesk, settings), open_application(ParcelDesk, settings)
    topic = await new_topic(kafka_bootstrap, "listen")
    kafka = producer(kafka_bootstrap)
    await kafka.start()
    stopping = asyncio.Event()
    relay = OutboxRelay(first, parcel_publications(topic), kafka, producer_name="desk", idle_seconds=60)
    running = asyncio.create_task(relay.run(stopping))
    try:
        await asyncio.sleep(1.0)  # the relay has looked once and now waits
        second.register("from-the-other-instance")
        records = await read_all(kafka_bootstrap, topic, expect=1, timeout=15)
        assert [Envelope.FromString(r.value).aggregate_version for r in records] == [1]
    finally:
        stopping.set()
        await running
        await kafka.stop()
        first.close()
        second.close()


def test_only_a_postgresql_store_has_a_write_channel(desk, store_backend):
    found = write_channel(desk.recorder)
    if store_backend.name == "sqlite":
        assert found is None  # one writing process: nothing to listen for
    else:
        channel, connection = found
        assert channel.endswith("_events") and connection["dbname"]  # the events table: NOTIFYed per insert
