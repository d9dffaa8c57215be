"""Order events (oms.order.events.v1) into `orders`, `order_lines` and the timeline.

Every order event carries the order's status after it (field 2), so one updater follows the
state machine for all of them; a few events also change other columns or the lines.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from oms.common.v1.channel_pb2 import Channel
from oms.common.v1.payment_pb2 import PaymentMethod, PaymentStatus
from oms.order.v1 import (
    change_events_pb2,
    lifecycle_events_pb2,
    pricing_events_pb2,
    production_events_pb2,
    return_events_pb2,
    review_events_pb2,
)
from oms.order.v1.order_pb2 import CancellationReason, HoldReason, OrderStatus, ReviewOutcome
from services.projection.adapters.view_store import Session
from services.projection.application.fact import Fact
from services.projection.application.views.common import (
    Updater,
    add_to_timeline,
    describe,
    enum_name,
    money_text,
    time_or,
)
from services.projection.application.views.order_rows import (
    contact_columns,
    edited_total_columns,
    replace_lines,
    total_columns,
    upsert_order,
)

_EVENT_MODULES = (
    change_events_pb2, lifecycle_events_pb2, pricing_events_pb2, production_events_pb2, return_events_pb2,
    review_events_pb2,
)
NO_HOLD = ""  # hold_reason once a hold is over; NULL would read as "never written"


def order_placed(session: Session, fact: Fact) -> None:
    m = fact.payload
    status = enum_name(OrderStatus, m.status)
    upsert_order(session, m.order_id, {
        "order_number": m.order_number or None,
        "channel": enum_name(Channel, m.channel),
        "channel_account": m.channel_account or None,
        "channel_order_id": m.channel_order_id or None,
        "customer_id": m.customer_id or None,
        "customer_name": m.contact.name or m.shipping_address.recipient_name or None,
        **contact_columns(m.contact, m.shipping_address),
        "status": status,
        "payment_method": enum_name(PaymentMethod, m.payment_method),
        "payment_status": enum_name(PaymentStatus, m.payment_status),
        **total_columns(m.reported_totals, m.lines),
        "express": int(m.express_requested),
        "created_at": time_or(m.placed_at, fact.occurred_at),
        "updated_at": fact.occurred_at,
    })
    replace_lines(session, m.order_id, m.lines)
    add_to_timeline(session, fact, m.order_id, kind="order", status=status,
                    detail=f"{m.order_number} from {enum_name(Channel, m.channel)}")


def order_changed(session: Session, fact: Fact) -> None:
    m = fact.payload
    status = enum_name(OrderStatus, m.status) if m.status else None
    columns = {"status": status, "updated_at": fact.occurred_at}
    extra = _COLUMNS.get(fact.name)
    if extra is not None:
        columns.update(extra(m))
    if fact.name == "ItemsEdited":
        replace_lines(session, m.order_id, m.lines_after)
        columns.update(edited_total_columns(session, m.order_id, m.lines_after))
    upsert_order(session, m.order_id, columns)
    add_to_timeline(session, fact, m.order_id, kind="order", status=status, detail=describe(m, _DETAILS))


_COLUMNS: dict[str, Callable[[Any], dict[str, Any]]] = {
    "OrderHeld": lambda m: {"hold_reason": enum_name(HoldReason, m.reason)},
    "OrderReleased": lambda m: {"hold_reason": NO_HOLD},
    "OrderApproved": lambda m: {"hold_reason": NO_HOLD},
    "OrderCancelled": lambda m: {"hold_reason": NO_HOLD},
    "PaymentConfirmed": lambda m: {"payment_status": "paid"},
    "OrderPriced": lambda m: total_columns(m.computed),
    "AddressChanged": lambda m: contact_columns(m.contact, m.new_address),
}


def _actor(actor: Any) -> str:
    return actor.display_name or actor.actor_id or "system"


_DETAILS: dict[str, Callable[[Any], str | None]] = {
    "OrderHeld": lambda m: ": ".join(filter(None, [enum_name(HoldReason, m.reason), m.detail])),
    "OrderReleased": lambda m: f"by {_actor(m.released_by)}" + (f": {m.note}" if m.note else ""),
    "OrderApproved": lambda m: "automatically" if m.auto_approved else f"by {_actor(m.approved_by)}",
    "OrderCancelled": lambda m: ": ".join(filter(None, [enum_name(CancellationReason, m.reason), m.detail])),
    "PaymentConfirmed": lambda m: money_text(m.amount),
    "ReviewDecisionRecorded": lambda m: ": ".join(filter(None, [enum_name(ReviewOutcome, m.outcome), m.note])),
    "OrderAllocated": lambda m: "from " + ", ".join(a.warehouse_id for a in m.allocations),
    "OrderPartlyShipped": lambda m: f"{m.carrier_code} {m.tracking_number}".strip() or None,
    "AddressChanged": lambda m: ", ".join(filter(None, [m.new_address.city, m.new_address.district])) or None,
    "PriceMismatchDetected": lambda m: f"difference {money_text(m.difference)}",
    "OrderRefunded": lambda m: money_text(m.amount),
    "OrderChangeRefused": lambda m: m.message or m.reason_code or None,
    "ReturnRequested": lambda m: m.return_id,
    "ReturnRejected": lambda m: m.reason or None,
}


def _updaters() -> dict[str, Updater]:
    updaters: dict[str, Updater] = {}
    for module in _EVENT_MODULES:
        for descriptor in module.DESCRIPTOR.message_types_by_name.values():
            updaters[descriptor.full_name] = order_changed
    updaters[lifecycle_events_pb2.OrderPlaced.DESCRIPTOR.full_name] = order_placed
    return updaters


UPDATERS = _updaters()
