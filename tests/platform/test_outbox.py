"""The outbox: each stored event's messages are sealed when it is recorded and written in the same
transaction, so the relay only reads and sends; events stored before the outbox existed are still
published, as the same bytes."""

import uuid

import pytest
from eventsourcing.persistence import IntegrityError
from google.protobuf.wrappers_pb2 import StringValue

from oms.envelope.v1.envelope_pb2 import Envelope
from oms_platform.messaging.context import message_context
from oms_platform.messaging.outbox import EVENT_ID_NAMESPACE, Publication
from oms_platform.messaging.relay import OutboxRelay
from oms_platform.store import open_application

from .kafka_helpers import new_topic, producer, read_all
from .sample_domain import Parcel, ParcelDesk, parcel_publications, settings_for

TOPIC = "oms.test.outbox.v1"


@pytest.fixture
def desk(store_backend):
    settings = settings_for(f"outbox_{uuid.uuid4().hex[:8]}", data_dir=store_backend.data_dir,
                            database_url=store_backend.database_url)
    app = open_application(ParcelDesk, settings)
    app.settings_used = settings
    yield app
    app.close()


def relay_for(desk, publications=None):
    # Reading needs no broker: the producer is only used to send.
    return OutboxRelay(desk, publications or parcel_publications(TOPIC), producer=None, producer_name="desk")


def translated(relay, desk):
    """What the relay made of the stored events before there was an outbox."""
    return [m for n in desk.notifications_after(0, 100) for m in relay._translate(n)]


def test_each_recorded_event_gets_its_messages_in_the_same_write(desk):
    relay = relay_for(desk)
    with message_context(correlation_id="corr-1", causation_id="cause-1"):
        parcel_id = desk.register("box")
        desk.weigh(parcel_id, 250)
    rows = desk.outbox_after(0, 10)
    assert [position for position, _ in rows] == [n.id for n in desk.notifications_after(0, 10)]
    assert all(row is not None for _, row in rows)
    messages = relay.read(0).messages
    assert messages == translated(relay, desk)
    for version, message in enumerate(messages, start=1):
        envelope = Envelope.FromString(message.value)
        assert envelope.event_id == str(uuid.uuid5(EVENT_ID_NAMESPACE, f"desk/{parcel_id}/{version}/{TOPIC}"))
        assert (envelope.correlation_id, envelope.causation_id) == ("corr-1", "cause-1")
        assert dict(message.headers)["oms-event-id"] == envelope.event_id.encode()


def test_a_store_written_before_the_outbox_is_published_the_same_in_order(desk):
    old = desk.register("before the outbox")
    relay = relay_for(desk)
    desk.weigh(old, 100)
    desk.register("after")
    assert [row is None for _, row in desk.outbox_after(0, 10)] == [True, False, False]
    batch = relay.read(0)
    assert (batch.events, batch.newest) == (3, desk.position())
    assert batch.messages == translated(relay, desk)
    assert relay.read(1, stop=2).messages == translated(relay, desk)[1:2]


def test_a_unit_writes_its_outbox_rows_with_its_events_or_none_of_them(desk):
    relay_for(desk)
    with pytest.raises(RuntimeError), desk.unit_of_work():
        desk.register("lost")
        raise RuntimeError("the batch failed")
    assert desk.outbox_after(0, 10) == []

    with desk.unit_of_work():
        desk.register("kept")
        desk.register("kept too")
        assert desk.outbox_after(0, 10) == []
    assert [row is not None for _, row in desk.outbox_after(0, 10)] == [True, True]


def test_a_write_refused_on_the_version_leaves_no_outbox_row(desk):
    relay_for(desk)
    parcel_id = desk.register("raced")
    stale = desk.repository.get(parcel_id)
    desk.weigh(parcel_id, 1)
    stale.weigh(2)
    with pytest.raises(IntegrityError):
        desk.record(stale)
    assert len(desk.outbox_after(0, 10)) == 2


def test_an_event_mapped_twice_to_one_topic_is_refused_when_recorded_not_when_sent(desk):
    def twice(domain_event):
        key = str(domain_event.originator_id)
        yield Publication(TOPIC, key, StringValue(value="one"))
        yield Publication(TOPIC, key, StringValue(value="two"))

    relay_for(desk, twice)
    with pytest.raises(ValueError, match="one topic twice"):
        desk.record(Parcel("box"))
    assert desk.position() == 0


@pytest.mark.kafka
async def test_the_relay_sends_the_sealed_bytes_in_batches_to_the_partitions_send_would_choose(
        desk, kafka_bootstrap):
    topic = await new_topic(kafka_bootstrap, "outbox")
    kafka = producer(kafka_bootstrap)
    await kafka.start()
    try:
        relay = OutboxRelay(desk, parcel_publications(topic), kafka, producer_name="desk")
        parcels = [desk.register(f"sent-{i}") for i in range(12)]
        for parcel_id in parcels:
            desk.weigh(parcel_id, 7)
        assert await relay.publish_pending() == 24
        # where aiokafka's own `send` puts each key (a control message per key, not read below)
        control = await new_topic(kafka_bootstrap, "control")
        chosen = {str(p).encode(): (await (await kafka.send(control, b"", key=str(p).encode()))).partition
                  for p in parcels}
    finally:
        await kafka.stop()
    records = await read_all(kafka_bootstrap, topic, expect=24)
    assert sorted(r.value for r in records) == sorted(m.value for m in translated(relay, desk))
    assert {(r.key, r.partition) for r in records} == set(chosen.items())
    assert len({r.partition for r in records}) > 1
    for parcel_id in parcels:
        versions = [Envelope.FromString(r.value).aggregate_version for r in records if r.key == str(parcel_id).encode()]
        assert versions == [1, 2]
