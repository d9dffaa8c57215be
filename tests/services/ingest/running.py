"""Driving a running ingest service from the outside: its catalogue, its topics, conditions."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from services.ingest import samples
from tests.support.messaging import publish

from .contract_messages import catalogue_aggregate_id, catalogue_message

CHANNEL_ORDERS = "oms.intake.channel-orders.v1"
INTAKE_EVENTS = "oms.intake.events.v1"
INVENTORY_EVENTS = "oms.inventory.events.v1"


async def eventually(condition: Callable[[], Any], *, timeout: float = 30.0, what: str = "condition") -> Any:
    """Poll `condition` (run off the event loop: it may read the store) until it is truthy."""
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        result = await asyncio.to_thread(condition)
        if result:
            return result
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.05)


async def load_sample_catalogue(broker: str, service) -> None:
    """Publish the sample catalogue as inventory does, and wait until ingest knows every SKU."""
    entries = samples.catalogue()
    for entry in entries:
        await publish(broker, INVENTORY_EVENTS, entry["sku"], catalogue_message(entry), producer="inventory",
                      aggregate_id=catalogue_aggregate_id(entry["sku"]), aggregate_version=1)
    skus = {entry["sku"] for entry in entries}
    await eventually(lambda: service.app.listings(skus).keys() == skus, what="the catalogue to load")
