"""A simulated carrier: picks up dispatched parcels and reports their journey by webhook."""

from __future__ import annotations

import asyncio
import contextlib
import random
from datetime import UTC, datetime

import httpx

from oms_demo.log import say

# Webhook event codes per carrier, in journey order: pickup, arrival at a hub, out for delivery,
# delivered. SF Express speaks numeric route codes; the others the generic words.
JOURNEYS = {
    "SF": ("50", "30", "44", "80"),
    "DEFAULT": ("PICKED_UP", "ARRIVED", "OUT_FOR_DELIVERY", "DELIVERED"),
}
HUBS = ("上海转运中心", "杭州转运中心", "广州转运中心", "北京转运中心", "Hong Kong hub", "Frankfurt gateway")


async def deliver_parcels(client: httpx.AsyncClient, fulfillment_url: str, tracking_url: str,
                          stopping: asyncio.Event, *, pace: float = 1.0, rng: random.Random | None = None) -> None:
    rng = rng or random.Random()
    progress: dict[str, int] = {}
    while not stopping.is_set():
        queue = await client.get(f"{fulfillment_url}/shipments", params={"status": "dispatched", "limit": 200})
        if queue.status_code == 200:
            for shipment in queue.json()["shipments"]:
                await _next_scan(client, tracking_url, shipment, progress, rng)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stopping.wait(), timeout=pace)


async def _next_scan(client: httpx.AsyncClient, tracking_url: str, shipment: dict, progress: dict[str, int],
                     rng: random.Random) -> None:
    step = progress.get(shipment["shipment_id"], 0)
    carrier = (shipment.get("carrier") or {}).get("carrier_code", "")
    journey = JOURNEYS.get(carrier, JOURNEYS["DEFAULT"])
    if step >= len(journey) or not shipment["tracking_numbers"] or rng.random() < 0.3:
        return
    destination = shipment["destination"]
    location = {"city": destination["city"], "province": destination["province"],
                "country": destination["country_code"], "description": rng.choice(HUBS)}
    answer = await client.post(f"{tracking_url}/carriers/{carrier.lower()}/events", json={
        "tracking_number": shipment["tracking_numbers"][0], "event_code": journey[step],
        "occurred_at": datetime.now(UTC).isoformat(), "location": location,
    })
    if answer.status_code in (200, 202, 409):
        progress[shipment["shipment_id"]] = step + 1
        if step + 1 == len(journey):
            say("carrier", f"delivered {shipment['order_number']} ({carrier} {shipment['tracking_numbers'][0]})")
    else:
        say("carrier", f"webhook refused ({answer.status_code}): {answer.text[:200]}")
