"""A small realistic catalogue and sample channel orders (Chinese and international addresses), in
the JSON shapes of the HTTP intake, for tests and the demo."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

_HERE = Path(__file__).parent


def catalogue() -> list[dict[str, Any]]:
    """Products as inventory catalogues them (ProductCatalogued fields)."""
    return _load("catalogue.json")


def orders() -> list[dict[str, Any]]:
    """Valid orders against `catalogue()`: bodies for POST /intake/orders."""
    return _load("orders.json")


def rejected_orders() -> list[dict[str, Any]]:
    """Orders that break several validation rules at once."""
    return _load("rejected_orders.json")


def _load(name: str) -> list[dict[str, Any]]:
    return json.loads((_HERE / name).read_text(encoding="utf-8"))
