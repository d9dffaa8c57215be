"""Rebuild the projection's views from the topics: the operators' replay (X3).

Empties every view and its tracking, reads every events topic from its earliest offset up to
where it ends now, projects each record with the same code the live stream uses, and finally
moves the projection's consumer group to those end offsets so the service resumes after them.
Run it with the projection service stopped (its group must be empty to move its offsets). When
the broker lost its topics, republish each service's store first (`omsctl republish <service>`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition

from oms_platform.catalogue import load_catalogue
from oms_platform.messaging.dead_letters import DeadLetterPublisher, dead_letter_topic
from oms_platform.operations.offsets import commit_group_offsets
from services.projection.adapters.view_schema import STATEMENTS
from services.projection.adapters.view_store import ViewStore, open_view_store
from services.projection.application.processing import RecordProcessor
from services.projection.application.projector import ConsumedRecord, Projector
from services.projection.settings import ProjectionSettings


@dataclass(frozen=True)
class RebuildSummary:
    records: int
    outcomes: dict[str, int]


def view_tables() -> list[str]:
    return [s.split("EXISTS", 1)[1].split("(", 1)[0].strip() for s in STATEMENTS if "CREATE TABLE" in s]


def clear_views(views: ViewStore) -> None:
    with views.write() as session:
        for table in view_tables():
            session.execute(f"DELETE FROM {table}")  # noqa: S608 - names from our own schema


async def rebuild(settings: ProjectionSettings, *, on_start: Callable[[int], None] | None = None,
                  progress: Callable[[int], None] | None = None) -> RebuildSummary:
    topics = load_catalogue().consumed_by(settings.service_name)
    views = open_view_store(settings)
    reader = AIOKafkaConsumer(bootstrap_servers=settings.kafka_bootstrap_servers, enable_auto_commit=False,
                              max_poll_records=5000)
    producer = AIOKafkaProducer(bootstrap_servers=settings.kafka_bootstrap_servers, enable_idempotence=False)
    await reader.start()
    await producer.start()
    try:
        clear_views(views)
        processor = RecordProcessor(
            Projector(views, {t.name: frozenset(t.message_types) for t in topics}),
            DeadLetterPublisher(producer, consumer_name=f"{settings.service_name}-rebuild",
                                topic_for=lambda name: dead_letter_topic(name)))
        ends = await _assign_from_start(reader, [t.name for t in topics])
        starts = {tp: await reader.position(tp) for tp in ends}
        if on_start:
            on_start(sum(ends[tp] - starts[tp] for tp in ends))
        summary, positions = await _replay(reader, processor, ends, progress)
        await _move_group(settings, positions)
        return summary
    finally:
        await reader.stop()
        await producer.stop()
        views.close()


async def _assign_from_start(reader: AIOKafkaConsumer, topics: list[str]) -> dict[TopicPartition, int]:
    await reader._client.force_metadata_update()  # noqa: SLF001 - aiokafka has no public call for this
    partitions = [TopicPartition(t, p) for t in topics for p in sorted(reader.partitions_for_topic(t) or ())]
    reader.assign(partitions)
    await reader.seek_to_beginning(*partitions)
    return await reader.end_offsets(partitions)


async def _replay(reader: AIOKafkaConsumer, processor: RecordProcessor, ends: dict[TopicPartition, int],
                  progress: Callable[[int], None] | None) -> tuple[RebuildSummary, dict[TopicPartition, int]]:
    """Project records until every partition is past its end offset and a fetch brings nothing.

    End offsets alone cannot say when to stop: Tansu advances a partition's high watermark once
    per produced batch, not per record (10 records in one batch: end offset 1), so a replay that
    stopped at the end offsets would miss most of a republished store.
    """
    outcomes: dict[str, int] = {}
    total = 0
    while True:
        batches = await reader.getmany(timeout_ms=1000)
        records = [ConsumedRecord(r.topic, r.partition, r.offset, r.key, r.value, tuple(r.headers or ()))
                   for partition_records in batches.values() for r in partition_records]
        if records:
            for outcome in await processor.process_batch(records):
                outcomes[outcome] = outcomes.get(outcome, 0) + 1
            total += len(records)
            if progress:
                progress(len(records))
        positions = {tp: await reader.position(tp) for tp in ends}
        if not batches and all(positions[tp] >= end for tp, end in ends.items()):
            return RebuildSummary(total, outcomes), positions


async def _move_group(settings: ProjectionSettings, ends: dict[TopicPartition, int]) -> None:
    await commit_group_offsets(settings.kafka_bootstrap_servers, settings.consumer_group, ends,
                               "omsctl rebuild-projection", session_timeout_ms=settings.consumer_session_timeout_ms)
