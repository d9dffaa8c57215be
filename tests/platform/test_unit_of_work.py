"""A Kafka batch applied as one unit of work: one transaction, all of it or none of it.

Store tests run on SQLite and on PostgreSQL; the consumer tests feed `TrackedConsumer.process_batch`
records directly (the broker path is covered in test_consumer.py), so that each failure can be
placed exactly where it hurts.
"""

import asyncio
import threading
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime

import pytest
from eventsourcing.application import AggregateNotFoundError
from eventsourcing.persistence import IntegrityError, Tracking
from google.protobuf.wrappers_pb2 import Int64Value, StringValue

from oms_platform.messaging.consumer import TrackedConsumer
from oms_platform.messaging.context import message_context
from oms_platform.messaging.dead_letters import DeadLetterPublisher
from oms_platform.messaging.envelope import seal
from oms_platform.store import open_application

from .sample_domain import PARCEL_TYPES, TALLY_HANDLERS, Tally, TallyBook, settings_for

TOPIC = "oms.test.parcels.v1"


@pytest.fixture
def book(store_backend):
    settings = settings_for(f"uow_{uuid.uuid4().hex[:8]}", data_dir=store_backend.data_dir,
                            database_url=store_backend.database_url)
    app = open_application(TallyBook, settings)
    app.settings_used = settings
    yield app
    app.close()


def test_a_unit_writes_every_aggregate_and_position_in_one_go(book):
    first, second = Tally("a"), Tally("b")
    first.label("one")
    with book.unit_of_work():
        book.record(first, tracking=Tracking("desk|t|a", 1))
        second.label("two")
        book.record(second, tracking=Tracking("desk|t|b", 4))
        # nothing is in the store before the unit ends...
        assert book.position() == 0
        # ...but the unit itself already answers with its own positions
        assert book.tracked_position("desk|t|a") == 1

    assert book.repository.get(first.id).labels == ["one"]
    assert book.repository.get(second.id).labels == ["two"]
    assert book.tracked_position("desk|t|a") == 1
    assert book.tracked_position("desk|t|b") == 4


def test_handlers_in_a_unit_see_what_the_unit_changed_before(book):
    with book.unit_of_work():
        tally = book.tally_for("x")
        tally.label("first")
        book.record(tally, tracking=Tracking("desk|t|x", 1))
        again = book.tally_for("x")  # not stored yet: must come from the unit, changed
        assert again.labels == ["first"]
        again.label("second")
        book.record(again, tracking=Tracking("desk|t|x", 2))

    stored = book.repository.get(Tally.create_id("x"))
    assert stored.labels == ["first", "second"]
    assert stored.version == 3
    assert book.tracked_position("desk|t|x") == 2


def test_a_failure_inside_the_unit_writes_nothing(book):
    with pytest.raises(RuntimeError), book.unit_of_work():
        tally = book.tally_for("y")
        tally.label("lost")
        book.record(tally, tracking=Tracking("desk|t|y", 1))
        raise RuntimeError("handler blew up")

    assert book.position() == 0
    assert book.tracked_position("desk|t|y") == 0
    # and the failed unit left nothing behind for the next one
    with book.unit_of_work():
        assert book.tally_for("y").labels == []


def test_a_write_by_another_thread_in_between_fails_the_whole_unit(book):
    tally = Tally("z")
    book.record(tally)
    with pytest.raises(IntegrityError), book.unit_of_work():
        in_unit = book.tally_for("z")
        in_unit.label("from the batch")
        book.record(in_unit, tracking=Tracking("desk|t|z", 1))
        other = Tally("other")
        book.record(other, tracking=Tracking("desk|t|other", 1))
        # an HTTP command on another thread changes the same aggregate first
        outside = asyncio.run(asyncio.to_thread(_label_outside, book, tally.id))
        assert outside == ["from http"]

    assert book.repository.get(tally.id).labels == ["from http"]
    assert book.tracked_position("desk|t|z") == 0
    assert book.tracked_position("desk|t|other") == 0
    with pytest.raises(AggregateNotFoundError):
        book.repository.get(Tally.create_id("other"))


