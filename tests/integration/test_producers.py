"""Every producer comes from oms_platform.messaging.producers: acks=all, idempotent where the broker
allows it, and a plain producer (with a warning) where it does not, as on the embedded broker."""

from __future__ import annotations

import pytest

from oms_dev.broker import EMBEDDED_CLIENT_ENV
from oms_platform.messaging.producers import kafka_producer, start_producer
from oms_platform.settings import ServiceSettings
from oms_platform.topics import TopicSpec, ensure_topics
from tests.support.messaging import TopicReader

pytestmark = pytest.mark.kafka


def settings(bootstrap: str, **values: object) -> ServiceSettings:
    return ServiceSettings(kafka_bootstrap_servers=bootstrap, **values)


async def test_defaults_suit_apache_kafka(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in (*EMBEDDED_CLIENT_ENV, "OMS_PRODUCER_LINGER_MS"):
        monkeypatch.delenv(name, raising=False)
    defaults = ServiceSettings()
    assert defaults.producer_idempotence is True
    assert (defaults.consumer_session_timeout_ms, defaults.consumer_rebalance_timeout_ms) == (10_000, 60_000)
    assert defaults.consumer_fetch_max_wait_ms == 500  # Kafka's own: it answers as soon as data arrives
    producer = kafka_producer(defaults, "order-producer")
    assert producer.client._client_id == "oms-order-producer"
    assert producer._txn_manager is not None  # aiokafka's idempotent producers have one
    assert kafka_producer(defaults, "tool", idempotence=False)._txn_manager is None


def test_the_embedded_broker_settings_turn_idempotence_off(monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in EMBEDDED_CLIENT_ENV.items():
        monkeypatch.setenv(name, value)
    embedded = ServiceSettings()
    assert embedded.producer_idempotence is False
    assert embedded.consumer_session_timeout_ms == 1000
    assert embedded.consumer_fetch_max_wait_ms == 100  # Tansu holds a fetch the whole wait


async def test_a_broker_refusing_idempotence_gets_a_plain_producer(embedded_broker) -> None:
    bootstrap, topic = embedded_broker.bootstrap_servers, "refused.idempotence"
    await ensure_topics(bootstrap, [TopicSpec(topic, 1)])
    producer = await start_producer(settings(bootstrap, producer_idempotence=True), "test-refused")
    try:
        assert producer._txn_manager is None  # Tansu refused InitProducerId: a plain producer
        await producer.send_and_wait(topic, b"published", key=b"k")
    finally:
        await producer.stop()
    async with TopicReader(bootstrap, topic) as reader:
        for _ in range(100):
            await reader.poll()
            if reader.records:
                break
        assert [record.value for record in reader.records] == [b"published"]


async def test_idempotence_switched_off_is_never_attempted(kafka_bootstrap, fresh_topics) -> None:
    topic = await fresh_topics("plain")
    producer = await start_producer(settings(kafka_bootstrap, producer_idempotence=False), "test-plain")
    try:
        assert producer._txn_manager is None
        await producer.send_and_wait(topic, b"x")
    finally:
        await producer.stop()
