"""Fulfillment events (oms.fulfillment.events.v1) into `shipments` and the order timeline."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any

from oms.fulfillment.v1 import fulfillment_events_pb2 as fulfillment
from oms.fulfillment.v1.fulfillment_pb2 import ServiceLevel
from services.projection.adapters.view_store import Session
from services.projection.application.fact import Fact
from services.projection.application.views.common import Updater, add_to_timeline, enum_name, time_or
from services.projection.domain.progress import shipment_rank

# Each stage column is written once, by the fact that reached the stage.
_STAGE_COLUMN = {"created": "created_at", "picked": "picked_at", "packed": "packed_at",
                 "dispatched": "dispatched_at", "delivered": "delivered_at", "cancelled": "cancelled_at"}


def advance_shipment(session: Session, shipment_id: str, order_id: str, stage: str | None, at: str,
                     **columns: Any) -> None:
    """Upsert a shipment: given columns overwrite, the stage only ever moves forward."""
    values = {key: value for key, value in columns.items() if value is not None}
    if stage is not None and stage in _STAGE_COLUMN:
        values[_STAGE_COLUMN[stage]] = at
    rank = shipment_rank(stage) if stage else 0
    names = ["shipment_id", "order_id", "status", "status_rank", "updated_at", *values]
    assignments = [
        "status = CASE WHEN excluded.status_rank > shipments.status_rank"
        " THEN excluded.status ELSE shipments.status END",
        "status_rank = CASE WHEN excluded.status_rank > shipments.status_rank"
        " THEN excluded.status_rank ELSE shipments.status_rank END",
        "updated_at = CASE WHEN excluded.updated_at > shipments.updated_at"
        " THEN excluded.updated_at ELSE shipments.updated_at END",
        *(f"{name} = excluded.{name}" for name in values),
    ]
    session.execute(
        f"INSERT INTO shipments ({', '.join(names)}) VALUES ({', '.join('?' for _ in names)})"
        f" ON CONFLICT (shipment_id) DO UPDATE SET {', '.join(assignments)}",
        (shipment_id, order_id, stage or "created", rank, at, *values.values()),
    )


def _lines_json(lines: Iterable[Any]) -> str:
    return json.dumps([{"line_id": i.line_id, "sku": i.sku, "name": i.name, "quantity": i.quantity} for i in lines],
                      ensure_ascii=False)


def _stage_updater(stage: str | None, time_field: str, columns: Callable[[Any], dict[str, Any]] = lambda m: {},
                   detail: Callable[[Any], str | None] = lambda m: None) -> Updater:
    def update(session: Session, fact: Fact) -> None:
        m = fact.payload
        at = time_or(getattr(m, time_field), fact.occurred_at)
        shipment_id = getattr(m, "shipment_id", "") or getattr(m, "original_shipment_id", "")
        if shipment_id:
            advance_shipment(session, shipment_id, m.order_id, stage, at, **columns(m))
        add_to_timeline(session, fact, m.order_id, kind="shipment", shipment_id=shipment_id,
                        detail=detail(m), occurred_at=at)
    return update


def _tracking_numbers(session: Session, shipment_id: str, numbers: Iterable[str]) -> str | None:
    row = session.one("SELECT tracking_numbers FROM shipments WHERE shipment_id = ?", (shipment_id,))
    known = json.loads(row["tracking_numbers"]) if row and row["tracking_numbers"] else []
    merged = list(dict.fromkeys([*known, *(n for n in numbers if n)]))
    return json.dumps(merged) if merged else None


def _tracking_number_updater(time_field: str) -> Updater:
    def update(session: Session, fact: Fact) -> None:
        m = fact.payload
        numbers = _tracking_numbers(session, m.shipment_id, [m.tracking_number])
        advance_shipment(session, m.shipment_id, m.order_id, None, time_or(getattr(m, time_field), fact.occurred_at),
                         carrier_code=m.carrier_code or None, tracking_numbers=numbers)
    return update


def shipment_dispatched(session: Session, fact: Fact) -> None:
    m: fulfillment.ShipmentDispatched = fact.payload
    at = time_or(m.dispatched_at, fact.occurred_at)
    advance_shipment(session, m.shipment_id, m.order_id, "dispatched", at,
                     warehouse_id=m.warehouse_id or None, carrier_code=m.carrier_code or None,
                     service_level=enum_name(ServiceLevel, m.service_level) if m.service_level else None,
                     tracking_numbers=_tracking_numbers(session, m.shipment_id, m.tracking_numbers))
    add_to_timeline(session, fact, m.order_id, kind="shipment", shipment_id=m.shipment_id, occurred_at=at,
                    detail=" ".join(filter(None, [m.carrier_code, *m.tracking_numbers])) or None)


UPDATERS: dict[str, Updater] = {
    fulfillment.ShipmentCreated.DESCRIPTOR.full_name: _stage_updater(
        "created", "created_at",
        columns=lambda m: {"warehouse_id": m.warehouse_id or None, "lines_json": _lines_json(m.lines)},
        detail=lambda m: f"from {m.warehouse_id}" if m.warehouse_id else None),
    fulfillment.PickListIssued.DESCRIPTOR.full_name: _stage_updater(
        "pick_list_issued", "issued_at", detail=lambda m: m.pick_list_id or None),
    fulfillment.PickingStarted.DESCRIPTOR.full_name: _stage_updater(
        "picking", "started_at", detail=lambda m: "with the pick" if m.implied_by_pick else None),
    fulfillment.ShipmentPicked.DESCRIPTOR.full_name: _stage_updater("picked", "picked_at"),
    fulfillment.PickShortageReported.DESCRIPTOR.full_name: _stage_updater(
        None, "reported_at", detail=lambda m: ", ".join(f"{ln.sku} x{ln.quantity}" for ln in m.missing) or None),
    fulfillment.ShipmentPacked.DESCRIPTOR.full_name: _stage_updater(
        "packed", "packed_at", detail=lambda m: f"{len(m.parcels)} parcel(s)" if m.parcels else None),
    fulfillment.CarrierChosen.DESCRIPTOR.full_name: _stage_updater(
        None, "chosen_at",
        columns=lambda m: {"carrier_code": m.carrier_code or None,
                           "service_level": enum_name(ServiceLevel, m.service_level) if m.service_level else None},
        detail=lambda m: m.carrier_code or None),
    fulfillment.TrackingNumberAssigned.DESCRIPTOR.full_name: _tracking_number_updater("assigned_at"),
    fulfillment.LabelPrinted.DESCRIPTOR.full_name: _tracking_number_updater("printed_at"),
    fulfillment.ShipmentDispatched.DESCRIPTOR.full_name: shipment_dispatched,
    fulfillment.ShipmentCancelled.DESCRIPTOR.full_name: _stage_updater(
        "cancelled", "cancelled_at", detail=lambda m: m.reason or None),
    fulfillment.ReturnReceived.DESCRIPTOR.full_name: _stage_updater(None, "received_at"),
    fulfillment.ReshipRequested.DESCRIPTOR.full_name: _stage_updater(
        None, "requested_at", detail=lambda m: f"new shipment {m.new_shipment_id}"),
}
