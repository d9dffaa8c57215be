"""Operator tools against a real broker: dead-letter redrive, lag and offset resets."""

import asyncio
import uuid

import pytest
from aiokafka import AIOKafkaConsumer
from google.protobuf.wrappers_pb2 import StringValue

from oms_platform.messaging.consumer import TrackedConsumer
from oms_platform.messaging.dead_letters import DeadLetterPublisher
from oms_platform.messaging.relay import OutboxRelay
from oms_platform.metrics import ServiceMetrics
from oms_platform.operations import dead_letters, offsets
from oms_platform.store import open_application

from .kafka_helpers import consumer, eventually, new_topic, producer
from .sample_domain import (
    PARCEL_TYPES,
    TALLY_HANDLERS,
    ParcelDesk,
    Tally,
    TallyBook,
    parcel_publications,
    settings_for,
    tally_grams,
)

pytestmark = pytest.mark.kafka


def lenient_label(app, message: StringValue, inbound):
    """The 'fixed' handler: accepts every label."""
    tally = app.tally_for(inbound.envelope.aggregate_id)
    tally.label(message.value)
    return [tally]


FIXED_HANDLERS = {"google.protobuf.StringValue": lenient_label, "google.protobuf.Int64Value": tally_grams}


async def consume_until(book, bootstrap, topic, group, handlers, metrics, condition):
    kafka_in = consumer(bootstrap, topic, group=group)
    kafka_out = producer(bootstrap)
    await kafka_in.start()
    await kafka_out.start()
    stopping = asyncio.Event()
    tracked = TrackedConsumer(book, kafka_in, allowed_types={topic: PARCEL_TYPES}, handlers=handlers,
                              dead_letters=DeadLetterPublisher(kafka_out, consumer_name="tally", metrics=metrics),
                              metrics=metrics)
    task = asyncio.create_task(tracked.run(stopping))
    try:
        await eventually(condition, what="the consumer to get there")
    finally:
        stopping.set()
        await asyncio.wait_for(task, 10)
        await kafka_in.stop()
        await kafka_out.stop()


def consumed(metrics, topic, outcome):
    return metrics.messages_consumed_total.labels(topic=topic, outcome=outcome)._value.get()


async def test_a_refused_message_redriven_after_a_fix_takes_effect_exactly_once(tmp_path, embedded_broker):
    bootstrap = embedded_broker.bootstrap_servers
    topic = await new_topic(bootstrap, "redrive")
    desk = open_application(ParcelDesk, settings_for("desk", data_dir=tmp_path, database_url=None))
    book = open_application(TallyBook, settings_for("book", data_dir=tmp_path, database_url=None))
    parcel = desk.register("reject-me")  # the strict handler refuses this label
    desk.weigh(parcel, 900)
    kafka = producer(bootstrap)
    await kafka.start()
    await OutboxRelay(desk, parcel_publications(topic), kafka, producer_name="desk").publish_pending()
    await kafka.stop()
    group = f"tally-{uuid.uuid4().hex[:6]}"

    strict = ServiceMetrics("tally")
    await consume_until(book, bootstrap, topic, group, TALLY_HANDLERS, strict,
                        lambda: (consumed(strict, topic, "processed") == 1
                                 and consumed(strict, topic, "dead_lettered") == 1))
    tally_id = Tally.create_id(str(parcel))
    assert book.repository.get(tally_id).labels == [] and book.repository.get(tally_id).grams == [900]

    entries = await dead_letters.read_dead_letters(bootstrap, f"{topic}.dlq")
    assert len(entries) == 1 and entries[0].header("dlq-reason").startswith("invalid")

    fixed = ServiceMetrics("tally")
    redrive = asyncio.create_task(dead_letters.redrive(bootstrap, entries, watch_seconds=3))
    await consume_until(book, bootstrap, topic, group, FIXED_HANDLERS, fixed,
                        lambda: consumed(fixed, topic, "processed") == 1)
    assert all(outcome.succeeded for outcome in await redrive)
    assert book.repository.get(tally_id).labels == ["reject-me"]

    # Redriving the same entry again must not apply it twice.
    again = ServiceMetrics("tally")
    redrive = asyncio.create_task(dead_letters.redrive(bootstrap, entries, watch_seconds=2))
    await consume_until(book, bootstrap, topic, group, FIXED_HANDLERS, again,
                        lambda: consumed(again, topic, "duplicate") == 1)
    await redrive
    assert book.repository.get(tally_id).labels == ["reject-me"]


