"""`make bench-intake`: HTTP intake under many concurrent clients, on the whole running system.

Starts its own system (embedded broker, seven services; SQLite stores, or PostgreSQL with
--postgres; `--ingest-only` for the ingest service alone, the catalogue published to it as
inventory would, to see intake without the rest of the pipeline sharing the cores), stocks a
catalogue, then N clients post channel orders to `POST /intake/orders`: as
fast as they can (`--rate 0`), or at a fixed offered rate whose arrivals do not wait for earlier
answers (open loop, so a slow answer shows in the latency instead of slowing the load). The rest
of the system processes the accepted orders meanwhile, as it would in production. Reports orders
accepted per second, every status code (5xx counted apart), request latency percentiles and CPU
per service, as JSON under bench-results/ and as a table.
"""

from __future__ import annotations

import asyncio
import json
import resource
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import h11
import httpx
import typer
from rich.console import Console
from rich.table import Table

from oms.common.v1.money_pb2 import Money
from oms.inventory.v1.catalogue_events_pb2 import ProductCatalogued
from oms_dev.broker import EmbeddedBroker
from tests.bench.__main__ import _percentile
from tests.bench.http_load import KeepAliveConnection
from tests.bench.processes import sample_processes
from tests.e2e.journey import counter, eventually, stock_catalogue
from tests.support.messaging import publish
from tests.support.stack import ALL_SERVICES, running_stack

console = Console()
SKUS = 20
PRICE = 9900


@dataclass
class IntakeResult:
    seconds: float
    statuses: Counter = field(default_factory=Counter)
    latencies: list[float] = field(default_factory=list)
    transport_errors: list[str] = field(default_factory=list)


def main(
    orders: Annotated[int, typer.Option(help="Orders to post.")] = 2000,
    clients: Annotated[int, typer.Option(help="Concurrent HTTP clients (connections).")] = 64,
    rate: Annotated[float, typer.Option(help="Orders per second offered; 0 = as fast as the clients can.")] = 0,
    postgres: Annotated[str | None, typer.Option(help="postgresql:// URL of an empty database.")] = None,
    ingest_only: Annotated[bool, typer.Option(help="Run only the ingest service.")] = False,
    output: Annotated[Path, typer.Option(help="Folder for the JSON results.")] = Path("bench-results"),
) -> None:
    data_dir = Path(f"var/bench/{uuid.uuid4().hex[:8]}")
    services = ("ingest",) if ingest_only else ALL_SERVICES
    with (EmbeddedBroker(log_dir=data_dir, die_with_parent=True) as broker,
          running_stack(broker.bootstrap_servers, data_dir, services=services, database_url=postgres) as stack):
        pids = {name: service.process.pid for name, service in stack.services.items()}
        result, cpu = asyncio.run(_measure(stack, pids, orders=orders, clients=clients, rate=rate))
    report = _report(result, cpu, orders=orders, clients=clients, rate=rate,
                     backend="postgres" if postgres else "sqlite")
    report["services"] = list(services)
    output.mkdir(parents=True, exist_ok=True)
    path = output / f"intake-{datetime.now(UTC):%Y%m%dT%H%M%SZ}.json"
    path.write_text(json.dumps(report, indent=2))
    _print(report, path)
    if report["server_errors"] or result.transport_errors:
        raise typer.Exit(1)


async def _measure(stack, pids: dict[str, int], *, orders: int, clients: int, rate: float):
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(timeout=120, limits=limits) as client:
        tag = uuid.uuid4().hex[:6].upper()
        skus = [f"INTAKE-{tag}-{n:02d}" for n in range(SKUS)]
        if "inventory" in stack.services:
            await stock_catalogue(client, stack.url("inventory"), stack.url("ingest"),
                                  [(sku, PRICE, {"WH-SH": 10**6}) for sku in skus])
        else:
            await _publish_catalogue(client, stack, skus)
        before, client_before = sample_processes(pids), _own_cpu_seconds()
        bodies = [json.dumps(_order_form(tag, n, skus), ensure_ascii=False).encode() for n in range(orders)]
        result = await _post_orders(stack.url("ingest"), bodies, clients=clients, rate=rate)
        after, client_after = sample_processes(pids), _own_cpu_seconds()
    cpu = {name: after[name].cpu_seconds - before[name].cpu_seconds for name in after}
    # The clients share the machine's cores with the system: what they cost is part of the picture.
    cpu["bench clients"] = client_after - client_before
    return result, cpu


def _own_cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


