"""Warehouse operators' HTTP API: the work queue, and start of picking, pick, pack and dispatch."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, Any

from fastapi import APIRouter, Header, Path, Query, Request

from oms_platform.http import Conflict, FieldError, NotFound, UnprocessableContent, problem_responses
from oms_platform.http.batches import apply_each
from oms_platform.service import service_application
from services.fulfillment.application.service import FulfillmentApplication, ShipmentNotFound
from services.fulfillment.application.work_queue import QueueFilter
from services.fulfillment.domain.errors import (
    PickRejected,
    QualityCheckFailed,
    ShipmentStateConflict,
    TrackingNumberRequired,
)
from services.fulfillment.domain.shipment import ShipmentStatus
from services.fulfillment.domain.values import Parcel, PickedUnits, QualityCheck
from services.fulfillment.entrypoints.schemas import (
    DispatchRequest,
    DispatchWaveLine,
    PackRequest,
    PackWaveLine,
    PickRequest,
    PickWaveLine,
    ShipmentList,
    ShipmentView,
    StartPickingWaveLine,
    Wave,
    WaveOutcome,
    WaveResult,
    shipment_view,
)

router = APIRouter(prefix="/shipments", tags=["shipments"])

ShipmentId = Annotated[uuid.UUID, Path(description="The shipment (UUID).")]
Actor = Annotated[str, Header(alias="X-Actor", min_length=1, max_length=128,
                              description="The warehouse operator doing this, for the audit trail.")]
COMMAND_PROBLEMS = problem_responses(400, 404, 409, 422)


def _app(request: Request) -> FulfillmentApplication:
    return service_application(request, FulfillmentApplication)


@router.get("", response_model=ShipmentList, responses=problem_responses(422),
            summary="The warehouse work queue: highest priority first, then oldest")
def list_shipments(
    request: Request,
    order_id: Annotated[str | None, Query(max_length=64)] = None,
    status: ShipmentStatus | None = None,
    warehouse_id: Annotated[str | None, Query(max_length=64)] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> ShipmentList:
    wanted = QueueFilter(order_id=order_id, status=status, warehouse_id=warehouse_id)
    return ShipmentList(shipments=[shipment_view(s) for s in _app(request).shipments(wanted, limit)])


@router.get("/{shipment_id}", response_model=ShipmentView, responses=problem_responses(404, 422))
def get_shipment(shipment_id: ShipmentId, request: Request) -> ShipmentView:
    with refusals_as_problems():
        return shipment_view(_app(request).shipment(str(shipment_id)))


@router.post("/{shipment_id}/start-picking", response_model=ShipmentView, responses=COMMAND_PROBLEMS,
             summary="A picker starts on the pick list (the order's \"picking started\" checkpoint)")
def start_picking(shipment_id: ShipmentId, actor: Actor, request: Request) -> ShipmentView:
    """Optional: a pick confirmed without it records the start at the moment of the pick."""
    with refusals_as_problems():
        return shipment_view(_app(request).start_picking(str(shipment_id), actor))


@router.post("/{shipment_id}/pick", response_model=ShipmentView, responses=COMMAND_PROBLEMS,
             summary="Confirm the pick; units not found are reported short")
def pick_shipment(shipment_id: ShipmentId, actor: Actor, request: Request,
                  body: PickRequest | None = None) -> ShipmentView:
    """From `pick_list_issued` or `picking`. Without a prior start-picking, the start is recorded
    (PickingStarted, implied_by_pick) at this moment, when any unit was found."""
    picked = None if body is None or body.picked is None else [
        PickedUnits(line.line_id, line.quantity) for line in body.picked
    ]
    with refusals_as_problems():
        return shipment_view(_app(request).pick_shipment(str(shipment_id), picked, actor))


@router.post("/{shipment_id}/pack", response_model=ShipmentView, responses=COMMAND_PROBLEMS,
             summary="Confirm packing with its quality check; a failed check leaves the shipment picked")
def pack_shipment(shipment_id: ShipmentId, body: PackRequest, actor: Actor, request: Request) -> ShipmentView:
    parcels = _parcels(body)
    check = QualityCheck(body.quality_check.passed, body.quality_check.notes)
    with refusals_as_problems():
        return shipment_view(_app(request).pack_shipment(str(shipment_id), parcels, check, actor))


@router.post("/{shipment_id}/dispatch", response_model=ShipmentView, responses=COMMAND_PROBLEMS,
             summary="Outbound scan: choose the carrier unless given, assign tracking numbers, dispatch")
def dispatch_shipment(shipment_id: ShipmentId, actor: Actor, request: Request,
                      body: DispatchRequest | None = None) -> ShipmentView:
    body = body or DispatchRequest()
    with refusals_as_problems():
        shipment = _app(request).dispatch_shipment(str(shipment_id), body.carrier_code, body.tracking_number, actor)
        return shipment_view(shipment)


waves = APIRouter(prefix="/waves", tags=["shipments"])
WAVE_PROBLEMS = problem_responses(400, 422)


@waves.post("/start-picking", response_model=WaveResult, responses=WAVE_PROBLEMS,
             summary="Pickers start on the pick lists of a wave")
def start_picking_wave(body: Wave[StartPickingWaveLine], actor: Actor, request: Request) -> WaveResult:
    app = _app(request)
    return _wave(app, body.shipments, request, lambda line: app.start_picking(str(line.shipment_id), actor))


@waves.post("/pick", response_model=WaveResult, responses=WAVE_PROBLEMS,
            summary="Confirm the picks of a wave; each shipment gets the outcome it would have had alone")
def pick_wave(body: Wave[PickWaveLine], actor: Actor, request: Request) -> WaveResult:
    app = _app(request)
    return _wave(app, body.shipments, request, lambda line: app.pick_shipment(
        str(line.shipment_id),
        None if line.picked is None else [PickedUnits(p.line_id, p.quantity) for p in line.picked],
        actor))


@waves.post("/pack", response_model=WaveResult, responses=WAVE_PROBLEMS,
            summary="Confirm the packing of a wave, each with its quality check")
def pack_wave(body: Wave[PackWaveLine], actor: Actor, request: Request) -> WaveResult:
    app = _app(request)
    return _wave(app, body.shipments, request, lambda line: app.pack_shipment(
        str(line.shipment_id), _parcels(line), QualityCheck(line.quality_check.passed, line.quality_check.notes),
        actor))


@waves.post("/dispatch", response_model=WaveResult, responses=WAVE_PROBLEMS,
            summary="Outbound scans of a wave: carriers chosen unless given, tracking numbers assigned")
def dispatch_wave(body: Wave[DispatchWaveLine], actor: Actor, request: Request) -> WaveResult:
    app = _app(request)
    return _wave(app, body.shipments, request, lambda line: app.dispatch_shipment(
        str(line.shipment_id), line.carrier_code, line.tracking_number, actor))


def _wave(app: FulfillmentApplication, lines: list, request: Request, confirm: Any) -> WaveResult:
    """Every confirmed shipment of the wave in one commit; a refused one changes nothing."""

    def one(line: Any) -> tuple[int, ShipmentView]:
        with refusals_as_problems():
            return 200, shipment_view(confirm(line))

    outcomes = apply_each(app, lines, one, request, field_prefix="shipments")
    return WaveResult(results=[
        WaveOutcome(index=o.index, shipment_id=lines[o.index].shipment_id, status=o.status, shipment=o.value,
                    problem=o.problem) for o in outcomes
    ])


def _parcels(body: PackRequest) -> list[Parcel]:
    return [Parcel(str(number), p.weight_grams, p.length_mm, p.width_mm, p.height_mm)
            for number, p in enumerate(body.parcels, start=1)]


@contextmanager
def refusals_as_problems() -> Iterator[None]:
    """The domain's refusals as problem details; nothing was recorded when one is raised."""
    try:
        yield
    except ShipmentNotFound as missing:
        raise NotFound("shipment", missing.shipment_id) from None
    except ShipmentStateConflict as conflict:
        raise Conflict(
            str(conflict), slug="shipment-state-conflict",
            extensions={"shipment_id": conflict.shipment_id, "shipment_status": conflict.status,
                        "command": conflict.command},
        ) from None
    except PickRejected as rejected:
        raise UnprocessableContent(str(rejected), [
            FieldError(f"picked[{p.index}].{p.field}", p.code, p.message, "body") for p in rejected.problems
        ], slug="pick-rejected") from None
    except QualityCheckFailed as failed:
        raise UnprocessableContent(str(failed), [
            FieldError("quality_check.passed", "quality-check-failed", "the shipment stays picked", "body")
        ], slug="quality-check-failed") from None
    except TrackingNumberRequired as required:
        raise UnprocessableContent(str(required), [
            FieldError("tracking_number", "required-for-carrier", str(required), "body")
        ], slug="tracking-number-required") from None
