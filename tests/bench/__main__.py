"""`make bench`: orders per second end to end, latency percentiles, memory and CPU per service.

Starts its own system (embedded broker, seven services as processes; SQLite stores, or PostgreSQL
with --postgres), stocks a catalogue, publishes N channel orders on the intake topic, has the
warehouse and the carrier drive every order to delivered, and waits until every order is
completed in the projection and settled in the ledger. It reports sustained orders per second,
intake-to-visible latency percentiles (sampled orders polled in the query API), peak memory and
CPU seconds per service, as JSON under bench-results/ and as a table.
"""

from __future__ import annotations

import asyncio
import json
import statistics
import sys
import time
import uuid
from contextlib import nullcontext
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from oms_dev.broker import EmbeddedBroker
from tests.bench.load import LoadResult, run_load
from tests.bench.processes import ProcessSample, sample_processes
from tests.bench.profiles import profiling, summarise
from tests.bench.service_metrics import per_order, read_counters
from tests.support.stack import running_stack

console = Console()


def main(
    orders: Annotated[int, typer.Option(help="Channel orders to push through.")] = 1000,
    rate: Annotated[float, typer.Option(help="Orders per second offered; 0 = as fast as possible.")] = 0,
    postgres: Annotated[str | None, typer.Option(help="postgresql:// URL of an empty database.")] = None,
    sample_every: Annotated[int, typer.Option(help="Measure latency on every n-th order.")] = 10,
    output: Annotated[Path, typer.Option(help="Folder for the JSON results.")] = Path("bench-results"),
    timeout: Annotated[float, typer.Option(help="Give up after this many seconds.")] = 1800,
    profile: Annotated[Path | None, typer.Option(help="Sample each service with py-spy into this folder.")] = None,
    idle_seconds: Annotated[float, typer.Option(
        help="Measure the idle stack's CPU this long before the load (0: skip).", min=0)] = 10,
) -> None:
    data_dir = Path(f"var/bench/{uuid.uuid4().hex[:8]}")
    with (EmbeddedBroker(log_dir=data_dir, die_with_parent=True) as broker,
          running_stack(broker.bootstrap_servers, data_dir, database_url=postgres) as stack):
        pids = {name: service.process.pid for name, service in stack.services.items()}
        idle = await_idle(pids, idle_seconds)
        urls = {name: stack.url(name) for name in pids}
        counted_before = read_counters(urls)
        before = sample_processes(pids)
        with profiling(pids, profile) if profile else nullcontext():
            result = asyncio.run(run_load(stack, orders=orders, rate=rate, sample_every=sample_every,
                                          timeout=timeout))
        after = sample_processes(pids)
        counted_after = read_counters(urls)
    report = _report(result, before, after, orders=orders, rate=rate, backend="postgres" if postgres else "sqlite")
    report["idle"] = idle
    report["work_per_order"] = per_order(counted_before, counted_after, orders)
    if idle:
        report["cpu_ms_per_order_busy"] = _busy_share(report, idle)
    if profile:
        report["profile"] = summarise(profile)
    output.mkdir(parents=True, exist_ok=True)
    path = output / f"bench-{datetime.now(UTC):%Y%m%dT%H%M%SZ}.json"
    path.write_text(json.dumps(report, indent=2))
    _print(report, path)
    if not result.complete:
        raise typer.Exit(1)


def await_idle(pids: dict[str, int], seconds: float) -> dict[str, float]:
    """CPU cores each service burns with nothing to do (fetch waits, relay looks, timers)."""
    if not seconds:
        return {}
    time.sleep(1.0)  # let start-up work (topic checks, first group joins) settle
    first = sample_processes(pids)
    time.sleep(seconds)
    last = sample_processes(pids)
    return {name: (last[name].cpu_seconds - first[name].cpu_seconds) / seconds for name in pids}


def _busy_share(report: dict, idle: dict[str, float]) -> dict[str, float]:
    """CPU per order without what the same processes would have burnt idle over the run."""
    duration = report["seconds_to_settled"]
    return {name: max(0.0, 1000 * (seconds - idle[name] * duration) / report["orders"])
            for name, seconds in report["cpu_seconds"].items()}


def _percentile(values: list[float], q: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _report(result: LoadResult, before: dict[str, ProcessSample], after: dict[str, ProcessSample], *,
            orders: int, rate: float, backend: str) -> dict:
    latencies = result.visible_latencies
    cpu = {name: after[name].cpu_seconds - before[name].cpu_seconds for name in after}
    return {
        "backend": backend, "orders": orders, "offered_rate": rate or "max", "complete": result.complete,
        "accepted_per_second": result.visible_rate, "completed_per_second": result.completed_rate,
        "seconds_to_visible": result.seconds_to_visible, "seconds_to_settled": result.seconds_to_settled,
        "latency_intake_to_visible_seconds": {
            "samples": len(latencies), "p50": _percentile(latencies, 0.50), "p95": _percentile(latencies, 0.95),
            "p99": _percentile(latencies, 0.99), "mean": statistics.fmean(latencies) if latencies else None},
        "peak_memory_mib": {name: after[name].peak_rss_mib for name in after},
        "cpu_seconds": cpu,
        "cpu_ms_per_order": {name: 1000 * seconds / orders for name, seconds in cpu.items()},
        "python": sys.version.split()[0],
    }


def _print(report: dict, path: Path) -> None:
    latency = report["latency_intake_to_visible_seconds"]
    console.print(f"[bold]{report['orders']} orders, {report['backend']} stores[/bold] -> {path}")
    console.print(f"visible in projection: {report['accepted_per_second']:.1f} orders/s "
                  f"({report['seconds_to_visible']:.1f} s); delivered and settled: "
                  f"{report['completed_per_second']:.1f} orders/s ({report['seconds_to_settled']:.1f} s)")
    fmt = lambda v: "-" if v is None else f"{v * 1000:.0f} ms"  # noqa: E731
    console.print(f"intake -> visible latency: p50 {fmt(latency['p50'])}, p95 {fmt(latency['p95'])}, "
                  f"p99 {fmt(latency['p99'])} ({latency['samples']} samples)")
    idle, busy = report.get("idle") or {}, report.get("cpu_ms_per_order_busy") or {}
    table = Table("service", "peak memory (MiB)", "CPU s", "CPU ms / order", "of which busy", "idle cores")
    dash = "-"
    for name in report["peak_memory_mib"]:
        table.add_row(name, f"{report['peak_memory_mib'][name]:.0f}", f"{report['cpu_seconds'][name]:.1f}",
                      f"{report['cpu_ms_per_order'][name]:.2f}",
                      f"{busy[name]:.2f}" if busy else dash, f"{idle[name]:.3f}" if idle else dash)
    table.add_row("all", "", f"{sum(report['cpu_seconds'].values()):.1f}",
                  f"{sum(report['cpu_ms_per_order'].values()):.2f}",
                  f"{sum(busy.values()):.2f}" if busy else dash, f"{sum(idle.values()):.3f}" if idle else dash)
    console.print(table)
    work = Table("service", "records / batch", "msgs / relay batch", "store writes / order",
                 "aggregate reads / order", "consumed / order", "of which ignored")
    for name, row in report.get("work_per_order", {}).items():
        work.add_row(name, str(row.get("records_per_consumer_batch", dash)),
                     str(row.get("messages_per_relay_batch", dash)), str(row.get("store_writes_per_order", dash)),
                     str(row.get("store_aggregate_loads_per_order", dash)),
                     str(row.get("consumed_records_per_order", dash)), str(row.get("consumed_ignored_per_order", 0)))
    console.print(work)


if __name__ == "__main__":
    typer.run(main)
