"""Parking, against a real broker and both stores: a fact read before the fact it needs (from
another topic) waits in the store and is applied once when that fact comes; a refused one is
still dead-lettered at once; one that waits too long becomes a dead letter.

The tally here takes weighings from a scale's topic and labels from a labeller's topic, keyed by
parcel; a label needs the parcel weighed first.
"""

import asyncio
import uuid
from contextlib import asynccontextmanager
from datetime import UTC, datetime

import pytest
from eventsourcing.application import AggregateNotFoundError
from google.protobuf.wrappers_pb2 import Int64Value, StringValue

from oms_platform.messaging.consumer import InvalidMessage, NotYet, TrackedConsumer
from oms_platform.messaging.dead_letters import DeadLetterPublisher
from oms_platform.messaging.envelope import seal
from oms_platform.messaging.parking import ParkingSettings
from oms_platform.metrics import ServiceMetrics
from oms_platform.store import open_application

from .kafka_helpers import consumer, eventually, new_topic, producer, read_all
from .sample_domain import Tally, TallyBook, settings_for

pytestmark = pytest.mark.kafka


def weigh(app: TallyBook, message: Int64Value, inbound) -> list[Tally]:
    tally = app.tally_for(inbound.key)
    tally.count(message.value)
    return [tally]


def label(app: TallyBook, message: StringValue, inbound) -> list[Tally]:
    if message.value == "reject-me":
        raise InvalidMessage("label 'reject-me' is refused by the tally")
    tally = app.tally_for(inbound.key)
    if not tally.grams:
        raise NotYet(f"parcel {inbound.key} has not been weighed", waiting_for=tally.id)
    tally.label(message.value)
    return [tally]


HANDLERS = {"google.protobuf.Int64Value": weigh, "google.protobuf.StringValue": label}


class Desk:
    """Two topics, one store, one consumer at a time (restartable) over them."""

    def __init__(self, bootstrap: str, scale: str, labeller: str, settings):
        self.bootstrap, self.scale, self.labeller, self.settings = bootstrap, scale, labeller, settings
        self.book = open_application(TallyBook, settings)
        self.metrics = ServiceMetrics("tally")
        self.versions: dict[str, int] = {}

    def reopen(self) -> None:
        """What a restarted process sees: the store as it was written, nothing in memory."""
        self.book.close()
        self.book = open_application(TallyBook, self.settings)
        self.metrics = ServiceMetrics("tally")

    async def send(self, topic: str, parcel: str, payload, *, stream: str, version: int | None = None) -> bytes:
        if version is None:
            version = self.versions[stream] = self.versions.get(stream, 0) + 1
        envelope = seal(payload, event_id=str(uuid.uuid4()), producer=stream, occurred_at=datetime.now(UTC),
                        aggregate_id=f"{stream}-{parcel}", aggregate_version=version)
        kafka = producer(self.bootstrap)
        await kafka.start()
        try:
            await (await kafka.send(topic, value=envelope.SerializeToString(), key=parcel.encode()))
        finally:
            await kafka.stop()
        return envelope.SerializeToString()

    async def weighing(self, parcel: str, grams: int) -> bytes:
        return await self.send(self.scale, parcel, Int64Value(value=grams), stream="scale")

    async def label(self, parcel: str, text: str, *, version: int | None = None) -> bytes:
        return await self.send(self.labeller, parcel, StringValue(value=text), stream="labeller", version=version)

    def tracked(self, kafka_in, kafka_out, parking: ParkingSettings | None = None) -> TrackedConsumer:
        types = frozenset(HANDLERS)
        return TrackedConsumer(
            self.book, kafka_in, allowed_types={self.scale: types, self.labeller: types}, handlers=HANDLERS,
            dead_letters=DeadLetterPublisher(kafka_out, consumer_name="tally", metrics=self.metrics),
            metrics=self.metrics, parking=parking or ParkingSettings(retry_seconds=0.2),
        )

    @asynccontextmanager
    async def consuming(self, parking: ParkingSettings | None = None):
        kafka_out = producer(self.bootstrap)
        kafka_in = consumer(self.bootstrap, self.scale, self.labeller, group=f"tally-{uuid.uuid4().hex[:6]}")
        await kafka_out.start()
        await kafka_in.start()
        stopping = asyncio.Event()
        task = asyncio.create_task(self.tracked(kafka_in, kafka_out, parking).run(stopping))
        try:
            yield
        finally:
            stopping.set()
            await asyncio.wait_for(task, timeout=10)
            await kafka_in.stop()
            await kafka_out.stop()

    def labels(self, parcel: str) -> list[str]:
        try:
            return self.book.repository.get(Tally.create_id(parcel)).labels
        except AggregateNotFoundError:
            return []

    def recorded(self, parcel: str, event_name: str) -> int:
        events = self.book.events.get(Tally.create_id(parcel))
        return sum(1 for event in events if type(event).__name__ == event_name)

    def outcomes(self, topic: str, outcome: str) -> float:
        return self.metrics.messages_consumed_total.labels(topic=topic, outcome=outcome)._value.get()

    def parked_gauge(self, topic: str) -> float:
        return self.metrics.parked_messages.labels(topic=topic)._value.get()


