"""Intake rejections, newest first: what staff review and correct (I2)."""

from __future__ import annotations

import json

from services.projection.adapters.view_store import Row, Session


def recent_rejections(session: Session, *, limit: int = 50, offset: int = 0) -> list[Row]:
    rows = session.all(
        "SELECT rejection_id, kind, order_id, channel, channel_account, channel_order_id, source, reasons_json,"
        " payload_size, content_type, rejected_at FROM rejections ORDER BY rejected_at DESC, rejection_id"
        " LIMIT ? OFFSET ?",
        (limit, offset),
    )
    return [{**{k: v for k, v in row.items() if k != "reasons_json"}, "reasons": json.loads(row["reasons_json"])}
            for row in rows]
