"""`make bench-rebuild`: how fast the projection's views are rebuilt from N events (X3).

Runs the real pipeline for a seed of orders (every event a projection sees, as the services
produce it), then multiplies those records on the topics until there are N: each copy has every
UUID in its key and bytes replaced by a copy-specific one of the same length, so the protobuf stays
valid and each copy is a distinct set of orders, shipments, timelines and journal entries. With
the projection service stopped it runs the operators' `rebuild-projection` code and reports events
per second, then checks that the views hold every copy's orders.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import resource
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any

import typer
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from rich.console import Console

from oms_dev.broker import EmbeddedBroker
from oms_platform.catalogue import load_catalogue
from services.projection.adapters.view_store import open_view_store
from services.projection.entrypoints.rebuild import rebuild
from services.projection.settings import ProjectionSettings
from tests.bench.load import run_load
from tests.bench.processes import sample_processes
from tests.support.stack import running_stack

console = Console()
UUID_TEXT = re.compile(rb"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
COPY_NAMESPACE = uuid.UUID("0b7f5a0e-8c1d-4e59-a3a4-6d2f1c9e7b30")


def main(
    events: Annotated[int, typer.Option(help="Events to rebuild the views from.")] = 1_000_000,
    seed_orders: Annotated[int, typer.Option(help="Orders run through the real pipeline first.")] = 100,
    postgres: Annotated[str | None, typer.Option(help="postgresql:// URL of an empty database.")] = None,
    workers: Annotated[int, typer.Option(min=1, help="Processes sharing the partitions.")] = 2,
    output: Annotated[Path, typer.Option(help="Folder for the JSON results.")] = Path("bench-results"),
) -> None:
    data_dir = Path(f"var/bench/{uuid.uuid4().hex[:8]}")
    with (EmbeddedBroker(log_dir=data_dir, die_with_parent=True) as broker,
          running_stack(broker.bootstrap_servers, data_dir, database_url=postgres) as stack):
        load = asyncio.run(run_load(stack, orders=seed_orders, rate=0, sample_every=seed_orders, timeout=600))
        if not load.complete:
            raise typer.Exit(f"the seed of {seed_orders} orders did not complete")
        # Every service stops: the copies are for the projection only, and services that consume
        # them would act on them (and publish more).
        for service in stack.services.values():
            service.stop()
        topics = [t.name for t in load_catalogue().consumed_by("projection")]
        seed = asyncio.run(_read_all(broker.bootstrap_servers, topics))
        copies = max(1, -(-events // len(seed)))  # ceiling: the seed itself is copy 0
        console.print(f"seed: {len(seed)} records from {seed_orders} orders; writing {copies - 1} copies")
        asyncio.run(_write_copies(broker.bootstrap_servers, seed, range(1, copies)))
        read_started = time.monotonic()
        fetched = asyncio.run(_read_all(broker.bootstrap_servers, topics, keep=False))
        read_seconds = time.monotonic() - read_started
        console.print(f"the broker alone: {fetched} records read in {read_seconds:.1f} s")
        settings = ProjectionSettings(kafka_bootstrap_servers=broker.bootstrap_servers, data_dir=data_dir,
                                      database_url=postgres)
        started, before = time.monotonic(), sample_processes({"rebuild": os.getpid()})["rebuild"]
        children_before = resource.getrusage(resource.RUSAGE_CHILDREN)
        batches: list[int] = []
        summary = asyncio.run(rebuild(settings, workers=workers, progress=batches.append))
        seconds = time.monotonic() - started
        after = sample_processes({"rebuild": os.getpid()})["rebuild"]
        workers_used = resource.getrusage(resource.RUSAGE_CHILDREN)  # the worker processes, ended by now
        orders_in_views = _count_orders(settings)
    report = {
        "backend": "postgres" if postgres else "sqlite", "workers": workers,
        "records": summary.records, "outcomes": summary.outcomes,
        "seconds": seconds, "events_per_second": summary.records / seconds,
        "replay_seconds": summary.replay_seconds, "replay_events_per_second": summary.records / summary.replay_seconds,
        "broker_read_seconds": read_seconds, "group_moved": summary.group_moved, "batches": len(batches),
        "mean_batch": sum(batches) / max(len(batches), 1),
        "cpu_seconds": (after.cpu_seconds - before.cpu_seconds
                        + _cpu_seconds(workers_used) - _cpu_seconds(children_before)),
        "peak_memory_mib": after.peak_rss_mib, "peak_worker_memory_mib": workers_used.ru_maxrss / 1024,
        "orders_expected": seed_orders * copies, "orders_in_views": orders_in_views,
    }
    output.mkdir(parents=True, exist_ok=True)
    path = output / f"rebuild-{datetime.now(UTC):%Y%m%dT%H%M%SZ}.json"
    path.write_text(json.dumps(report, indent=2))
    console.print(f"[bold]rebuilt views from {summary.records} records in {seconds:.1f} s: "
                  f"{report['events_per_second']:.0f} events/s[/bold] ({report['backend']} views) -> {path}")
    console.print(f"of which replaying: {summary.replay_seconds:.1f} s, "
                  f"{report['replay_events_per_second']:.0f} events/s in {len(batches)} batches "
                  f"(mean {report['mean_batch']:.0f} records); group moved: {summary.group_moved}")
    console.print(f"outcomes: {summary.outcomes}; orders in views {orders_in_views} of {report['orders_expected']}; "
                  f"CPU {report['cpu_seconds']:.1f} s, peak memory {report['peak_memory_mib']:.0f} MiB")
    if orders_in_views != report["orders_expected"] or summary.records < events:
        raise typer.Exit(1)


def _cpu_seconds(usage: resource.struct_rusage) -> float:
    return usage.ru_utime + usage.ru_stime


async def _read_all(bootstrap: str, topics: list[str], *, keep: bool = True) -> Any:
    """Every record of the topics (or, with keep=False, only how many there are)."""
    reader = AIOKafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False)
    await reader.start()
    try:
        await reader._client.force_metadata_update()  # noqa: SLF001 - aiokafka has no public call for this
        partitions = [TopicPartition(t, p) for t in topics for p in sorted(reader.partitions_for_topic(t) or ())]
        reader.assign(partitions)
        await reader.seek_to_beginning(*partitions)
        records, count = [], 0
        while batches := await reader.getmany(timeout_ms=1000):  # Tansu's end offsets under-count
            for partition_records in batches.values():
                count += len(partition_records)
                if keep:
                    records.extend(partition_records)
        return records if keep else count
    finally:
        await reader.stop()


async def _write_copies(bootstrap: str, seed: list, copies: range) -> None:
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, enable_idempotence=False, linger_ms=20,
                                max_batch_size=1024 * 1024)
    await producer.start()
    try:
        for copy in copies:
            renamed: dict[bytes, bytes] = {}

            def rename(match: re.Match, renamed: dict[bytes, bytes] = renamed, copy: int = copy) -> bytes:
                original = match.group(0)
                if original not in renamed:
                    renamed[original] = str(uuid.uuid5(COPY_NAMESPACE, f"{copy}/{original.decode()}")).encode()
                return renamed[original]

            pending = [
                await producer.send(r.topic, value=UUID_TEXT.sub(rename, r.value),
                                    key=UUID_TEXT.sub(rename, r.key) if r.key else None,
                                    headers=[(name, UUID_TEXT.sub(rename, value)) for name, value in r.headers or ()])
                for r in seed
            ]
            await asyncio.gather(*pending)
    finally:
        await producer.stop()


def _count_orders(settings: ProjectionSettings) -> int:
    views = open_view_store(settings)
    try:
        with views.read() as session:
            return int(session.one("SELECT COUNT(*) AS n FROM orders")["n"])
    finally:
        views.close()


if __name__ == "__main__":
    typer.run(main)
