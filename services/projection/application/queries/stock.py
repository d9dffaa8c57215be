"""Stock per SKU and warehouse, and the available-to-sell feed."""

from __future__ import annotations

import json
from typing import Any

from services.projection.adapters.view_store import Row, Session

# A warehouse's own safety stock when inventory reported one, else the product's.
_SAFETY_STOCK = "CASE WHEN i.safety_stock > 0 THEN i.safety_stock ELSE COALESCE(p.safety_stock, 0) END"
LOW_STOCK = f"({_SAFETY_STOCK}) > 0 AND i.available <= ({_SAFETY_STOCK})"
_LEVEL_COLUMNS = (
    f"i.sku, p.name AS product_name, i.warehouse_id, i.on_hand, i.reserved, i.available, i.incoming,"
    f" {_SAFETY_STOCK} AS safety_stock, CASE WHEN {LOW_STOCK} THEN 1 ELSE 0 END AS low_stock, i.as_of"
)


def stock_levels(session: Session, *, sku: str | None = None, warehouse_id: str | None = None,
                 low_only: bool = False, limit: int = 500) -> list[Row]:
    where, params = [], []
    if sku:
        where.append("i.sku = ?")
        params.append(sku)
    if warehouse_id:
        where.append("i.warehouse_id = ?")
        params.append(warehouse_id)
    if low_only:
        where.append(LOW_STOCK)
    clause = f" WHERE {' AND '.join(where)}" if where else ""
    rows = session.all(
        f"SELECT {_LEVEL_COLUMNS} FROM inventory i LEFT JOIN products p ON p.sku = i.sku{clause}"
        " ORDER BY i.sku, i.warehouse_id LIMIT ?",
        (*params, limit),
    )
    return [{**row, "low_stock": bool(row["low_stock"])} for row in rows]


def count_low_stock(session: Session) -> int:
    row = session.one(f"SELECT COUNT(*) AS n FROM inventory i LEFT JOIN products p ON p.sku = i.sku WHERE {LOW_STOCK}")
    return int(row["n"]) if row else 0


def availability(session: Session, *, sku: str | None = None, limit: int = 500) -> list[dict[str, Any]]:
    clause, params = (" WHERE sku = ?", [sku]) if sku else ("", [])
    rows = session.all(
        "SELECT sku, available_to_sell, presale, expected_restock_at, warehouses_json, changed_at"
        f" FROM availability{clause} ORDER BY sku LIMIT ?",
        (*params, limit),
    )
    return [
        {**{k: v for k, v in row.items() if k != "warehouses_json"}, "presale": bool(row["presale"]),
         "warehouses": json.loads(row["warehouses_json"])}
        for row in rows
    ]
