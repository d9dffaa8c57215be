"""omsctl: the operator's command line (republish, offsets, lag, dead letters, status)."""

from __future__ import annotations

import asyncio
import os
from typing import Annotated

import httpx
import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from oms_platform.catalogue import load_catalogue
from oms_platform.operations import dead_letters, offsets
from oms_platform.operations.republish import RepublishIncomplete, republish_service, service_definition
from oms_platform.operations.status import SERVICE_PORTS, service_status
from oms_platform.service import OperationRefused

app = typer.Typer(help="Operate the OMS: replay, republish, offsets, dead letters, status.", no_args_is_help=True)
dlq = typer.Typer(help="Dead-letter topics: list, show, redrive.", no_args_is_help=True)
app.add_typer(dlq, name="dlq")
console = Console()

Bootstrap = Annotated[str, typer.Option(envvar="KAFKA_BOOTSTRAP_SERVERS", help="Kafka bootstrap servers.")]
SERVICES = tuple(SERVICE_PORTS)


def _group(service: str) -> str:
    return f"{os.environ.get('OMS_KAFKA_CLIENT_PREFIX', 'oms')}-{service}"


@app.command()
def status() -> None:
    """Readiness, relay position, dead letters and parked messages of every service."""
    async def gather():
        async with httpx.AsyncClient(timeout=3) as client:
            return await asyncio.gather(*(service_status(client, name) for name in SERVICES))

    table = Table("service", "url", "ready", "relay position", "relay lag", "dead letters", "parked", "detail")
    for s in asyncio.run(gather()):
        table.add_row(s.name, s.url, "yes" if s.ready else "[red]no[/red]", _number(s.relay_position),
                      _number(s.relay_lag), _number(s.dead_letters), _number(s.parked), s.detail)
    console.print(table)


@app.command()
def lag(bootstrap: Bootstrap = "127.0.0.1:9092",
        service: Annotated[list[str] | None, typer.Option(help="Only these services.")] = None) -> None:
    """Consumer lag per group and partition."""
    catalogue = load_catalogue()
    table = Table("group", "topic", "partition", "committed", "end", "lag")
    for name in service or SERVICES:
        topics = [t.name for t in catalogue.consumed_by(name)]
        if not topics:
            continue
        for row in asyncio.run(offsets.group_lag(bootstrap, _group(name), topics)):
            table.add_row(row.group, row.topic, str(row.partition), _number(row.committed), str(row.end), str(row.lag))
    console.print(table)


@app.command("reset-offsets")
def reset_offsets(service: Annotated[str, typer.Argument(help="The service whose consumer group to move.")],
                  to: Annotated[str, typer.Option(help="earliest, latest, or an ISO time with offset.")],
                  bootstrap: Bootstrap = "127.0.0.1:9092",
                  topic: Annotated[list[str] | None, typer.Option(help="Only these topics.")] = None,
                  session_timeout_ms: Annotated[int, typer.Option(
                      envvar="OMS_CONSUMER_SESSION_TIMEOUT_MS",
                      help="Session timeout while joining the group.")] = 6000,
                  ) -> None:
    """Move a stopped service's consumer group; the tracked consumer makes replays safe."""
    topics = topic or [t.name for t in load_catalogue().consumed_by(service)]
    try:
        moved = asyncio.run(offsets.reset_offsets(bootstrap, _group(service), topics, to,
                                                  session_timeout_ms=session_timeout_ms))
    except offsets.GroupBusy as busy:
        console.print(f"[red]{busy}[/red]")
        raise typer.Exit(1) from None
    for partition, offset in sorted(moved.items()):
        console.print(f"{_group(service)} {partition.topic}[{partition.partition}] -> {offset}")


@app.command()
def republish(service: Annotated[str, typer.Argument(help="Service whose store to publish again.")],
              start: Annotated[int, typer.Option(help="Publish positions after this one.")] = 0,
              give_up_after: Annotated[float | None, typer.Option(
                  help="Seconds to keep retrying a step the broker refuses (default OMS_REPUBLISH_GIVE_UP_SECONDS).")
              ] = None) -> None:
    """Publish a service's whole store to its topics again (after a broker lost them)."""
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  console=console) as progress:
        task = progress.add_task(f"republishing {service}", total=None)
        try:
            total = asyncio.run(republish_service(
                service, start=start, give_up_after=give_up_after,
                on_start=lambda n: progress.update(task, total=n),
                progress=lambda n: progress.advance(task, n)))
        except RepublishIncomplete as failure:
            progress.stop()
            console.print(f"[red]{service}: republish failed: {failure}[/red]\n"
                          f"run again with --start {failure.position} to publish the rest")
            raise typer.Exit(1) from None
    console.print(f"{service}: {total} stored events published again")


