"""What becomes of each consumed record: applied, retried while the views are away, dead-lettered.

The projection consumes with the platform's batch consumer; its step is the projector.
"""

from __future__ import annotations

import asyncio

from oms_platform.messaging import batch
from oms_platform.messaging.batch import BatchConsumer
from oms_platform.messaging.dead_letters import DeadLetterPublisher
from oms_platform.metrics import ServiceMetrics
from services.projection.adapters.view_store import ViewStoreUnavailable
from services.projection.application.projector import Projector
from tests.services.projection.messages import ORDER_EVENTS, new_order_id, order_placed, record


class RecordingProducer:
    def __init__(self) -> None:
        self.sent: list[dict] = []

    async def send(self, topic, value=None, key=None, headers=None):
        self.sent.append({"topic": topic, "value": value, "key": key, "headers": dict(headers or ())})
        done = asyncio.get_running_loop().create_future()
        done.set_result(None)
        return done


class FlakyProjector(Projector):
    """Fails with the given errors in turn, then answers `outcome`."""

    def __init__(self, errors: list[Exception], outcome: str = "processed"):
        self.errors = list(errors)
        self.outcome = outcome
        self.calls = 0

    def project(self, record):
        self.calls += 1
        if self.errors:
            raise self.errors.pop(0)
        return self.outcome

    def project_batch(self, records):
        self.batch_calls = getattr(self, "batch_calls", 0) + 1
        if self.errors:
            raise self.errors.pop(0)
        return [self.outcome] * len(records)


def processor_with(projector) -> tuple[BatchConsumer, RecordingProducer, ServiceMetrics]:
    producer = RecordingProducer()
    metrics = ServiceMetrics("projection")
    dead_letters = DeadLetterPublisher(producer, consumer_name="projection", metrics=metrics)
    # No Kafka consumer: these tests hand it the records a fetch would have brought.
    return BatchConsumer(None, projector, dead_letters=dead_letters, metrics=metrics), producer, metrics


def consumed(metrics: ServiceMetrics, outcome: str) -> float:
    return metrics.registry.get_sample_value(
        "oms_messages_consumed_total", {"topic": ORDER_EVENTS, "outcome": outcome}) or 0


async def test_garbage_goes_to_the_dead_letter_topic_with_its_bytes_and_reason(projector):
    processor, producer, metrics = processor_with(projector)
    assert await processor.process(record(ORDER_EVENTS, b"garbage", key="order-9")) == "dead_lettered"
    [letter] = producer.sent
    assert (letter["topic"], letter["value"], letter["key"]) == ("oms.order.events.v1.dlq", b"garbage", b"order-9")
    assert letter["headers"]["dlq-reason"].startswith(b"undecodable")
    assert letter["headers"]["dlq-consumer"] == b"projection"
    assert consumed(metrics, "dead_lettered") == 1


async def test_a_good_message_is_counted_as_processed(projector):
    processor, producer, metrics = processor_with(projector)
    order_id = new_order_id()
    assert await processor.process(record(ORDER_EVENTS, order_placed(order_id), aggregate_id=order_id,
                                          version=1)) == "processed"
    assert producer.sent == [] and consumed(metrics, "processed") == 1


async def test_views_that_are_away_are_waited_for_not_given_up_on(monkeypatch):
    monkeypatch.setattr(batch.asyncio, "sleep", _no_wait)
    flaky = FlakyProjector([ViewStoreUnavailable("database is locked")] * 5)
    processor, producer, _ = processor_with(flaky)
    assert await processor.process(record(ORDER_EVENTS, b"...")) == "processed"
    assert flaky.calls == 6 and producer.sent == []


async def test_a_message_that_keeps_failing_is_dead_lettered_after_three_attempts(monkeypatch):
    monkeypatch.setattr(batch.asyncio, "sleep", _no_wait)
    flaky = FlakyProjector([KeyError("boom")] * 3)
    processor, producer, _ = processor_with(flaky)
    assert await processor.process(record(ORDER_EVENTS, b"...")) == "dead_lettered"
    assert flaky.calls == 3
    assert producer.sent[0]["headers"]["dlq-reason"] == b"handler-error: KeyError: 'boom'"


async def test_a_batch_whose_views_were_away_or_deadlocked_is_retried_as_a_batch(monkeypatch):
    monkeypatch.setattr(batch.asyncio, "sleep", _no_wait)
    flaky = FlakyProjector([ViewStoreUnavailable("deadlock detected")] * 2)
    processor, _, _ = processor_with(flaky)
    records = [record(ORDER_EVENTS, b"...") for _ in range(3)]
    assert await processor.process_batch(records) == ["processed"] * 3
    assert (flaky.batch_calls, flaky.calls) == (3, 0)


async def test_a_batch_that_fails_otherwise_is_applied_record_by_record(monkeypatch):
    monkeypatch.setattr(batch.asyncio, "sleep", _no_wait)
    flaky = FlakyProjector([KeyError("one bad record")])
    processor, _, _ = processor_with(flaky)
    assert await processor.process_batch([record(ORDER_EVENTS, b"...") for _ in range(3)]) == ["processed"] * 3
    assert (flaky.batch_calls, flaky.calls) == (1, 3)


async def _no_wait(_seconds: float) -> None:
    return None
