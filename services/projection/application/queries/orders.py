"""Order search and order detail."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from services.projection.adapters.view_store import Row, Session
from services.projection.application.queries.ledger import order_ledger
from services.projection.domain.personal_data import looks_like_phone, phone_digest
from services.projection.domain.progress import CHECKPOINTS

SUMMARY_COLUMNS = (
    "order_id, order_number, channel, channel_order_id, customer_name, phone_masked, province, city, status,"
    " hold_reason, currency, grand_total_minor, created_at, updated_at"
)
DETAIL_COLUMNS = (
    f"{SUMMARY_COLUMNS}, channel_account, customer_id, email_masked, district, payment_method, payment_status,"
    " subtotal_minor, discount_minor, shipping_fee_minor, tax_minor, express"
)


@dataclass(frozen=True)
class OrderFilter:
    text: str | None = None  # order number, customer name, phone, channel order id
    status: str | None = None
    channel: str | None = None
    customer_id: str | None = None
    created_from: str | None = None  # ISO time, inclusive
    created_to: str | None = None  # ISO time, exclusive
    limit: int = 50
    offset: int = 0


def search_orders(session: Session, wanted: OrderFilter) -> tuple[list[Row], int]:
    """One page of matching orders, newest first, and how many match in all."""
    where, params = _conditions(wanted)
    clause = f" WHERE {' AND '.join(where)}" if where else ""
    total = session.one(f"SELECT COUNT(*) AS n FROM orders{clause}", params)
    rows = session.all(
        f"SELECT {SUMMARY_COLUMNS} FROM orders{clause} ORDER BY created_at DESC NULLS LAST, order_id LIMIT ? OFFSET ?",
        (*params, wanted.limit, wanted.offset),
    )
    return [_summary(row) for row in rows], int(total["n"]) if total else 0


def _conditions(wanted: OrderFilter) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if wanted.text and wanted.text.strip():
        text = wanted.text.strip()
        matches = ["search_text LIKE ? ESCAPE '!'"]
        params.append(f"%{_escape_like(text.lower())}%")
        if looks_like_phone(text):
            matches.append("phone_digest = ?")
            params.append(phone_digest(text))
        where.append(f"({' OR '.join(matches)})")
    for column, value in (("status", wanted.status), ("channel", wanted.channel), ("customer_id", wanted.customer_id)):
        if value:
            where.append(f"{column} = ?")
            params.append(value)
    if wanted.created_from:
        where.append("created_at >= ?")
        params.append(wanted.created_from)
    if wanted.created_to:
        where.append("created_at < ?")
        params.append(wanted.created_to)
    return where, params


def _escape_like(text: str) -> str:
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_")


def order_id_for_number(session: Session, order_number: str) -> str | None:
    row = session.one("SELECT order_id FROM orders WHERE order_number = ?", (order_number,))
    return row["order_id"] if row else None


def order_detail(session: Session, order_id: str) -> dict[str, Any] | None:
    row = session.one(f"SELECT {DETAIL_COLUMNS} FROM orders WHERE order_id = ?", (order_id,))
    if row is None:
        return None
    timeline = _timeline(session, order_id)
    return {
        **_summary(row),
        "express": bool(row["express"]),
        "lines": session.all(
            "SELECT line_id, sku, name, quantity, currency, unit_price_minor, discount_minor, tax_minor"
            " FROM order_lines WHERE order_id = ? ORDER BY line_id", (order_id,)),
        "checkpoints": _checkpoints(timeline),
        "timeline": timeline,
        "shipments": [_shipment(r) for r in session.all(
            "SELECT * FROM shipments WHERE order_id = ? ORDER BY created_at, shipment_id", (order_id,))],
        "ledger": order_ledger(session, order_id),
    }


def _timeline(session: Session, order_id: str) -> list[Row]:
    # By time; at the same moment the T2 checkpoints keep their order, then the facts' own order
    # (context, producer's position, event id): never arrival order, which a rebuild changes.
    return session.all(
        "SELECT kind, code, title, detail, status, shipment_id, location, occurred_at, checkpoint_rank"
        " FROM order_timeline WHERE order_id = ?"
        " ORDER BY occurred_at, checkpoint_rank, source_rank, source_position, event_id", (order_id,))


def _checkpoints(timeline: list[Row]) -> list[dict[str, Any]]:
    """The nine T2 checkpoints in their order, each with when (first) and where it was reached."""
    first: dict[str, Row] = {}
    for entry in timeline:
        if entry["kind"] == "checkpoint":
            first.setdefault(entry["code"], entry)
    return [
        {"code": code, "label": label, "reached": code in first,
         "occurred_at": first[code]["occurred_at"] if code in first else None,
         "location": first[code]["location"] if code in first else None}
        for code, label in CHECKPOINTS
    ]


def _summary(row: Row) -> Row:
    return {**row, "hold_reason": row.get("hold_reason") or None}


def _shipment(row: Row) -> Row:
    shipment = {key: value for key, value in row.items() if key not in ("status_rank", "lines_json", "order_id")}
    shipment["tracking_numbers"] = json.loads(row["tracking_numbers"]) if row["tracking_numbers"] else []
    shipment["lines"] = json.loads(row["lines_json"]) if row["lines_json"] else []
    return shipment
