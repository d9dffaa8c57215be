"""The tracked consumer against a real broker: exactly-once effects and dead letters."""

import uuid
from datetime import UTC

import pytest
from google.protobuf.wrappers_pb2 import BoolValue, StringValue

from oms.envelope.v1.envelope_pb2 import Envelope
from oms_platform.messaging.envelope import seal
from oms_platform.messaging.relay import OutboxRelay
from oms_platform.metrics import ServiceMetrics
from oms_platform.store import open_application

from .kafka_helpers import eventually, new_topic, producer, read_all, running_consumer
from .sample_domain import ParcelDesk, Tally, TallyBook, parcel_publications, settings_for

pytestmark = pytest.mark.kafka


def open_store(app_class, store_backend, prefix):
    settings = settings_for(f"{prefix}_{uuid.uuid4().hex[:8]}", data_dir=store_backend.data_dir,
                            database_url=store_backend.database_url)
    return open_application(app_class, settings)


def outcome_count(metrics: ServiceMetrics, topic: str, outcome: str) -> float:
    return metrics.messages_consumed_total.labels(topic=topic, outcome=outcome)._value.get()


@pytest.fixture
def desk(store_backend):
    app = open_store(ParcelDesk, store_backend, "desk")
    yield app
    app.close()


@pytest.fixture
def book(store_backend):
    app = open_store(TallyBook, store_backend, "book")
    yield app
    app.close()


async def publish_all(desk, topic, bootstrap):
    kafka = producer(bootstrap)
    await kafka.start()
    try:
        relay = OutboxRelay(desk, parcel_publications(topic), kafka, producer_name="desk")
        while await relay.publish_pending():
            pass
    finally:
        await kafka.stop()


async def test_each_message_takes_effect_once_even_when_delivered_again(desk, book, kafka_bootstrap):
    topic = await new_topic(kafka_bootstrap, "once")
    parcel = desk.register("box-a")
    desk.weigh(parcel, 700)
    desk.weigh(parcel, 710)
    await publish_all(desk, topic, kafka_bootstrap)
    metrics = ServiceMetrics("tally")

    async with running_consumer(book, kafka_bootstrap, topic, metrics):
        await eventually(lambda: outcome_count(metrics, topic, "processed") == 3, what="three processed")
        # The broker delivers everything again (a relay that restarted, an operator's republish).
        await publish_all_again(desk, topic, kafka_bootstrap)
        await eventually(lambda: outcome_count(metrics, topic, "duplicate") == 3, what="three duplicates")

    tally: Tally = book.repository.get(Tally.create_id(str(parcel)))
    assert tally.labels == ["box-a"]
    assert tally.grams == [700, 710]


async def publish_all_again(desk, topic, bootstrap):
    kafka = producer(bootstrap)
    await kafka.start()
    try:
        await OutboxRelay(desk, parcel_publications(topic), kafka, producer_name="desk").republish()
    finally:
        await kafka.stop()


async def test_bad_messages_go_to_the_dead_letter_topic_and_processing_goes_on(desk, book, kafka_bootstrap):
    topic = await new_topic(kafka_bootstrap, "dlq")
    garbage = b"\xff\x00 this is not protobuf \x13\x37"
    no_ids = Envelope(type="google.protobuf.StringValue")
    no_ids.payload.Pack(StringValue(value="anonymous"))
    wrong_type = seal(BoolValue(value=True), event_id="e-1", producer="stranger", occurred_at=_now())
    refused = seal(StringValue(value="reject-me"), event_id="e-2", producer="stranger",
                   occurred_at=_now(), aggregate_id="p-9")
    kafka = producer(kafka_bootstrap)
    await kafka.start()
    try:
        for key, value in [(b"k1", garbage), (b"k2", no_ids.SerializeToString()),
                           (b"k3", wrong_type.SerializeToString()), (b"k4", refused.SerializeToString())]:
            await (await kafka.send(topic, value=value, key=key, partition=0))
    finally:
        await kafka.stop()
    parcel = desk.register("after-the-bad-ones")
    await publish_all(desk, topic, kafka_bootstrap)
    metrics = ServiceMetrics("tally")

    async with running_consumer(book, kafka_bootstrap, topic, metrics):
        await eventually(lambda: outcome_count(metrics, topic, "processed") == 1, what="the good message")
        await eventually(lambda: outcome_count(metrics, topic, "dead_lettered") == 4, what="four dead letters")

    letters = await read_all(kafka_bootstrap, f"{topic}.dlq", expect=4)
    by_key = {letter.key: letter for letter in letters}
    assert by_key[b"k1"].value == garbage, "the original bytes, unchanged"
    reasons = {key: dict(letter.headers)["dlq-reason"].decode() for key, letter in by_key.items()}
    assert reasons[b"k1"].startswith("undecodable") or reasons[b"k1"].startswith("missing-fields")
    assert reasons[b"k2"].startswith("missing-fields")
    assert reasons[b"k3"].startswith("type-not-allowed")
    assert reasons[b"k4"].startswith("invalid")
    headers = dict(by_key[b"k3"].headers)
    assert headers["dlq-source-topic"].decode() == topic
    assert headers["dlq-source-partition"] == b"0"
    assert headers["dlq-consumer"] == b"tally"
    assert metrics.dead_letters_total.labels(topic=topic, reason="invalid")._value.get() == 1
    assert book.repository.get(Tally.create_id(str(parcel))).labels == ["after-the-bad-ones"]


def _now():
    from datetime import datetime

    return datetime.now(UTC)


@pytest.mark.fault
async def test_after_the_broker_lost_its_topics_a_republish_changes_nothing(tmp_path, embedded_broker):
    from oms_platform.topics import TopicSpec, ensure_topics

    bootstrap = embedded_broker.bootstrap_servers
    topic = await new_topic(bootstrap, "lost")
    desk = open_application(ParcelDesk, settings_for("desk", data_dir=tmp_path, database_url=None))
    book = open_application(TallyBook, settings_for("book", data_dir=tmp_path, database_url=None))
    parcels = [desk.register(f"box-{i}") for i in range(5)]
    for parcel in parcels:
        desk.weigh(parcel, 100)
    await publish_all(desk, topic, bootstrap)
    metrics = ServiceMetrics("tally")
    async with running_consumer(book, bootstrap, topic, metrics):
        await eventually(lambda: outcome_count(metrics, topic, "processed") == 10, what="all processed")

    embedded_broker.restart()  # memory storage: every topic and offset is gone
    # Recreated with another partition count on purpose: keys now land on other partitions.
    await ensure_topics(bootstrap, [TopicSpec(topic, 3, {}), TopicSpec(f"{topic}.dlq", 1, {})])
    await publish_all_again(desk, topic, bootstrap)
    after = ServiceMetrics("tally")
    async with running_consumer(book, bootstrap, topic, after):
        await eventually(lambda: outcome_count(after, topic, "duplicate") == 10, what="all recognised")
    assert outcome_count(after, topic, "processed") == 0
    for parcel in parcels:
        tally = book.repository.get(Tally.create_id(str(parcel)))
        assert tally.grams == [100] and len(tally.labels) == 1
