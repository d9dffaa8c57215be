"""Load products and opening stock from a JSON file into a running inventory service, over HTTP.

    python -m services.inventory.entrypoints.load_catalogue services/inventory/samples/catalogue.json \
        [--url http://127.0.0.1:8003]

The file: {"reference": "opening-balance", "products": [{sku, name, unit_price {currency,
minor_units}, category, weight_grams, active, safety_stock, opening_stock {warehouse_id: units}}]}.
Running it twice changes nothing: unchanged listings are left alone and each opening receipt is
booked once per warehouse under its reference. Exit status: 0 all loaded, 1 something was refused
or the service cannot be reached, 2 the file cannot be read.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

DEFAULT_URL = "http://127.0.0.1:8003"
DEFAULT_REFERENCE = "opening-balance"


class CatalogueFileError(Exception):
    """The file is missing, not JSON, or not shaped like a catalogue."""


@dataclass
class LoadSummary:
    products: dict[str, int] = field(default_factory=lambda: {"created": 0, "changed": 0, "unchanged": 0})
    receipts: dict[str, int] = field(default_factory=lambda: {"booked": 0, "already booked": 0})
    failures: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        return [
            "products: " + ", ".join(f"{n} {what}" for what, n in self.products.items()),
            "opening stock receipts: " + ", ".join(f"{n} {what}" for what, n in self.receipts.items()),
            f"failures: {len(self.failures)}",
            *(f"  - {failure}" for failure in self.failures),
        ]


def read_catalogue(path: Path) -> dict[str, Any]:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise CatalogueFileError(f"cannot read {path}: {error.strerror or error}") from None
    except json.JSONDecodeError as error:
        raise CatalogueFileError(f"{path} is not JSON: {error}") from None
    if not isinstance(document, dict) or not isinstance(document.get("products"), list):
        raise CatalogueFileError(f'{path} must be an object with a "products" list')
    return document


async def load_catalogue(client: httpx.AsyncClient, document: dict[str, Any]) -> LoadSummary:
    summary = LoadSummary()
    reference = document.get("reference", DEFAULT_REFERENCE)
    for number, entry in enumerate(document["products"], 1):
        if not isinstance(entry, dict):
            summary.failures.append(f"products[{number - 1}]: not an object")
            continue
        product = {key: value for key, value in entry.items() if key != "opening_stock"}
        if await _catalogue(client, product, summary):
            for warehouse_id, units in (entry.get("opening_stock") or {}).items():
                await _receive(client, product.get("sku"), warehouse_id, units, reference, summary)
    return summary


async def _catalogue(client: httpx.AsyncClient, product: dict[str, Any], summary: LoadSummary) -> bool:
    response = await client.post("/catalogue/products", json=product)
    if response.status_code in (200, 201):
        summary.products[response.json()["outcome"]] += 1
    else:
        summary.failures.append(f"product {product.get('sku')!r}: {_refusal(response)}")
        return False
    return True


async def _receive(client: httpx.AsyncClient, sku: Any, warehouse_id: str, units: Any, reference: str,
                   summary: LoadSummary) -> None:
    if units == 0:
        return  # an empty warehouse needs no opening receipt
    response = await client.post("/stock/receipts", json={
        "sku": sku, "warehouse_id": warehouse_id, "quantity": units, "reference": reference,
        "kind": "opening_balance",
    })
    if response.status_code in (200, 201):
        summary.receipts["booked" if response.status_code == 201 else "already booked"] += 1
    else:
        summary.failures.append(f"stock {sku}@{warehouse_id}: {_refusal(response)}")


def _refusal(response: httpx.Response) -> str:
    try:
        problem = response.json()
    except ValueError:
        return f"HTTP {response.status_code}"
    fields = "; ".join(f"{e.get('field')}: {e.get('message')}" for e in problem.get("errors", []))
    detail = problem.get("detail") or problem.get("title") or ""
    return f"HTTP {response.status_code} {detail}" + (f" ({fields})" if fields else "")


async def _run(path: Path, url: str) -> int:
    try:
        document = read_catalogue(path)
    except CatalogueFileError as error:
        print(f"load_catalogue: {error}", file=sys.stderr)
        return 2
    try:
        async with httpx.AsyncClient(base_url=url, timeout=10.0) as client:
            summary = await load_catalogue(client, document)
    except httpx.HTTPError as error:
        print(f"load_catalogue: cannot reach the inventory service at {url}: {error!r}", file=sys.stderr)
        return 1
    print("\n".join(summary.lines()))
    return 1 if summary.failures else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m services.inventory.entrypoints.load_catalogue",
                                     description="Load products and opening stock into the inventory service.")
    parser.add_argument("file", type=Path, help="catalogue JSON file")
    parser.add_argument("--url", default=DEFAULT_URL, help=f"inventory service base URL (default {DEFAULT_URL})")
    arguments = parser.parse_args(argv)
    return asyncio.run(_run(arguments.file, arguments.url))


if __name__ == "__main__":
    raise SystemExit(main())