async def test_redriving_garbage_reports_that_it_failed_again(tmp_path, embedded_broker):
    bootstrap = embedded_broker.bootstrap_servers
    topic = await new_topic(bootstrap, "garbage")
    book = open_application(TallyBook, settings_for("book", data_dir=tmp_path, database_url=None))
    kafka = producer(bootstrap)
    await kafka.start()
    await (await kafka.send(topic, value=b"\xffnot an envelope", key=b"k"))
    await kafka.stop()
    group = f"tally-{uuid.uuid4().hex[:6]}"
    metrics = ServiceMetrics("tally")
    await consume_until(book, bootstrap, topic, group, TALLY_HANDLERS, metrics,
                        lambda: consumed(metrics, topic, "dead_lettered") == 1)
    entries = await dead_letters.read_dead_letters(bootstrap, f"{topic}.dlq")

    redrive = asyncio.create_task(dead_letters.redrive(bootstrap, entries, watch_seconds=20))
    await consume_until(book, bootstrap, topic, group, TALLY_HANDLERS, metrics,
                        lambda: consumed(metrics, topic, "dead_lettered") == 2)
    [outcome] = await redrive
    assert not outcome.succeeded
    assert outcome.failed_again.value == b"\xffnot an envelope"


async def test_lag_and_offset_reset(embedded_broker):
    bootstrap = embedded_broker.bootstrap_servers
    topic = await new_topic(bootstrap, "lag", partitions=2)
    kafka = producer(bootstrap)
    await kafka.start()
    for i in range(6):
        await (await kafka.send(topic, value=b"x", key=str(i).encode(), partition=i % 2))
    await kafka.stop()

    before = await offsets.group_lag(bootstrap, "lagging", [topic])
    assert sum(row.lag for row in before) == 6

    moved = await offsets.reset_offsets(bootstrap, "lagging", [topic], "latest")
    assert sorted(moved.values()) == [3, 3]
    assert sum(row.lag for row in await offsets.group_lag(bootstrap, "lagging", [topic])) == 0

    await offsets.reset_offsets(bootstrap, "lagging", [topic], "earliest")
    assert sum(row.lag for row in await offsets.group_lag(bootstrap, "lagging", [topic])) == 6


async def test_offsets_of_a_group_that_ran_before_can_be_reset(embedded_broker):
    # Tansu refuses commits from outside a group that ever had members, so the reset joins it.
    bootstrap = embedded_broker.bootstrap_servers
    topic = await new_topic(bootstrap, "ran", partitions=2)
    kafka = producer(bootstrap)
    await kafka.start()
    for i in range(4):
        await (await kafka.send(topic, value=b"x", key=str(i).encode(), partition=i % 2))
    await kafka.stop()
    member = AIOKafkaConsumer(topic, bootstrap_servers=bootstrap, group_id="ran-before", auto_offset_reset="earliest",
                              enable_auto_commit=False, session_timeout_ms=1000, heartbeat_interval_ms=300,
                              rebalance_timeout_ms=1000)
    await member.start()
    consumed = 0
    while consumed < 4:
        consumed += sum(len(records) for records in (await member.getmany(timeout_ms=200)).values())
    await member.commit()
    await member.stop()
    assert sum(row.lag for row in await offsets.group_lag(bootstrap, "ran-before", [topic])) == 0

    await offsets.reset_offsets(bootstrap, "ran-before", [topic], "earliest", session_timeout_ms=1000)

    assert sum(row.lag for row in await offsets.group_lag(bootstrap, "ran-before", [topic])) == 4
