"""The load: stock, publish orders, work them to delivered, and time what the query API shows."""

from __future__ import annotations

import asyncio
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC

import httpx
from aiokafka import AIOKafkaProducer

from oms_demo.traffic import INTAKE_TOPIC, envelope_for
from oms_platform.identity import order_id_for
from tests.e2e.journey import channel_order, stock_catalogue
from tests.support.stack import SystemStack

SKUS = 20
PRICE = 9900
JOURNEY = ("PICKED_UP", "ARRIVED", "OUT_FOR_DELIVERY", "DELIVERED")
SF_JOURNEY = ("50", "30", "44", "80")
UNKNOWN_PARCEL_RETRY_SECONDS = 0.5
# A service restarting (a fault test kills them) refuses connections or answers 503 for a moment:
# the warehouse, the carrier and the watchers try again after this long, as real partners do.
OUTAGE_RETRY_SECONDS = 0.5
OUTAGE = (httpx.TransportError, httpx.HTTPStatusError)


@dataclass
class LoadResult:
    complete: bool
    seconds_to_visible: float
    seconds_to_settled: float
    visible_rate: float
    completed_rate: float
    visible_latencies: list[float] = field(default_factory=list)


async def run_load(stack: SystemStack, *, orders: int, rate: float, sample_every: int, timeout: float) -> LoadResult:
    async with httpx.AsyncClient(timeout=30, limits=httpx.Limits(max_connections=32)) as client:
        tag = uuid.uuid4().hex[:6].upper()
        skus = [f"BENCH-{tag}-{n:02d}" for n in range(SKUS)]
        await stock_catalogue(client, stack.url("inventory"), stack.url("ingest"),
                              [(sku, PRICE, {"WH-SH": 10**6, "WH-GZ": 10**6, "WH-BJ": 10**6}) for sku in skus])
        sent: dict[str, float] = {}
        latencies: list[float] = []
        stopping = asyncio.Event()
        started = time.monotonic()
        workers = [asyncio.create_task(_work_shipments(client, stack, stopping)),
                   asyncio.create_task(_carry_parcels(client, stack, stopping)),
                   asyncio.create_task(_sample_latency(client, stack, sent, latencies, stopping))]
        try:
            await _publish(stack.bootstrap, tag, skus, orders, rate, sample_every, sent)
            visible_at = await _until_count(client, stack, "orders_total", orders, started, timeout)
            settled_at = await _until_count(client, stack, "completed", orders, started, timeout)
        finally:
            stopping.set()
            await asyncio.gather(*workers, return_exceptions=True)
    complete = visible_at is not None and settled_at is not None
    visible, settled = (visible_at or timeout), (settled_at or timeout)
    return LoadResult(complete, visible, settled, orders / visible, orders / settled, latencies)


async def _publish(bootstrap: str, tag: str, skus: list[str], orders: int, rate: float, sample_every: int,
                   sent: dict[str, float]) -> None:
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, enable_idempotence=False, linger_ms=5,
                                max_batch_size=1024 * 1024)
    await producer.start()
    try:
        begun = time.monotonic()
        pending = []
        for n in range(orders):
            channel_order_id = f"B{tag}{n:07d}"
            message = channel_order(channel_order_id, [(skus[n % len(skus)], 1, PRICE)], phone=f"139{n:08d}")
            key = f"e2e-market:{channel_order_id}".encode()
            pending.append(await producer.send(INTAKE_TOPIC, key=key, value=envelope_for(message, adapter="bench")))
            if n % sample_every == 0:
                sent[order_id_for("e2e-market", channel_order_id)] = time.monotonic()
            if rate:
                await asyncio.sleep(max(0.0, begun + (n + 1) / rate - time.monotonic()))
        await asyncio.gather(*pending)
    finally:
        await producer.stop()


async def _until_count(client: httpx.AsyncClient, stack: SystemStack, what: str, target: int, started: float,
                       timeout: float) -> float | None:
    while time.monotonic() - started < timeout:
        try:
            answer = await client.get(f"{stack.url('projection')}/api/overview")
            overview = answer.raise_for_status().json()
        except OUTAGE:
            await asyncio.sleep(OUTAGE_RETRY_SECONDS)
            continue
        count = overview["orders_total"] if what == "orders_total" else overview["orders_by_status"].get(what, 0)
        if count >= target:
            return time.monotonic() - started
        await asyncio.sleep(0.25)
    return None


async def _sample_latency(client: httpx.AsyncClient, stack: SystemStack, sent: dict[str, float],
                          latencies: list[float], stopping: asyncio.Event) -> None:
    """Poll each sampled order's detail until the query API shows it."""
    seen: set[str] = set()
    while not stopping.is_set():
        # Orders become visible roughly in the order they were sent: watching the oldest few
        # unseen ones keeps the measuring from loading the service it measures.
        for order_id, at in [(o, t) for o, t in sent.items() if o not in seen][:5]:
            try:
                answer = await client.get(f"{stack.url('projection')}/api/orders/{order_id}")
            except OUTAGE:
                break
            if answer.status_code == 200:
                latencies.append(time.monotonic() - at)
                seen.add(order_id)
        await asyncio.sleep(0.05)


