"""Intake outcomes (oms.intake.events.v1): new orders, rejections, channel updates."""

from __future__ import annotations

import json

from oms.common.v1.channel_pb2 import Channel
from oms.common.v1.payment_pb2 import PaymentMethod, PaymentStatus
from oms.intake.v1 import intake_events_pb2 as intake
from oms.intake.v1.intake_pb2 import ChannelOrderRef, IntakeSource, RejectionCode, RejectionReason
from services.projection.adapters.view_store import Session
from services.projection.application.fact import Fact
from services.projection.application.views.common import Updater, add_to_timeline, enum_name, time_or
from services.projection.application.views.order_rows import (
    contact_columns,
    insert_lines,
    total_columns,
    upsert_order,
)


def order_accepted(session: Session, fact: Fact) -> None:
    m: intake.OrderAccepted = fact.payload
    order = m.order
    # Intake and order events travel on different topics: whichever comes first creates the row,
    # and intake never overwrites what the order service already said.
    upsert_order(session, m.order_id, {
        "order_number": m.order_number or None,
        "channel": enum_name(Channel, order.channel_order.channel),
        "channel_account": order.channel_order.channel_account or None,
        "channel_order_id": order.channel_order.channel_order_id or None,
        "customer_id": order.customer_id or None,
        "customer_name": order.customer_name or order.contact.name or None,
        **contact_columns(order.contact, order.shipping_address),
        "payment_method": enum_name(PaymentMethod, order.payment.method),
        "payment_status": enum_name(PaymentStatus, order.payment.status),
        **total_columns(order.reported_totals, order.lines),
        "express": int(order.express_requested),
        "created_at": time_or(order.placed_at, fact.occurred_at),
        "updated_at": time_or(m.accepted_at, fact.occurred_at),
    }, fill_only=True)
    insert_lines(session, m.order_id, order.lines)
    add_to_timeline(session, fact, m.order_id, kind="intake", detail=f"as {m.order_number}",
                    occurred_at=time_or(m.accepted_at, fact.occurred_at))


def order_rejected(session: Session, fact: Fact) -> None:
    m: intake.OrderRejected = fact.payload
    _record_rejection(session, m.rejection_id or fact.event_id, "order", "", m.channel_order, m.reasons,
                      payload_size=len(m.original_payload), content_type=m.original_content_type,
                      source=enum_name(IntakeSource, m.source), at=time_or(m.rejected_at, fact.occurred_at))


def update_rejected(session: Session, fact: Fact) -> None:
    m: intake.ChannelOrderUpdateRejected = fact.payload
    at = time_or(m.rejected_at, fact.occurred_at)
    _record_rejection(session, m.update_id or fact.event_id, "update", m.order_id, m.channel_order, m.reasons,
                      payload_size=len(m.original_payload), content_type=None, source=None, at=at)
    add_to_timeline(session, fact, m.order_id, kind="intake", occurred_at=at,
                    detail="; ".join(reason.message or reason.field_path for reason in m.reasons) or None)


def update_applied(session: Session, fact: Fact) -> None:
    m: intake.ChannelOrderUpdateApplied = fact.payload
    change = (m.WhichOneof("change") or "update").replace("_", " ")
    add_to_timeline(session, fact, m.order_id, kind="intake", detail=f"channel reported {change}",
                    occurred_at=time_or(m.applied_at, fact.occurred_at))


def duplicate_received(session: Session, fact: Fact) -> None:
    m: intake.ChannelOrderDuplicateReceived = fact.payload
    add_to_timeline(session, fact, m.order_id, kind="intake",
                    detail="identical" if m.identical else "with different content; kept the first",
                    occurred_at=time_or(m.received_at, fact.occurred_at))


def customer_matched(session: Session, fact: Fact) -> None:
    m: intake.CustomerMatched = fact.payload
    if m.order_id and m.customer_id:
        upsert_order(session, m.order_id, {"customer_id": m.customer_id}, fill_only=True)


def _record_rejection(session: Session, rejection_id: str, kind: str, order_id: str, ref: ChannelOrderRef,
                      reasons: list[RejectionReason], *, payload_size: int, content_type: str | None,
                      source: str | None, at: str) -> None:
    listed = [
        {"field": reason.field_path, "code": enum_name(RejectionCode, reason.code), "message": reason.message}
        for reason in reasons
    ]
    session.execute(
        "INSERT INTO rejections (rejection_id, kind, order_id, channel, channel_account, channel_order_id, source,"
        " reasons_json, payload_size, content_type, rejected_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (rejection_id) DO NOTHING",
        (rejection_id, kind, order_id or None, enum_name(Channel, ref.channel), ref.channel_account or None,
         ref.channel_order_id or None, source, json.dumps(listed, ensure_ascii=False), payload_size,
         content_type or None, at),
    )


UPDATERS: dict[str, Updater] = {
    intake.OrderAccepted.DESCRIPTOR.full_name: order_accepted,
    intake.OrderRejected.DESCRIPTOR.full_name: order_rejected,
    intake.ChannelOrderUpdateRejected.DESCRIPTOR.full_name: update_rejected,
    intake.ChannelOrderUpdateApplied.DESCRIPTOR.full_name: update_applied,
    intake.ChannelOrderDuplicateReceived.DESCRIPTOR.full_name: duplicate_received,
    intake.CustomerMatched.DESCRIPTOR.full_name: customer_matched,
}
