"""Talking to the tracking service's HTTP API in tests."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

HANGZHOU = {"city": "Hangzhou", "province": "Zhejiang", "country": "CN", "description": "Hangzhou hub"}


def scan(tracking_number: str, code: str, hour: int, description: str = "", **location: str) -> dict:
    """A carrier webhook body for a scan on 2026-11-21 at `hour` o'clock, China time."""
    return {"tracking_number": tracking_number, "event_code": code,
            "occurred_at": f"2026-11-21T{hour:02d}:00:00+08:00",
            "location": location or HANGZHOU, "description": description}


async def checkpoints(service, order_id: str) -> list[str]:
    response = await service.client.get(f"/orders/{order_id}/timeline")
    return [c["checkpoint"] for c in response.json()["checkpoints"]] if response.status_code == 200 else []


async def until_reached(service, order_id: str, *expected: str) -> list[str]:
    """The order's checkpoints once every expected one is on its timeline."""

    async def probe() -> list[str] | None:
        found = await checkpoints(service, order_id)
        return found if set(expected) <= set(found) else None

    return await eventually(probe)


async def eventually(probe: Callable[[], Awaitable[Any]], *, timeout: float = 30.0) -> Any:
    """Poll `probe` until it returns something truthy; fail with its last answer on timeout."""
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        answer = await probe()
        if answer:
            return answer
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"condition not met within {timeout}s; last answer: {answer!r}")
        await asyncio.sleep(0.05)
