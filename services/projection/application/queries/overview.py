"""The dashboard's overview: where the orders are, what came in today, what needs a look."""

from __future__ import annotations

from typing import Any

from services.projection.adapters.view_store import Session
from services.projection.application.queries.stock import count_low_stock, stock_levels


def overview(session: Session, *, day_started_at: str, low_stock_listed: int = 20) -> dict[str, Any]:
    """`day_started_at`: the start of "today" where the operator is, as view time text."""
    by_status = {row["status"]: int(row["n"]) for row in session.all(
        "SELECT status, COUNT(*) AS n FROM orders GROUP BY status ORDER BY status")}
    shipments = {row["status"]: int(row["n"]) for row in session.all(
        "SELECT status, COUNT(*) AS n FROM shipments GROUP BY status ORDER BY status")}
    return {
        "orders_total": sum(by_status.values()),
        "orders_by_status": by_status,
        "orders_today": _count(session, "SELECT COUNT(*) AS n FROM orders WHERE created_at >= ?", day_started_at),
        "shipments_by_status": shipments,
        "rejections_total": _count(session, "SELECT COUNT(*) AS n FROM rejections"),
        "rejections_today": _count(session, "SELECT COUNT(*) AS n FROM rejections WHERE rejected_at >= ?",
                                   day_started_at),
        "low_stock_count": count_low_stock(session),
        "low_stock": stock_levels(session, low_only=True, limit=low_stock_listed),
    }


def _count(session: Session, statement: str, *params: Any) -> int:
    row = session.one(statement, params)
    return int(row["n"]) if row else 0