@app.command("rebuild-projection")
def rebuild_projection(
    workers: Annotated[int, typer.Option(min=1, help="Processes sharing the topics' partitions.")] = 2,
) -> None:
    """Empty the projection's views and replay every events topic into them (projection stopped).

    Run again after a rebuild was interrupted, it completes the views (it starts over)."""
    projection = service_definition("projection")
    rebuild = projection.operations["rebuild"]
    try:
        with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                      console=console) as progress:
            task = progress.add_task("replaying events into the views", total=None)
            summary = asyncio.run(rebuild(projection.settings_class.load(), workers=workers,
                                          on_start=lambda n: progress.update(task, total=n),
                                          progress=lambda n: progress.advance(task, n)))
    except OperationRefused as refused:
        console.print(f"[red]{refused}[/red]")
        raise typer.Exit(1) from None
    outcomes = ", ".join(f"{count} {outcome}" for outcome, count in sorted(summary.outcomes.items()))
    console.print(f"projection rebuilt from {summary.records} records ({outcomes or 'nothing to replay'})")
    if not summary.group_moved:
        console.print("[yellow]the broker refused to move the projection's consumer group: on its next start it"
                      " re-reads the replayed records and skips them as duplicates[/yellow]")


@dlq.command("list")
def dlq_list(bootstrap: Bootstrap = "127.0.0.1:9092",
             topic: Annotated[str | None, typer.Option(help="One dead-letter topic.")] = None) -> None:
    """Every dead letter with where it came from and why."""
    topics = [topic] if topic else [t.name for t in load_catalogue().all_topics() if t.is_dead_letter]
    table = Table("entry", "source", "consumer", "failed at", "reason")
    for name in topics:
        for e in asyncio.run(dead_letters.read_dead_letters(bootstrap, name)):
            source = (f"{e.header('dlq-source-topic')}[{e.header('dlq-source-partition')}]"
                      f"@{e.header('dlq-source-offset')}")
            table.add_row(e.reference, source, e.header("dlq-consumer"), e.header("dlq-failed-at"),
                          e.header("dlq-reason"))
    console.print(table)


@dlq.command("show")
def dlq_show(topic: str, offset: int, bootstrap: Bootstrap = "127.0.0.1:9092") -> None:
    """One dead letter: its headers, key and original bytes."""
    entries = asyncio.run(dead_letters.read_dead_letters(bootstrap, topic, offsets=[offset]))
    if not entries:
        console.print(f"[red]no entry at {topic}@{offset}[/red]")
        raise typer.Exit(1)
    entry = entries[0]
    for name, value in entry.headers.items():
        console.print(f"{name}: {value.decode('utf-8', errors='replace')}")
    console.print(f"key: {entry.key!r}")
    console.print(f"value ({len(entry.value)} bytes): {entry.value[:512].hex(' ')}")


@dlq.command("redrive")
def dlq_redrive(topic: str,
                offset: Annotated[list[int] | None, typer.Option(help="Entries to redrive; default all.")] = None,
                bootstrap: Bootstrap = "127.0.0.1:9092",
                wait: Annotated[float, typer.Option(help="Seconds to watch for entries that fail again.")] = 10.0,
                ) -> None:
    """Send dead letters back to their source topic after a fix, and report each outcome."""
    entries = asyncio.run(dead_letters.read_dead_letters(bootstrap, topic, offsets=offset or []))
    outcomes = asyncio.run(dead_letters.redrive(bootstrap, entries, watch_seconds=wait))
    failed = 0
    for outcome in outcomes:
        if outcome.succeeded:
            console.print(f"{outcome.entry.reference}: redriven, processed without failing again")
        else:
            assert outcome.failed_again is not None
            failed += 1
            console.print(f"[red]{outcome.entry.reference}: failed again -> {outcome.failed_again.reference}: "
                          f"{outcome.failed_again.header('dlq-reason')}[/red]")
    console.print(f"{len(outcomes)} redriven, {failed} failed again")
    if failed:
        raise typer.Exit(1)


def _number(value: float | int | None) -> str:
    return "-" if value is None else f"{value:.0f}"


def main() -> None:
    app()


if __name__ == "__main__":
    main()
