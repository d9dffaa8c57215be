"""Simulated warehouse operators working the fulfillment queue: start picking, pick, pack (QC), dispatch."""

from __future__ import annotations

import asyncio
import contextlib
import random

import httpx

from oms_demo.log import say

# What an operator does next with a shipment in each state, and the request body.
NEXT_STEP = {
    # Started explicitly, as a warehouse does: the order's "picking started" checkpoint comes then.
    "pick_list_issued": ("start-picking", None),
    "picking": ("pick", None),
    "picked": ("pack", {"parcels": [{"weight_grams": 1200, "length_mm": 300, "width_mm": 200, "height_mm": 150}],
                        "quality_check": {"passed": True, "notes": "demo QC"}}),
    "packed": ("dispatch", {}),
}


async def work_the_queue(client: httpx.AsyncClient, fulfillment_url: str, stopping: asyncio.Event,
                         *, pace: float = 1.0, rng: random.Random | None = None) -> None:
    rng = rng or random.Random()
    while not stopping.is_set():
        moved = 0
        for status, (step, body) in NEXT_STEP.items():
            queue = await client.get(f"{fulfillment_url}/shipments", params={"status": status, "limit": 20})
            if queue.status_code != 200:
                continue
            for shipment in queue.json()["shipments"]:
                if rng.random() < 0.5:  # operators don't clear the whole queue at once
                    continue
                answer = await client.post(f"{fulfillment_url}/shipments/{shipment['shipment_id']}/{step}",
                                           json=body, headers={"X-Actor": "demo-warehouse"})
                moved += 1
                if answer.status_code == 200 and step == "dispatch":
                    carrier = answer.json().get("carrier") or {}
                    say("warehouse", f"dispatched {shipment['order_number']} with {carrier.get('carrier_code')} "
                                     f"{answer.json().get('tracking_numbers')}")
        await _pause(stopping, pace if moved else pace * 2)


async def _pause(stopping: asyncio.Event, seconds: float) -> None:
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(stopping.wait(), timeout=seconds)