@pytest.fixture
async def desk(store_backend, kafka_bootstrap):
    scale, labeller = await new_topic(kafka_bootstrap, "scale", 3), await new_topic(kafka_bootstrap, "labeller", 3)
    settings = settings_for(f"park_{store_backend.schema_suffix}", data_dir=store_backend.data_dir,
                            database_url=store_backend.database_url)
    desk = Desk(kafka_bootstrap, scale, labeller, settings)
    yield desk
    desk.book.close()


async def test_a_label_read_before_its_weighing_waits_and_is_applied_once(desk):
    async with desk.consuming():
        await desk.label("p-1", "fragile")
        await eventually(lambda: desk.outcomes(desk.labeller, "parked") == 1, what="the label parked")
        await eventually(lambda: desk.parked_gauge(desk.labeller) == 1, what="the gauge showing it")
        # Delivered again while it waits (a republish): recognised, not parked twice.
        await desk.label("p-1", "fragile", version=1)
        await eventually(lambda: desk.outcomes(desk.labeller, "duplicate") == 1, what="the repeat recognised")
        assert desk.book.parking.counts() == {desk.labeller: 1}
        assert desk.labels("p-1") == []

        await desk.weighing("p-1", 700)
        await eventually(lambda: desk.labels("p-1") == ["fragile"], what="the label applied")
        await eventually(lambda: desk.parked_gauge(desk.labeller) == 0, what="the gauge back to zero")
        # Delivered again after it was applied: recognised again.
        await desk.label("p-1", "fragile", version=1)
        await eventually(lambda: desk.outcomes(desk.labeller, "duplicate") == 2, what="the second repeat")

    assert desk.recorded("p-1", "Labelled") == 1
    assert desk.book.parking.counts() == {}
    assert desk.outcomes(desk.labeller, "dead_lettered") == 0


async def test_a_parked_label_survives_a_restart_and_is_applied_once(desk):
    async with desk.consuming():
        await desk.label("p-2", "this side up")
        await eventually(lambda: desk.outcomes(desk.labeller, "parked") == 1, what="the label parked")
    desk.reopen()

    # A new group reads both topics from the start again: the label is already tracked.
    async with desk.consuming():
        await eventually(lambda: desk.parked_gauge(desk.labeller) == 1, what="the parked label counted at start")
        await eventually(lambda: desk.outcomes(desk.labeller, "duplicate") == 1, what="the label recognised")
        await desk.weighing("p-2", 1200)
        await eventually(lambda: desk.labels("p-2") == ["this side up"], what="the label applied")
    assert desk.recorded("p-2", "Labelled") == 1
    assert desk.book.parking.counts() == {}


@pytest.mark.parametrize("as_one_batch", [True, False], ids=["one-batch", "one-by-one"])
async def test_a_label_and_its_weighing_in_one_batch_take_effect_together(desk, as_one_batch):
    await desk.label("p-3", "glass")
    await desk.label("p-3", "keep dry")
    await desk.weighing("p-3", 300)
    records = [*await read_all(desk.bootstrap, desk.labeller, expect=2),
               *await read_all(desk.bootstrap, desk.scale, expect=1)]
    kafka_out = producer(desk.bootstrap)
    await kafka_out.start()
    try:
        tracked = desk.tracked(None, kafka_out)
        if as_one_batch:
            outcomes = await tracked.process_batch(records)
        else:
            outcomes = [await tracked.process(record) for record in records]
    finally:
        await kafka_out.stop()
    # The second label is parked behind the first, so the two keep their order.
    assert outcomes == ["parked", "parked", "processed"]
    assert desk.labels("p-3") == ["glass", "keep dry"]
    assert desk.book.parking.counts() == {}


async def test_a_refused_label_is_dead_lettered_at_once_not_parked(desk):
    refused = await desk.label("p-4", "reject-me")
    async with desk.consuming():
        await eventually(lambda: desk.outcomes(desk.labeller, "dead_lettered") == 1, what="the dead letter")
    (letter,) = await read_all(desk.bootstrap, f"{desk.labeller}.dlq", expect=1)
    assert letter.value == refused
    assert dict(letter.headers)["dlq-reason"].decode().startswith("invalid: label 'reject-me'")
    assert desk.outcomes(desk.labeller, "parked") == 0 and desk.book.parking.counts() == {}


async def test_a_label_parked_too_long_becomes_a_dead_letter_with_its_bytes(desk):
    waiting = await desk.label("p-5", "perishable")
    async with desk.consuming(ParkingSettings(max_seconds=0, retry_seconds=0.1)):
        await eventually(lambda: desk.outcomes(desk.labeller, "parked") == 1, what="the label parked")
        (letter,) = await read_all(desk.bootstrap, f"{desk.labeller}.dlq", expect=1)
        await eventually(lambda: desk.parked_gauge(desk.labeller) == 0, what="the gauge back to zero")
    assert letter.value == waiting and letter.key == b"p-5"
    reason = dict(letter.headers)["dlq-reason"].decode()
    assert reason.startswith("parked-too-long") and "parcel p-5 has not been weighed" in reason
    assert desk.book.parking.counts() == {}
    assert desk.labels("p-5") == []