def test_a_copy_made_stale_by_another_instance_fails_its_write_once_then_is_loaded_again(book):
    """Loads come from memory without a query; another instance's write is found out on writing."""
    tally = Tally("shared")
    book.record(tally)
    assert book.repository.get(tally.id).labels == []  # now in this instance's cache
    other = open_application(TallyBook, book.settings_used)  # a second instance of the service
    try:
        elsewhere = other.repository.get(tally.id)
        elsewhere.label("from the other instance")
        other.record(elsewhere)
    finally:
        other.close()

    stale = book.repository.get(tally.id)
    stale.label("from this one")
    with pytest.raises(IntegrityError):
        book.record(stale)
    again = book.repository.get(tally.id)  # the failed write dropped the stale copy
    assert again.labels == ["from the other instance"]
    again.label("from this one")
    book.record(again)
    assert book.repository.get(tally.id).labels == ["from the other instance", "from this one"]


def _label_outside(book, tally_id):
    tally = book.repository.get(tally_id)
    tally.label("from http")
    book.record(tally)
    return book.repository.get(tally_id).labels


def test_events_recorded_in_a_unit_keep_their_own_message_correlation(book):
    with book.unit_of_work():
        for subject, correlation in (("p", "corr-p"), ("q", "corr-q")):
            with message_context(correlation_id=correlation, causation_id=f"cause-{subject}"):
                tally = book.tally_for(subject)
                tally.label("seen")
                book.record(tally)

    first, _, third, _ = book.notifications_after(0, limit=10)
    assert book.message_meta(first).correlation_id == "corr-p"
    assert book.message_meta(third).correlation_id == "corr-q"


# --- the consumer's batches -------------------------------------------------------------------


@dataclass
class Record:
    topic: str
    partition: int
    offset: int
    key: bytes
    value: bytes
    headers: list = field(default_factory=list)


class RecordingProducer:
    """Stands in for Kafka where only the dead letters sent matter."""

    def __init__(self):
        self.sent = []

    async def send(self, topic, value=None, key=None, headers=None):
        self.sent.append((topic, value))
        future = asyncio.get_running_loop().create_future()
        future.set_result(None)
        return future


def parcel_record(offset, aggregate_id, version, payload):
    envelope = seal(payload, event_id=str(uuid.uuid4()), producer="desk", occurred_at=datetime.now(UTC),
                    aggregate_id=aggregate_id, aggregate_version=version)
    return Record(TOPIC, 0, offset, aggregate_id.encode(), envelope.SerializeToString())


def tracked_consumer(book, producer):
    return TrackedConsumer(book, None, allowed_types={TOPIC: PARCEL_TYPES}, handlers=TALLY_HANDLERS,
                           dead_letters=DeadLetterPublisher(producer, consumer_name="tally"))


async def test_a_batch_with_redeliveries_inside_applies_each_message_once(book):
    subject = str(uuid.uuid4())
    records = [
        parcel_record(0, subject, 1, StringValue(value="registered")),
        parcel_record(1, subject, 2, Int64Value(value=100)),
        parcel_record(2, subject, 1, StringValue(value="registered")),  # redelivered in the same batch
        parcel_record(3, subject, 3, Int64Value(value=200)),
    ]
    outcomes = await tracked_consumer(book, RecordingProducer()).process_batch(records)

    assert outcomes == ["processed", "processed", "duplicate", "processed"]
    tally = book.repository.get(Tally.create_id(subject))
    assert (tally.labels, tally.grams) == (["registered"], [100, 200])
    # the whole batch again: nothing changes
    assert await tracked_consumer(book, RecordingProducer()).process_batch(records) == ["duplicate"] * 4
    assert book.repository.get(Tally.create_id(subject)).version == tally.version


