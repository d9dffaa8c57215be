"""The embedded broker (Tansu) and the broker reachability check, against real processes."""

from __future__ import annotations

import asyncio
import time

import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient
from aiokafka.errors import KafkaError

from oms_dev.broker import EmbeddedBroker
from oms_platform.broker import BrokerError, BrokerUnreachable, free_port, wait_for_kafka
from oms_platform.topics import TopicSpec, ensure_topics
from tests.support.kafka import FAST_GROUP_SETTINGS

pytestmark = pytest.mark.kafka


async def topic_names(bootstrap: str) -> list[str]:
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        return await admin.list_topics()
    finally:
        await admin.close()


async def test_embedded_broker_answers_on_its_port_with_no_topics(embedded_broker):
    assert embedded_broker.is_running
    assert embedded_broker.bootstrap_servers == f"127.0.0.1:{embedded_broker.port}"
    wait_for_kafka(embedded_broker.bootstrap_servers, timeout=5)
    assert await topic_names(embedded_broker.bootstrap_servers) == []


async def test_messages_round_trip_through_a_consumer_group_and_offsets_commit(kafka_bootstrap, fresh_topics):
    topic = await fresh_topics("orders", partitions=3)
    producer = AIOKafkaProducer(bootstrap_servers=kafka_bootstrap, enable_idempotence=False)
    await producer.start()
    try:
        for i in range(30):
            await producer.send(topic, f"order-{i}".encode(), key=f"customer-{i % 7}".encode())
        await producer.flush()
    finally:
        await producer.stop()

    consumer = AIOKafkaConsumer(
        topic, bootstrap_servers=kafka_bootstrap, group_id=f"{topic}.group", enable_auto_commit=False,
        auto_offset_reset="earliest", **FAST_GROUP_SETTINGS,
    )
    await consumer.start()
    try:
        received = []
        deadline = time.monotonic() + 30
        while len(received) < 30 and time.monotonic() < deadline:
            for batch in (await consumer.getmany(timeout_ms=500)).values():
                received.extend(batch)
        await consumer.commit()
        committed = {tp.partition: await consumer.committed(tp) for tp in consumer.assignment()}
    finally:
        await consumer.stop()

    assert sorted(r.value for r in received) == sorted(f"order-{i}".encode() for i in range(30))
    assert len({r.partition for r in received}) > 1, "keys should spread over the partitions"
    # The same key always lands on the same partition: the ordering guarantee the OMS relies on.
    partition_of = {}
    for record in received:
        assert partition_of.setdefault(record.key, record.partition) == record.partition
    ends = {p: max(r.offset for r in received if r.partition == p) + 1 for p in {r.partition for r in received}}
    assert {p: o for p, o in committed.items() if p in ends} == ends


async def test_restart_keeps_the_address_and_loses_every_topic(embedded_broker):
    bootstrap = embedded_broker.bootstrap_servers
    await ensure_topics(bootstrap, [TopicSpec("restart.me", 2, {})])
    assert await topic_names(bootstrap) == ["restart.me"]
    first_pid = embedded_broker.pid

    embedded_broker.restart()

    assert embedded_broker.bootstrap_servers == bootstrap
    assert embedded_broker.pid != first_pid
    assert await topic_names(bootstrap) == []


def test_a_killed_broker_can_be_started_again_on_its_port(embedded_broker):
    port = embedded_broker.port
    embedded_broker.kill()
    assert not embedded_broker.is_running
    with pytest.raises(BrokerUnreachable):
        wait_for_kafka(embedded_broker.bootstrap_servers, timeout=0.5)

    embedded_broker.start()

    assert embedded_broker.port == port
    wait_for_kafka(embedded_broker.bootstrap_servers, timeout=5)


async def test_stop_is_quick_even_with_connected_clients(embedded_broker):
    admin = AIOKafkaAdminClient(bootstrap_servers=embedded_broker.bootstrap_servers)
    await admin.start()
    try:
        await admin.list_topics()
        started = time.monotonic()
        embedded_broker.stop()
        # SIGTERM would make Tansu wait ~5 s for the client to leave; SIGINT does not.
        assert time.monotonic() - started < 2
        assert not embedded_broker.is_running
    finally:
        await admin.close()


def test_a_second_broker_on_a_taken_port_fails_with_a_clear_error(embedded_broker):
    with pytest.raises(BrokerError, match=f"port {embedded_broker.port} .* already in use"):
        EmbeddedBroker(embedded_broker.port).start()
    assert embedded_broker.is_running


def test_wait_for_kafka_on_a_dead_port_fails_fast_with_one_line():
    port = free_port()
    started = time.monotonic()
    with pytest.raises(BrokerUnreachable) as raised:
        wait_for_kafka(f"127.0.0.1:{port}", timeout=1)
    assert time.monotonic() - started < 3
    message = str(raised.value)
    assert message.startswith(f"cannot reach Kafka at 127.0.0.1:{port} after 1s: ")
    assert "\n" not in message


async def test_wait_for_kafka_works_inside_a_running_event_loop(kafka_bootstrap):
    wait_for_kafka(kafka_bootstrap, timeout=5)


async def test_tansu_rejects_idempotent_producers(embedded_broker):
    # Why the embedded stacks set OMS_PRODUCER_IDEMPOTENCE=false (broker.EMBEDDED_CLIENT_ENV).
    producer = AIOKafkaProducer(bootstrap_servers=embedded_broker.bootstrap_servers, enable_idempotence=True)
    with pytest.raises(KafkaError):
        try:
            await asyncio.wait_for(producer.start(), 10)
            await asyncio.wait_for(producer.send_and_wait("idempotent", b"x"), 10)
        finally:
            await producer.stop()


async def test_tansu_creates_a_topic_with_4_partitions_when_a_client_names_it(embedded_broker):
    # Why ensure_topics must run before any producer or consumer touches a topic.
    bootstrap = embedded_broker.bootstrap_servers
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, enable_idempotence=False)
    await producer.start()
    try:
        await producer.send_and_wait("never.created", b"x")
    finally:
        await producer.stop()
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        assert await admin.list_topics() == ["never.created"]
        [described] = await admin.describe_topics(["never.created"])
        assert len(described["partitions"]) == 4
    finally:
        await admin.close()
