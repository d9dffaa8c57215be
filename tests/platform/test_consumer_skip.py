"""A consumer skips, by the `oms-type` header and without opening it, a record of a type it does
not handle; everything else is opened and checked as before.

Why an unhandled record with a valid header is not judged here: nothing of it is used, so its
content cannot harm this consumer; the consumers that do use that type (and the projection, which
uses every type) open it and dead-letter it when it is bad. A record whose header names a type
this consumer handles, a type the topic does not carry, or that has no header, is always opened.
"""

import uuid
from datetime import UTC, datetime
from typing import NamedTuple

import pytest
from eventsourcing.application import AggregateNotFoundError
from google.protobuf.wrappers_pb2 import BoolValue, StringValue

from oms_platform.messaging.batch import IGNORED, PROCESSED, TYPE_HEADER, BatchConsumer
from oms_platform.messaging.dead_letters import DeadLetter
from oms_platform.messaging.envelope import seal
from oms_platform.messaging.relay import OutboxRelay
from oms_platform.metrics import ServiceMetrics
from oms_platform.store import open_application

from .kafka_helpers import eventually, new_topic, producer, read_all, running_consumer
from .sample_domain import PARCEL_TYPES, ParcelDesk, Tally, TallyBook, parcel_publications, settings_for

UNHANDLED = "google.protobuf.BoolValue"  # carried by the topic, handled by nobody in the tally
TOPIC_TYPES = PARCEL_TYPES | {UNHANDLED}
GARBAGE = b"\xff\x00 this is not protobuf \x13\x37"


def _open(app_class, store_backend, prefix):
    settings = settings_for(f"{prefix}_{uuid.uuid4().hex[:8]}", data_dir=store_backend.data_dir,
                            database_url=store_backend.database_url)
    return open_application(app_class, settings)


@pytest.fixture
def desk(store_backend):
    app = _open(ParcelDesk, store_backend, "desk")
    yield app
    app.close()


@pytest.fixture
def book(store_backend):
    app = _open(TallyBook, store_backend, "book")
    yield app
    app.close()


def _count(metrics: ServiceMetrics, topic: str, outcome: str) -> float:
    return metrics.messages_consumed_total.labels(topic=topic, outcome=outcome)._value.get()


def _type(name: str) -> list[tuple[str, bytes]]:
    return [(TYPE_HEADER, name.encode())]


def _sealed(payload, aggregate_id: str = "") -> bytes:
    return seal(payload, event_id=str(uuid.uuid4()), producer="stranger", occurred_at=datetime.now(UTC),
                aggregate_id=aggregate_id).SerializeToString()


@pytest.mark.kafka
async def test_unhandled_types_are_skipped_by_header_and_the_rest_is_checked(desk, book, kafka_bootstrap):
    topic = await new_topic(kafka_bootstrap, "skip")
    sent = [
        # Skipped unopened: a type the topic carries and no handler takes. Even garbage bytes
        # are just "ignored": this consumer does not use them, so it is not their judge.
        (b"unhandled-garbage", GARBAGE, _type(UNHANDLED)),
        (b"unhandled-valid", _sealed(BoolValue(value=True)), _type(UNHANDLED)),
        # A header that hides a handled message as an unhandled type: the message is not used
        # (ignored), so nothing of it takes effect here; the header is the producer's contract.
        (b"disguised", _sealed(StringValue(value="hidden"), "p-hidden"), _type(UNHANDLED)),
        # Opened and checked as before:
        (b"handled-garbage", GARBAGE, _type("google.protobuf.StringValue")),  # a handled type: always opened
        (b"foreign-garbage", GARBAGE, _type("google.protobuf.FloatValue")),  # not on this topic
        (b"no-header-garbage", GARBAGE, []),
        (b"no-header-unhandled", _sealed(BoolValue(value=False)), []),  # opened, then ignored
        # A header naming a handled type over an unhandled payload: opened, found unhandled.
        (b"lying-handled", _sealed(BoolValue(value=True)), _type("google.protobuf.StringValue")),
    ]
    kafka = producer(kafka_bootstrap)
    await kafka.start()
    try:
        for key, value, headers in sent:
            await (await kafka.send(topic, value=value, key=key, partition=0, headers=headers))
        parcel = desk.register("after-the-others")
        await OutboxRelay(desk, parcel_publications(topic), kafka, producer_name="desk").publish_pending()
    finally:
        await kafka.stop()
    metrics = ServiceMetrics("tally")

    async with running_consumer(book, kafka_bootstrap, topic, metrics, allowed_types=TOPIC_TYPES):
        await eventually(lambda: _count(metrics, topic, "processed") == 1, what="the good message")
        await eventually(lambda: _count(metrics, topic, "dead_lettered") == 3, what="three dead letters")
        await eventually(lambda: _count(metrics, topic, "ignored") == 5, what="five ignored")

    letters = await read_all(kafka_bootstrap, f"{topic}.dlq", expect=3)
    reasons = {letter.key: dict(letter.headers)["dlq-reason"].decode().split(":")[0] for letter in letters}
    assert set(reasons) == {b"handled-garbage", b"foreign-garbage", b"no-header-garbage"}
    assert all(reason in {"undecodable", "missing-fields"} for reason in reasons.values()), reasons
    assert book.repository.get(Tally.create_id(str(parcel))).labels == ["after-the-others"]
    with pytest.raises(AggregateNotFoundError):  # the disguised one had no effect
        book.repository.get(Tally.create_id("p-hidden"))
    # Every record was counted once, with its time.
    histogram = metrics.message_processing_seconds.labels(topic=topic)
    assert sum(b.get() for b in histogram._buckets) == len(sent) + 1


