"""Rebuild the projection's views from the topics: the operators' replay (X3).

Empties every view and its tracking, reads every events topic from its earliest offset up to
where it ends now, applies each batch as the live projection does (the platform's batch consumer
with the projector as its step: the same retries and dead letters), and finally
moves the projection's consumer group to those end offsets so the service resumes after them.
Run it with the projection service stopped (its group must be empty to move its offsets). When
the broker lost its topics, republish each service's store first (`omsctl republish <service>`).

A rebuild holds the views' rebuild lock from start to end and leaves a marker in the views from
the moment it empties them until they are complete again: killed half way, it leaves the marker,
and the projection service then does not serve the half-empty views but redoes the rebuild
(`omsctl rebuild-projection` run again completes it too).
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import queue
import threading
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from typing import Any

from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.errors import KafkaError

from oms_platform.catalogue import load_catalogue
from oms_platform.logging import get_logger
from oms_platform.messaging.batch import BatchConsumer
from oms_platform.messaging.dead_letters import DeadLetterPublisher, dead_letter_topic
from oms_platform.messaging.producers import start_producer
from oms_platform.operations.offsets import GroupBusy, commit_group_offsets
from services.projection.adapters.rebuild_marker import mark_rebuild_finished, mark_rebuild_started
from services.projection.adapters.view_schema import (
    QUERY_ONLY_INDEXES,
    REBUILD_MARKER_TABLE,
    STATEMENTS,
    query_only_index_statements,
)
from services.projection.adapters.view_store import ViewStore, open_view_store
from services.projection.application.projector import Projector
from services.projection.settings import ProjectionSettings

log = get_logger(__name__)


@dataclass(frozen=True)
class RebuildSummary:
    records: int
    outcomes: dict[str, int]
    replay_seconds: float = 0.0
    # False when the broker refused to move the group: the projection then re-reads the replayed
    # records on its next start and skips them as duplicates (correct, only slower).
    group_moved: bool = True


def view_tables() -> list[str]:
    tables = [s.split("EXISTS", 1)[1].split("(", 1)[0].strip() for s in STATEMENTS if "CREATE TABLE" in s]
    return [table for table in tables if table != REBUILD_MARKER_TABLE]


def clear_views(views: ViewStore, *, rebuild_by: str | None = None) -> None:
    """Empty every view, and drop the indexes that only queries need until `index_views`.

    `rebuild_by`: mark the views as being rebuilt by it, in the same transaction, so that views
    are never empty without saying why. Should the rebuild stop half way, the projection service
    creates the indexes again when it starts.
    """
    with views.write() as session:
        if rebuild_by:
            mark_rebuild_started(session, rebuild_by)
        for table in view_tables():
            session.execute(f"DELETE FROM {table}")  # noqa: S608 - names from our own schema
        for index in QUERY_ONLY_INDEXES:
            session.execute(f"DROP INDEX IF EXISTS {index}")


def index_views(views: ViewStore) -> None:
    with views.write() as session:
        for statement in query_only_index_statements(views.dialect):
            session.execute(statement)


async def rebuild(settings: ProjectionSettings, *, workers: int = 1, on_start: Callable[[int], None] | None = None,
                  progress: Callable[[int], None] | None = None,
                  started_by: str = "omsctl rebuild-projection") -> RebuildSummary:
    """Replay every events topic into emptied views, with `workers` processes sharing the partitions.

    Partitions are independent in the live projection too (no order is promised across them), so
    splitting them between processes changes nothing in the result, only the time it takes.
    RebuildRunning when another process is rebuilding the same views.
    """
    views = open_view_store(settings, bulk=True)
    try:
        with views.rebuild_lock():
            summary, positions = await _replay_all(settings, views, workers, on_start, progress, started_by)
    finally:
        views.close()
    try:
        await _move_group(settings, positions)
    except (KafkaError, GroupBusy) as refused:
        log.warning("could not move the projection's group past the replay; it will skip the replayed"
                    " records as duplicates", error=f"{type(refused).__name__}: {refused}")
        return replace(summary, group_moved=False)
    return summary


async def _replay_all(settings: ProjectionSettings, views: ViewStore, workers: int,
                      on_start: Callable[[int], None] | None, progress: Callable[[int], None] | None,
                      started_by: str) -> tuple[RebuildSummary, dict[TopicPartition, int]]:
    topics = [t.name for t in load_catalogue().consumed_by(settings.service_name)]
    clear_views(views, rebuild_by=started_by)
    starts, ends = await _offsets(settings, topics)
    if on_start:
        on_start(sum(ends[tp] - starts[tp] for tp in ends))
    started = time.monotonic()
    shares = _shares(starts, ends, workers)
    if len(shares) <= 1:
        summary, positions = await _replay_share(settings, ends, progress)
    else:
        summary, positions = await _replay_in_processes(settings, shares, progress)
    index_views(views)
    views.flush()  # every view row durable before the marker says the views are complete
    mark_rebuild_finished(views)
    views.flush()  # and that, before the group moves past the replayed records
    return replace(summary, replay_seconds=time.monotonic() - started), positions


async def _offsets(settings: ProjectionSettings,
                   topics: list[str]) -> tuple[dict[TopicPartition, int], dict[TopicPartition, int]]:
    reader = AIOKafkaConsumer(bootstrap_servers=settings.kafka_bootstrap_servers, enable_auto_commit=False)
    await reader.start()
    try:
        await reader._client.force_metadata_update()  # noqa: SLF001 - aiokafka has no public call for this
        partitions = [TopicPartition(t, p) for t in topics for p in sorted(reader.partitions_for_topic(t) or ())]
        return await reader.beginning_offsets(partitions), await reader.end_offsets(partitions)
    finally:
        await reader.stop()


def _shares(starts: dict[TopicPartition, int], ends: dict[TopicPartition, int],
            workers: int) -> list[dict[TopicPartition, int]]:
    """The partitions (with their end offsets) split into at most `workers` shares of like size.

    Partition p of every topic goes to the same share: the topics about orders are keyed by the
    order id, so one order's facts stay with one worker, and two workers do not write the same
    view rows at once (on PostgreSQL that deadlocked big batches).
    """
    by_number: dict[int, list[TopicPartition]] = {}
    for tp in ends:
        by_number.setdefault(tp.partition, []).append(tp)
    shares: list[dict[TopicPartition, int]] = [{} for _ in range(max(1, workers))]
    loads = [0] * len(shares)
    for group in sorted(by_number.values(), key=lambda g: sum(ends[tp] - starts[tp] for tp in g), reverse=True):
        lightest = loads.index(min(loads))
        for tp in group:
            shares[lightest][tp] = ends[tp]
            loads[lightest] += ends[tp] - starts[tp]
    return [share for share in shares if share]


async def _replay_share(settings: ProjectionSettings, ends: dict[TopicPartition, int],
                        progress: Callable[[int], None] | None) -> tuple[RebuildSummary, dict[TopicPartition, int]]:
    """Project every record of these partitions, from the earliest offset, into the views."""
    topics = load_catalogue().consumed_by(settings.service_name)
    views = open_view_store(settings, bulk=True)
    reader = AIOKafkaConsumer(bootstrap_servers=settings.kafka_bootstrap_servers, enable_auto_commit=False,
                              max_poll_records=settings.rebuild_batch_records,
                              max_partition_fetch_bytes=8 * 1024 * 1024, fetch_max_bytes=64 * 1024 * 1024)
    try:
        await reader.start()
        producer = await start_producer(settings, "projection-rebuild")
        try:
            # The reader is no group member: the replay's own loop below fetches and ends it, the
            # consumer only applies what it is handed.
            consumer = BatchConsumer(
                reader, Projector(views, {t.name: frozenset(t.message_types) for t in topics}),
                dead_letters=DeadLetterPublisher(producer, consumer_name=f"{settings.service_name}-rebuild",
                                                 topic_for=lambda name: dead_letter_topic(name)))
            reader.assign(list(ends))
            await reader.seek_to_beginning(*ends)
            return await _replay(reader, consumer, ends, progress)
        finally:
            await producer.stop()
    finally:
        await reader.stop()
        views.close()


async def _replay_in_processes(settings: ProjectionSettings, shares: list[dict[TopicPartition, int]],
                               progress: Callable[[int], None] | None
                               ) -> tuple[RebuildSummary, dict[TopicPartition, int]]:
    context = multiprocessing.get_context("spawn")  # forking a process with an event loop is unsafe
    counts = context.Queue()
    loop = asyncio.get_running_loop()
    with ProcessPoolExecutor(len(shares), mp_context=context, initializer=_start_worker,
                             initargs=(counts, os.getpid())) as pool:
        running = asyncio.gather(*(loop.run_in_executor(pool, _replay_share_in_process, settings, share)
                                   for share in shares))
        reporting = asyncio.ensure_future(_report_counts(counts, progress, running))
        try:
            results = await running
        finally:
            await reporting
    outcomes: dict[str, int] = {}
    positions: dict[TopicPartition, int] = {}
    for summary, share_positions in results:
        for outcome, count in summary.outcomes.items():
            outcomes[outcome] = outcomes.get(outcome, 0) + count
        positions.update(share_positions)
    return RebuildSummary(sum(summary.records for summary, _ in results), outcomes), positions


_counts: Any = None  # in a worker process: where it reports how many records it has projected


def _start_worker(counts: Any, parent: int) -> None:
    global _counts
    _counts = counts
    _exit_with_parent(parent)


def _replay_share_in_process(settings: ProjectionSettings,
                             ends: dict[TopicPartition, int]) -> tuple[RebuildSummary, dict[TopicPartition, int]]:
    return asyncio.run(_replay_share(settings, ends, _counts.put))


def _exit_with_parent(parent: int) -> None:
    """A worker whose rebuild was killed stops writing: an orphan would go on filling the views
    after the rebuild lock was let go, under the feet of the process that redoes the rebuild.
    (`parent` from the parent itself: one that died before this worker started is not our parent.)"""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.2)
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-rebuild", daemon=True).start()


async def _report_counts(counts: Any, progress: Callable[[int], None] | None, done: asyncio.Future) -> None:
    while not (done.done() and counts.empty()):
        try:
            count = await asyncio.to_thread(counts.get, True, 0.2)
        except queue.Empty:
            continue
        if progress:
            progress(count)


async def _replay(reader: AIOKafkaConsumer, consumer: BatchConsumer, ends: dict[TopicPartition, int],
                  progress: Callable[[int], None] | None) -> tuple[RebuildSummary, dict[TopicPartition, int]]:
    """Project every record, fetching the next batch while the current one is written."""
    batches: asyncio.Queue[list[Any] | None] = asyncio.Queue(maxsize=2)
    fetching = asyncio.create_task(_fetch(reader, ends, batches))
    outcomes: dict[str, int] = {}
    total = 0
    try:
        while (records := await batches.get()) is not None:
            for outcome in await consumer.process_batch(records):
                outcomes[outcome] = outcomes.get(outcome, 0) + 1
            total += len(records)
            if progress:
                progress(len(records))
        return RebuildSummary(total, outcomes), await fetching
    finally:
        fetching.cancel()


async def _fetch(reader: AIOKafkaConsumer, ends: dict[TopicPartition, int],
                 batches: asyncio.Queue[list[Any] | None]) -> dict[TopicPartition, int]:
    """Fetch until every partition is past its end offset and a fetch brings nothing.

    End offsets alone cannot say when to stop: Tansu advances a partition's high watermark once
    per produced batch, not per record (10 records in one batch: end offset 1), so a replay that
    stopped at the end offsets would miss most of a republished store.
    """
    while True:
        fetched = await reader.getmany(timeout_ms=1000)
        records = [record for partition_records in fetched.values() for record in partition_records]
        if records:
            await batches.put(records)
        positions = {tp: await reader.position(tp) for tp in ends}
        if not fetched and all(positions[tp] >= end for tp, end in ends.items()):
            await batches.put(None)
            return positions


async def _move_group(settings: ProjectionSettings, ends: dict[TopicPartition, int]) -> None:
    await commit_group_offsets(settings.kafka_bootstrap_servers, settings.consumer_group, ends,
                               "omsctl rebuild-projection", session_timeout_ms=settings.consumer_session_timeout_ms)