async def _work_shipments(client: httpx.AsyncClient, stack: SystemStack, stopping: asyncio.Event) -> None:
    """The warehouse works in waves: every shipment waiting for a step is confirmed in one request."""
    steps = {"pick_list_issued": ("pick", {}),
             "picked": ("pack", {"quality_check": {"passed": True}}),
             "packed": ("dispatch", {})}
    base = stack.url("fulfillment")
    while not stopping.is_set():
        try:
            moved = await _one_round_of_waves(client, base, steps)
        except OUTAGE:
            await asyncio.sleep(OUTAGE_RETRY_SECONDS)
            continue
        if not moved:
            await asyncio.sleep(0.1)


async def _one_round_of_waves(client: httpx.AsyncClient, base: str, steps: dict) -> int:
    moved = 0
    for status, (step, body) in steps.items():
        queue = (await client.get(f"{base}/shipments", params={"status": status, "limit": 500})).json()
        if queue["shipments"]:
            wave = {"shipments": [{"shipment_id": s["shipment_id"], **body} for s in queue["shipments"]]}
            answer = await client.post(f"{base}/waves/{step}", json=wave, headers={"X-Actor": "bench"})
            answer.raise_for_status()
        moved += len(queue["shipments"])
    return moved


async def _carry_parcels(client: httpx.AsyncClient, stack: SystemStack, stopping: asyncio.Event) -> None:
    """A carrier learns of parcels from the dispatch events downstream teams read, and reports
    scans in batches, as carriers and tracking aggregators push them."""
    parcels: asyncio.Queue = asyncio.Queue()
    reader = asyncio.create_task(_dispatched_parcels(stack.bootstrap, parcels, stopping))

    async def report(carrier: str, batch: list[tuple[str, str, int]]) -> None:
        journey = SF_JOURNEY if carrier == "SF" else JOURNEY
        try:
            answer = await client.post(f"{stack.url('tracking')}/carriers/{carrier.lower()}/events/batch", json={
                "events": [{"tracking_number": number, "event_code": journey[step], "occurred_at": _now()}
                           for _, number, step in batch]})
            answer.raise_for_status()
        except OUTAGE:  # tracking is restarting: the same scans again a little later
            for parcel in batch:
                asyncio.get_running_loop().call_later(OUTAGE_RETRY_SECONDS, parcels.put_nowait, parcel)
            return
        for (_, number, step), result in zip(batch, answer.json()["results"], strict=True):
            if result["status"] == 404:  # tracking has not read the dispatch yet: ask again a bit later
                asyncio.get_running_loop().call_later(UNKNOWN_PARCEL_RETRY_SECONDS, parcels.put_nowait,
                                                      (carrier, number, step))
                continue
            if result["status"] in (200, 202, 409):
                step += 1
            if step < len(journey):
                parcels.put_nowait((carrier, number, step))

    try:
        while not stopping.is_set():
            by_carrier: dict[str, list[tuple[str, str, int]]] = {}
            while not parcels.empty():
                parcel = parcels.get_nowait()
                by_carrier.setdefault(parcel[0], []).append(parcel)
            await asyncio.gather(*(report(carrier, batch[i:i + 500]) for carrier, batch in by_carrier.items()
                                   for i in range(0, len(batch), 500)))
            await asyncio.sleep(0.05)  # parcels tracking does not know yet come round again
    finally:
        reader.cancel()


async def _dispatched_parcels(bootstrap: str, parcels: asyncio.Queue, stopping: asyncio.Event) -> None:
    from aiokafka import AIOKafkaConsumer, TopicPartition

    from oms.envelope.v1.envelope_pb2 import Envelope
    from oms.fulfillment.v1.fulfillment_events_pb2 import ShipmentDispatched

    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False)
    await consumer.start()
    try:
        topic = "oms.fulfillment.events.v1"
        await consumer._client.force_metadata_update()  # noqa: SLF001 - no public call in aiokafka
        partitions = [TopicPartition(topic, p) for p in consumer.partitions_for_topic(topic) or ()]
        consumer.assign(partitions)
        await consumer.seek_to_beginning(*partitions)
        while not stopping.is_set():
            for records in (await consumer.getmany(timeout_ms=200)).values():
                for record in records:
                    envelope = Envelope.FromString(record.value)
                    if envelope.type == "oms.fulfillment.v1.ShipmentDispatched":
                        dispatched = ShipmentDispatched()
                        envelope.payload.Unpack(dispatched)
                        parcels.put_nowait((dispatched.carrier_code, dispatched.tracking_numbers[0], 0))
    finally:
        await consumer.stop()


def _now() -> str:
    from datetime import datetime

    return datetime.now(UTC).isoformat()
