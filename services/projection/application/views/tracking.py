"""Tracking events (oms.tracking.events.v1): checkpoints, deliveries, exceptions, notifications."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from oms.tracking.v1 import tracking_events_pb2 as tracking
from oms.tracking.v1.tracking_pb2 import (
    Checkpoint,
    ExceptionAction,
    NotificationChannel,
    SlaBreachKind,
    SuppressionReason,
    TrackingExceptionKind,
)
from services.projection.adapters.view_store import Session
from services.projection.application.fact import Fact
from services.projection.application.views.common import (
    Updater,
    add_to_timeline,
    enum_name,
    location_text,
    time_or,
)
from services.projection.application.views.shipments import advance_shipment
from services.projection.domain.progress import checkpoint_label, checkpoint_rank


def checkpoint_recorded(session: Session, fact: Fact) -> None:
    m: tracking.CheckpointRecorded = fact.payload
    code = enum_name(Checkpoint, m.checkpoint)
    # The checkpoint's own time (a carrier's scan time), not when tracking heard of it.
    add_to_timeline(
        session, fact, m.order_id, kind="checkpoint", code=code, title=checkpoint_label(code),
        checkpoint_rank=checkpoint_rank(code), shipment_id=m.shipment_id,
        location=location_text(m.location), occurred_at=time_or(m.occurred_at, fact.occurred_at),
        detail=m.description or " ".join(filter(None, [m.carrier_code, m.tracking_number])) or None,
    )


def shipment_delivered(session: Session, fact: Fact) -> None:
    m: tracking.ShipmentDelivered = fact.payload
    at = time_or(m.delivered_at, fact.occurred_at)
    if m.shipment_id:
        advance_shipment(session, m.shipment_id, m.order_id, "delivered", at)
    add_to_timeline(session, fact, m.order_id, kind="tracking", shipment_id=m.shipment_id, occurred_at=at,
                    location=location_text(m.location),
                    detail=f"signed by {m.signed_by_masked}" if m.signed_by_masked else None)


def _noted(time_field: str, detail: Callable[[Any], str | None], kind: str = "tracking") -> Updater:
    def update(session: Session, fact: Fact) -> None:
        m = fact.payload
        add_to_timeline(session, fact, m.order_id, kind=kind, shipment_id=getattr(m, "shipment_id", ""),
                        detail=detail(m), occurred_at=time_or(getattr(m, time_field), fact.occurred_at))
    return update


UPDATERS: dict[str, Updater] = {
    tracking.CheckpointRecorded.DESCRIPTOR.full_name: checkpoint_recorded,
    tracking.ShipmentDelivered.DESCRIPTOR.full_name: shipment_delivered,
    tracking.TrackingExceptionRaised.DESCRIPTOR.full_name: _noted(
        "raised_at", lambda m: ": ".join(filter(None, [enum_name(TrackingExceptionKind, m.kind), m.detail]))),
    tracking.TrackingExceptionResolved.DESCRIPTOR.full_name: _noted(
        "resolved_at", lambda m: ": ".join(filter(None, [enum_name(ExceptionAction, m.action_taken), m.note]))),
    tracking.SlaBreached.DESCRIPTOR.full_name: _noted(
        "detected_at", lambda m: f"{enum_name(SlaBreachKind, m.kind)} after {enum_name(Checkpoint, m.stage_from)}"),
    tracking.DeliveryEstimateUpdated.DESCRIPTOR.full_name: _noted(
        "estimated_at", lambda m: f"{time_or(m.eta.start, '?')[:16]} – {time_or(m.eta.end, '?')[:16]}"),
    tracking.NotificationSent.DESCRIPTOR.full_name: _noted(
        "sent_at", lambda m: f"{enum_name(NotificationChannel, m.channel)} to {m.recipient_masked}",
        kind="notification"),
    tracking.NotificationSuppressed.DESCRIPTOR.full_name: _noted(
        "suppressed_at", lambda m: f"{enum_name(NotificationChannel, m.channel)}: "
                                   f"{enum_name(SuppressionReason, m.reason)}", kind="notification"),
    tracking.NotificationFailed.DESCRIPTOR.full_name: _noted(
        "failed_at", lambda m: f"{enum_name(NotificationChannel, m.channel)}: {m.error}", kind="notification"),
}