async def _post_orders(ingest: str, bodies: list[bytes], *, clients: int, rate: float) -> IntakeResult:
    """Each client posts on its own keep-alive connection (the lean client: see http_load)."""
    result = IntakeResult(0.0)
    next_order = iter(range(len(bodies)))
    started = time.monotonic()

    async def one_client() -> None:
        connection = KeepAliveConnection(ingest)
        try:
            for n in next_order:
                if rate:  # open loop: order n is due at n / rate, however the earlier ones fared
                    await asyncio.sleep(max(0.0, started + n / rate - time.monotonic()))
                sent = time.monotonic()
                try:
                    answer = await connection.post_json("/intake/orders", bodies[n])
                except (OSError, ConnectionError, h11.ProtocolError) as error:
                    result.transport_errors.append(f"{type(error).__name__}: {error}")
                    await connection.close()
                    continue
                result.latencies.append(time.monotonic() - sent)
                result.statuses[answer.status] += 1
        finally:
            await connection.close()

    await asyncio.gather(*(one_client() for _ in range(clients)))
    result.seconds = time.monotonic() - started
    return result


async def _publish_catalogue(client: httpx.AsyncClient, stack, skus: list[str]) -> None:
    """What inventory would publish for each SKU, straight onto its topic; waits until ingest read it."""
    for sku in skus:
        message = ProductCatalogued(sku=sku, name=f"Product {sku}", active=True,
                                    unit_price=Money(currency_code="CNY", minor_units=PRICE))
        await publish(stack.bootstrap, "oms.inventory.events.v1", sku, message, producer="inventory",
                      aggregate_id=str(uuid.uuid5(uuid.NAMESPACE_URL, f"bench/products/{sku}")), aggregate_version=1)

    async def read_all() -> bool:
        return await counter(client, stack.url("ingest"), "oms_messages_consumed_total",
                             topic="oms.inventory.events.v1", outcome="processed") >= len(skus)

    await eventually(read_all, what="ingest to read the catalogue")


def _order_form(tag: str, n: int, skus: list[str]) -> dict:
    return {
        "channel": "web_shop", "channel_account": "bench-webshop", "channel_order_id": f"I{tag}{n:07d}",
        "customer": {"name": "王小明"}, "contact": {"name": "王小明", "phone": f"139{n % 10**8:08d}"},
        "shipping_address": {"recipient_name": "王小明", "phone": "13800138000", "country_code": "CN",
                             "province": "上海市", "city": "上海市", "district": "浦东新区",
                             "street_lines": ["世纪大道 100 号"], "postcode": "200120"},
        "lines": [{"line_id": "1", "sku": skus[n % len(skus)], "quantity": 1,
                   "unit_price": {"currency": "CNY", "minor_units": PRICE}}],
        "payment": {"status": "paid", "method": "online", "gateway": "alipay",
                    "paid_amount": {"currency": "CNY", "minor_units": PRICE}},
    }


def _report(result: IntakeResult, cpu: dict[str, float], *, orders: int, clients: int, rate: float,
            backend: str) -> dict:
    accepted = result.statuses.get(201, 0)
    latencies = result.latencies
    return {
        "backend": backend, "orders": orders, "clients": clients, "offered_rate": rate or "max",
        "seconds": result.seconds, "accepted": accepted, "accepted_per_second": accepted / result.seconds,
        "statuses": {str(status): count for status, count in sorted(result.statuses.items())},
        "server_errors": sum(count for status, count in result.statuses.items() if status >= 500),
        "transport_errors": len(result.transport_errors), "transport_error_examples": result.transport_errors[:5],
        "request_latency_seconds": {"p50": _percentile(latencies, 0.50), "p95": _percentile(latencies, 0.95),
                                    "p99": _percentile(latencies, 0.99), "max": max(latencies, default=None)},
        "cpu_seconds": cpu,
        "cpu_ms_per_order": {name: 1000 * seconds / orders for name, seconds in cpu.items()},
    }


def _print(report: dict, path: Path) -> None:
    latency = report["request_latency_seconds"]
    fmt = lambda v: "-" if v is None else f"{v * 1000:.0f} ms"  # noqa: E731
    console.print(f"[bold]{report['orders']} orders over HTTP from {report['clients']} clients, offered "
                  f"{report['offered_rate']}/s, {report['backend']} stores, services: "
                  f"{', '.join(report['services'])}[/bold] -> {path}")
    console.print(f"accepted: {report['accepted']} in {report['seconds']:.1f} s = "
                  f"{report['accepted_per_second']:.1f} orders/s; statuses {report['statuses']}; "
                  f"5xx: {report['server_errors']}; transport errors: {report['transport_errors']}")
    console.print(f"request latency: p50 {fmt(latency['p50'])}, p95 {fmt(latency['p95'])}, "
                  f"p99 {fmt(latency['p99'])}, max {fmt(latency['max'])}")
    table = Table("service", "CPU s", "CPU ms / order")
    for name, seconds in report["cpu_seconds"].items():
        table.add_row(name, f"{seconds:.1f}", f"{report['cpu_ms_per_order'][name]:.2f}")
    console.print(table)


if __name__ == "__main__":
    typer.run(main)