# -- the batch consumer's bookkeeping, without a broker --------------------------------------------


class Record(NamedTuple):
    topic: str
    partition: int
    offset: int
    key: bytes | None
    value: bytes | None
    headers: tuple[tuple[str, bytes], ...] = ()


class RecordingStep:
    """Says PROCESSED to everything it is given, and remembers what that was."""

    unavailable = (ConnectionError,)

    def __init__(self, *, fail_batches: bool = False):
        self.ignored_types = {"t": frozenset({b"skip.Me"})}
        self.batches: list[list[int]] = []
        self.ones: list[int] = []
        self.commits = 0
        self._fail_batches = fail_batches

    def apply_batch(self, records):
        self.batches.append([r.offset for r in records])
        if self._fail_batches:
            raise RuntimeError("the batch as a whole fails")
        return [PROCESSED for _ in records]

    def apply_one(self, record):
        self.ones.append(record.offset)
        return PROCESSED

    async def after_commit(self):
        self.commits += 1

    async def between_batches(self):
        pass


class NoDeadLetters:
    async def publish(self, record, letter: DeadLetter):
        raise AssertionError(f"nothing here is dead-lettered: {letter}")


def _records(*types: str | None) -> list[Record]:
    return [Record("t", 0, offset, b"k", GARBAGE, ((TYPE_HEADER, t.encode()),) if t else ())
            for offset, t in enumerate(types)]


@pytest.mark.parametrize("fail_batches", [False, True], ids=["as-one", "one-by-one"])
async def test_skipped_records_keep_their_place_and_are_counted(fail_batches):
    step = RecordingStep(fail_batches=fail_batches)
    metrics = ServiceMetrics("t")
    consumer = BatchConsumer(None, step, dead_letters=NoDeadLetters(), metrics=metrics)

    labels = await consumer.process_batch(_records("skip.Me", "take.Me", None, "skip.Me", "other"))

    assert labels == [IGNORED, PROCESSED, PROCESSED, IGNORED, PROCESSED]
    assert step.batches == [[1, 2, 4]], "skipped records never reach the step"
    assert step.ones == ([1, 2, 4] if fail_batches else [])
    assert _count(metrics, "t", "ignored") == 2
    assert _count(metrics, "t", "processed") == 3
    assert metrics.message_processing_seconds.labels(topic="t")._sum.get() >= 0


async def test_a_batch_of_skipped_records_costs_no_transaction():
    step = RecordingStep()
    metrics = ServiceMetrics("t")
    consumer = BatchConsumer(None, step, dead_letters=NoDeadLetters(), metrics=metrics)

    assert await consumer.process_batch(_records("skip.Me", "skip.Me")) == [IGNORED, IGNORED]
    assert await consumer.process(_records("skip.Me")[0]) == IGNORED

    assert step.batches == [] and step.ones == [] and step.commits == 0
    assert _count(metrics, "t", "ignored") == 3


async def test_a_record_is_skipped_only_when_every_type_header_names_an_unhandled_type():
    step = RecordingStep()
    consumer = BatchConsumer(None, step, dead_letters=NoDeadLetters())
    twice = Record("t", 0, 0, b"k", GARBAGE, ((TYPE_HEADER, b"skip.Me"), (TYPE_HEADER, b"take.Me")))
    other_topic = Record("u", 0, 1, b"k", GARBAGE, ((TYPE_HEADER, b"skip.Me"),))
    mixed_case = Record("t", 0, 2, b"k", GARBAGE, ((TYPE_HEADER, b"SKIP.ME"),))
    unrelated = Record("t", 0, 3, b"k", GARBAGE, (("traceparent", b"00-x"),))

    assert await consumer.process_batch([twice, other_topic, mixed_case, unrelated]) == [PROCESSED] * 4
    assert step.batches == [[0, 1, 2, 3]]


async def test_a_step_without_ignored_types_gets_every_record():
    step = RecordingStep()
    del step.ignored_types
    consumer = BatchConsumer(None, step, dead_letters=NoDeadLetters())

    assert await consumer.process_batch(_records("skip.Me", None)) == [PROCESSED, PROCESSED]
    assert step.batches == [[0, 1]]
