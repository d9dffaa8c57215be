"""What every view updater needs: times, money and enum names out of protobuf, and the timeline."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from google.protobuf.message import Message
from google.protobuf.timestamp_pb2 import Timestamp

from oms.common.v1.address_pb2 import Location
from oms.common.v1.money_pb2 import Money
from services.projection.adapters.view_store import Session
from services.projection.application.fact import Fact, stamp_text

Updater = Callable[[Session, Fact], None]

# Where each context's facts come in an order's life: at the same moment, intake's come before the
# order service's, those before inventory's, and so on. With the producer's store position (or
# the aggregate version) and the event id after it, entries at the same time keep one order that
# a rebuild reproduces, whatever order the topics' records arrive in (issue 9).
PIPELINE_RANK = {context: rank for rank, context in enumerate(
    ("intake", "order", "inventory", "fulfillment", "tracking", "ledger"), start=1)}
UNKNOWN_CONTEXT_RANK = len(PIPELINE_RANK) + 1


def time_or(stamp: Timestamp, fallback: str) -> str:
    return time_or_none(stamp) or fallback


def time_or_none(stamp: Timestamp) -> str | None:
    return stamp_text(stamp)


def minor(money: Money) -> int | None:
    return money.minor_units if money.currency_code or money.minor_units else None


def money_text(money: Money) -> str:
    return f"{money.minor_units / 100:.2f} {money.currency_code}".strip()


def enum_name(enum_type: Any, value: int) -> str:
    """ORDER_STATUS_ON_HOLD -> "on_hold"; a number this build does not know -> "unknown_<n>"."""
    try:
        name = enum_type.Name(value)
    except ValueError:
        return f"unknown_{value}"
    prefix = enum_type.Name(0).removesuffix("UNSPECIFIED")
    return name.removeprefix(prefix).lower()


def words(name: str) -> str:
    """"OrderPartlyShipped" -> "Order partly shipped"."""
    parts = re.findall(r"[A-Z][a-z0-9]*|[a-z0-9]+", name)
    return " ".join(parts).capitalize()


def location_text(location: Location) -> str | None:
    parts = [location.name, location.city, location.province]
    text = ", ".join(dict.fromkeys(p for p in parts if p))
    return text or None


def describe(message: Message, describers: Mapping[str, Callable[[Any], str | None]]) -> str | None:
    describer = describers.get(message.DESCRIPTOR.name)
    return describer(message) if describer else None


def add_to_timeline(
    session: Session,
    fact: Fact,
    order_id: str,
    *,
    kind: str,
    title: str | None = None,
    code: str | None = None,
    detail: str | None = None,
    shipment_id: str | None = None,
    status: str | None = None,
    location: str | None = None,
    checkpoint_rank: int = 0,
    occurred_at: str | None = None,
) -> None:
    """One entry per upstream event (its event id): a replayed event adds nothing."""
    if not order_id:
        return
    session.execute(
        "INSERT INTO order_timeline (event_id, order_id, shipment_id, kind, code, checkpoint_rank, source_rank,"
        " source_position, status, title, detail, location, occurred_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (event_id) DO NOTHING",
        (fact.event_id, order_id, shipment_id or None, kind, code or fact.name, checkpoint_rank,
         PIPELINE_RANK.get(fact.context, UNKNOWN_CONTEXT_RANK), fact.store_position or fact.aggregate_version,
         status, title or words(fact.name), detail, location, occurred_at or fact.occurred_at),
    )
