"""`make demo`: a living system for a newcomer, against the services `make run` started.

Loads the sample catalogue and opening stock if the inventory is empty, then runs, side by side:
channel adapters placing orders (with duplicates, bad orders and late payments), warehouse
operators picking, packing and dispatching, and a carrier delivering. Ctrl-C stops it.
"""

from __future__ import annotations

import asyncio
import random
import sys
from pathlib import Path
from typing import Annotated

import httpx
import typer

from oms_demo.carrier import deliver_parcels
from oms_demo.channels import Product
from oms_demo.log import say
from oms_demo.traffic import place_orders
from oms_demo.warehouse import work_the_queue
from oms_platform.operations.status import service_url

SAMPLE_CATALOGUE = Path(__file__).resolve().parents[2] / "services" / "inventory" / "samples" / "catalogue.json"


async def stocked_products(client: httpx.AsyncClient, inventory_url: str) -> list[Product]:
    listed = (await client.get(f"{inventory_url}/catalogue/products")).json()
    if not listed:
        say("demo", f"inventory is empty: loading {SAMPLE_CATALOGUE.name} with the operators' loader")
        loader = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "services.inventory.entrypoints.load_catalogue", str(SAMPLE_CATALOGUE),
            "--url", inventory_url)
        if await loader.wait() != 0:
            raise typer.Exit(1)
        listed = (await client.get(f"{inventory_url}/catalogue/products")).json()
    return [Product(p["sku"], p["name"], p["unit_price"]["minor_units"], p["unit_price"]["currency"])
            for p in listed if p["active"] and p["unit_price"]["currency"] == "CNY"]


async def run_demo(bootstrap: str, orders: int, rate: float, seed: int | None) -> None:
    rng = random.Random(seed)
    stopping = asyncio.Event()
    async with httpx.AsyncClient(timeout=10) as client:
        products = await stocked_products(client, service_url("inventory"))
        await asyncio.sleep(2)  # let ingest read the catalogue events before the first order
        say("demo", f"{len(products)} products on sale; dashboard: {service_url('projection')}/")
        workers = [
            asyncio.create_task(work_the_queue(client, service_url("fulfillment"), stopping, rng=rng)),
            asyncio.create_task(deliver_parcels(client, service_url("fulfillment"), service_url("tracking"),
                                                stopping, rng=rng)),
        ]
        try:
            await place_orders(bootstrap, products, count=orders, rate=rate, stopping=stopping, rng=rng,
                               http=client, ingest_url=service_url("ingest"))
            say("demo", "all orders placed; warehouse and carrier keep working (Ctrl-C to stop)")
            await asyncio.gather(*workers)
        finally:
            stopping.set()
            await asyncio.gather(*workers, return_exceptions=True)


def main(
    bootstrap: Annotated[str, typer.Option(envvar="KAFKA_BOOTSTRAP_SERVERS")] = "127.0.0.1:9092",
    orders: Annotated[int, typer.Option(help="How many channel orders to place.")] = 100,
    rate: Annotated[float, typer.Option(help="Orders per second.")] = 2.0,
    seed: Annotated[int | None, typer.Option(help="Repeatable traffic.")] = None,
) -> None:
    try:
        asyncio.run(run_demo(bootstrap, orders, rate, seed))
    except KeyboardInterrupt:
        say("demo", "stopped")


if __name__ == "__main__":
    typer.run(main)