async def test_an_invalid_message_in_a_batch_is_dead_lettered_and_the_rest_applied(book):
    good, bad = str(uuid.uuid4()), str(uuid.uuid4())
    producer = RecordingProducer()
    records = [
        parcel_record(0, good, 1, StringValue(value="fine")),
        parcel_record(1, bad, 1, StringValue(value="reject-me")),
        Record(TOPIC, 0, 2, b"k", b"\x00not an envelope"),
        parcel_record(3, good, 2, Int64Value(value=7)),
    ]
    outcomes = await tracked_consumer(book, producer).process_batch(records)

    assert outcomes == ["processed", "dead_lettered", "dead_lettered", "processed"]
    assert [topic for topic, _ in producer.sent] == [f"{TOPIC}.dlq", f"{TOPIC}.dlq"]
    assert producer.sent[1][1] == b"\x00not an envelope"  # the original bytes
    assert book.repository.get(Tally.create_id(good)).grams == [7]


async def test_a_handler_crash_fails_the_batch_and_the_others_are_applied_one_by_one(book, monkeypatch):
    calm, crashing = str(uuid.uuid4()), str(uuid.uuid4())
    real = TALLY_HANDLERS["google.protobuf.Int64Value"]

    def grams(app, message, inbound):
        if inbound.envelope.aggregate_id == crashing:
            raise ZeroDivisionError("bug in the handler")
        return real(app, message, inbound)

    monkeypatch.setitem(TALLY_HANDLERS, "google.protobuf.Int64Value", grams)
    monkeypatch.setattr("oms_platform.messaging.batch.asyncio.sleep", _no_wait)
    producer = RecordingProducer()
    records = [
        parcel_record(0, calm, 1, Int64Value(value=1)),
        parcel_record(1, crashing, 1, Int64Value(value=2)),
        parcel_record(2, calm, 2, Int64Value(value=3)),
    ]
    outcomes = await tracked_consumer(book, producer).process_batch(records)

    assert outcomes == ["processed", "dead_lettered", "processed"]
    assert book.repository.get(Tally.create_id(calm)).grams == [1, 3]
    assert len(producer.sent) == 1


async def _no_wait(_seconds):
    return None


async def test_a_batch_that_meets_a_concurrent_writer_is_applied_again_as_a_batch(book, monkeypatch):
    """An HTTP command writes a tally the batch also changes, just before the batch commits."""
    subject = str(uuid.uuid4())
    book.record(Tally(subject))
    assert book.repository.get(Tally.create_id(subject)).labels == []  # cached at version 1
    real_insert = book.recorder.insert_events
    writes = []

    def insert_events(events, **kwargs):
        writes.append(len(events))
        if len(writes) == 1:  # the other writer wins the race once
            asyncio.run(asyncio.to_thread(_label_outside, book, Tally.create_id(subject)))
        return real_insert(events, **kwargs)

    monkeypatch.setattr(book.recorder, "insert_events", insert_events)
    records = [parcel_record(0, subject, 1, StringValue(value="from the batch")),
               parcel_record(1, subject, 2, Int64Value(value=5))]
    assert await tracked_consumer(book, RecordingProducer()).process_batch(records) == ["processed"] * 2

    assert writes == [2, 1, 2]  # the batch, the other writer, the batch again: no message alone
    tally = book.repository.get(Tally.create_id(subject))
    assert (tally.labels, tally.grams) == (["from http", "from the batch"], [5])


def test_units_of_one_process_take_turns(book):
    """A bulk request's unit waits for the consumer's batch instead of failing it on a version."""
    first_open, second_done = threading.Event(), threading.Event()
    order = []

    def second_unit():
        first_open.wait()
        with book.unit_of_work():
            order.append("second")
        second_done.set()

    other = threading.Thread(target=second_unit)
    other.start()
    with book.unit_of_work():
        first_open.set()
        assert not second_done.wait(0.3)  # still waiting for this unit
        order.append("first")
    other.join(5)
    assert order == ["first", "second"]
