"""Tracking over HTTP: carrier webhooks and their code tables, manual checkpoints, the order
timeline (T1, T2)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Header, Path, Request, Response

from oms_platform.http import Conflict, FieldError, NotFound, UnprocessableContent, problem_responses
from oms_platform.http.batches import apply_each
from oms_platform.service import service_application
from services.tracking.application.service import TrackingApplication
from services.tracking.domain.carrier_codes import CARRIERS, code_table
from services.tracking.domain.carrier_events import CarrierEvent
from services.tracking.domain.checkpoints import Checkpoint, Source
from services.tracking.domain.errors import (
    NotACarrierCheckpoint,
    ShipmentAlreadyDelivered,
    UnknownCarrier,
    UnknownOrder,
    UnknownShipment,
    UnknownTrackingNumber,
    UnmappableCarrierEvent,
)
from services.tracking.domain.timeline import CarrierEventOutcome, Outcome
from services.tracking.entrypoints.code_tables import CARRIER_LIST_PATH, WEBHOOK_REFUSALS, carrier_code_description
from services.tracking.entrypoints.models import (
    CarrierCodesView,
    CarrierEventBatchIn,
    CarrierEventBatchItem,
    CarrierEventBatchResult,
    CarrierEventCodesView,
    CarrierEventIn,
    CarrierEventResult,
    CarrierList,
    CheckpointView,
    ManualCheckpointIn,
    ShipmentView,
    TimelineView,
    TrackingView,
)

router = APIRouter(tags=["tracking"])

Responses = dict[int | str, dict[str, Any]]  # FastAPI's `responses=`, as problem_responses() gives them
_DUPLICATE: Responses = {200: {"model": CarrierEventResult, "description": "The same event again; nothing changed"}}
_WEBHOOK_REFUSED: Responses = {422: {**problem_responses(422)[422], "description": WEBHOOK_REFUSALS}}
# Not an enum: an unknown carrier gets the unknown-carrier problem naming the known ones.
CarrierCode = Annotated[str, Path(max_length=32, description=carrier_code_description(), examples=list(CARRIERS))]


@router.get(CARRIER_LIST_PATH, response_model=CarrierList,
            summary="The carriers whose webhooks are understood, with each one's event codes")
def list_carriers() -> CarrierList:
    return CarrierList(carriers=[CarrierCodesView.of(table) for table in CARRIERS.values()])


@router.get(CARRIER_LIST_PATH + "/{carrier_code}/event-codes", response_model=CarrierEventCodesView,
            summary="One carrier's event codes and the checkpoint each records", responses=problem_responses(404))
def carrier_event_codes(carrier_code: CarrierCode) -> CarrierEventCodesView:
    try:
        table = code_table(carrier_code)
    except UnknownCarrier as error:
        missing = NotFound("carrier", carrier_code, str(error))
        missing.extensions["known_carriers"] = list(error.known_carriers)
        raise missing from None
    return CarrierEventCodesView.of(table)


@router.post(
    "/carriers/{carrier_code}/events", status_code=202, response_model=CarrierEventResult,
    summary="Receive a carrier's tracking event (webhook)",
    responses={**_DUPLICATE, **problem_responses(400, 404, 409), **_WEBHOOK_REFUSED},
)
def receive_carrier_event(carrier_code: CarrierCode, body: CarrierEventIn, request: Request,
                          response: Response) -> CarrierEventResult:
    report = _carrier_report(carrier_code, body, datetime.now(UTC))
    with _tracking_problems(unmatched_kept=True):
        outcome = _app(request).receive_carrier_event(report)
    return _result(outcome, response)


@router.post(
    "/carriers/{carrier_code}/events/batch", response_model=CarrierEventBatchResult,
    summary="Receive many carrier events at once; each gets the outcome it would have had alone",
    responses=problem_responses(400, 422),
)
def receive_carrier_events(carrier_code: CarrierCode, body: CarrierEventBatchIn,
                           request: Request) -> CarrierEventBatchResult:
    """All accepted events are recorded in one transaction (one commit for the batch). A refused
    event changes nothing and does not stop the others; its problem is the one it would have had
    alone (an unknown carrier or code included). When another writer changed one of the same
    timelines meanwhile, the batch is applied again event by event."""
    app = _app(request)
    received_at = datetime.now(UTC)

    def receive(event: CarrierEventIn) -> tuple[int, CarrierEventResult]:
        with _tracking_problems(unmatched_kept=True):
            outcome = app.receive_carrier_event(_carrier_report(carrier_code, event, received_at))
        return (200 if outcome.outcome is Outcome.DUPLICATE else 202), CarrierEventResult.of(outcome)

    outcomes = apply_each(app, body.events, receive, request, field_prefix="events")
    return CarrierEventBatchResult(results=[
        CarrierEventBatchItem(index=o.index, status=o.status, result=o.value, problem=o.problem) for o in outcomes
    ])


def _carrier_report(carrier_code: str, body: CarrierEventIn, received_at: datetime) -> CarrierEvent:
    return CarrierEvent(
        carrier_code=carrier_code, tracking_number=body.tracking_number, raw_code=body.event_code,
        description=body.description, occurred_at=body.occurred_at, place=body.location.to_place(),
        source=Source.CARRIER_WEBHOOK, received_at=received_at, raw_payload=body.model_dump_json(),
    )


@router.post(
    "/shipments/{shipment_id}/checkpoints", status_code=202, response_model=CarrierEventResult,
    summary="Enter a carrier checkpoint by hand (carriers without an API)",
    responses={**_DUPLICATE, **problem_responses(400, 404, 409, 422)},
)
def enter_checkpoint(
    shipment_id: Annotated[str, Path(max_length=64)], body: ManualCheckpointIn, request: Request, response: Response,
    x_actor: Annotated[str, Header(min_length=1, max_length=128, description="Who enters it (audited)")],
) -> CarrierEventResult:
    checkpoint = Checkpoint[body.checkpoint]
    report = CarrierEvent(
        carrier_code="", tracking_number="", raw_code=checkpoint.name, description=body.description,
        occurred_at=body.occurred_at, place=body.location.to_place(), source=Source.MANUAL,
        received_at=datetime.now(UTC), raw_payload=body.model_dump_json(), recorded_by=x_actor,
    )
    with _tracking_problems():
        outcome = _app(request).enter_checkpoint(shipment_id, report, checkpoint)
    return _result(outcome, response)


@router.get("/orders/{order_id}/timeline", response_model=TimelineView, responses=problem_responses(404))
def order_timeline(order_id: str, request: Request) -> TimelineView:
    with _tracking_problems():
        timeline = _app(request).timeline(order_id)
    return TimelineView(
        order_id=timeline.order_id,
        checkpoints=[CheckpointView.of(entry) for entry in timeline.ordered_entries()],
        shipments=[ShipmentView.of(shipment) for shipment in timeline.shipments.values()],
    )


@router.get("/tracking/{carrier_code}/{tracking_number}", response_model=TrackingView,
            responses=problem_responses(404))
def track_parcel(carrier_code: str, tracking_number: str, request: Request) -> TrackingView:
    with _tracking_problems():
        number, timeline = _app(request).shipment_lookup(carrier_code, tracking_number)
        shipment = timeline.shipment(number.shipment_id)
    return TrackingView(
        carrier_code=number.carrier_code, tracking_number=number.tracking_number,
        order_id=timeline.order_id, shipment=ShipmentView.of(shipment),
        checkpoints=[CheckpointView.of(entry) for entry in timeline.ordered_entries()
                     if entry.shipment_id == shipment.shipment_id],
    )


def _app(request: Request) -> TrackingApplication:
    return service_application(request, TrackingApplication)


def _result(outcome: CarrierEventOutcome, response: Response) -> CarrierEventResult:
    if outcome.outcome is Outcome.DUPLICATE:
        response.status_code = 200
    return CarrierEventResult.of(outcome)


@contextmanager
def _tracking_problems(*, unmatched_kept: bool = False) -> Iterator[None]:
    try:
        yield
    except UnknownCarrier as error:
        raise UnprocessableContent(str(error), [
            FieldError("carrier_code", "unknown-carrier", str(error), location="path"),
        ], slug="unknown-carrier", extensions={"known_carriers": list(error.known_carriers)}) from None
    except UnmappableCarrierEvent as error:
        raise UnprocessableContent(str(error), [
            FieldError("event_code", "unmappable-event-code", str(error), location="body"),
        ], slug="unmappable-carrier-event", extensions={
            "carrier_code": error.carrier_code, "valid_event_codes": list(error.valid_codes),
        }) from None
    except NotACarrierCheckpoint as error:
        raise UnprocessableContent(str(error), [
            FieldError("checkpoint", "not-a-carrier-checkpoint", str(error), location="body"),
        ]) from None
    except UnknownTrackingNumber as error:
        kept = (" The event is kept as unmatched and goes on the timeline when a shipment with this "
                "tracking number is dispatched." if unmatched_kept else "")
        raise NotFound("tracking number", f"{error.carrier_code}:{error.tracking_number}", f"{error}.{kept}") from None
    except UnknownShipment as error:
        raise NotFound("shipment", error.shipment_id, str(error)) from None
    except UnknownOrder as error:
        raise NotFound("order timeline", error.order_id) from None
    except ShipmentAlreadyDelivered as error:
        raise Conflict(str(error), slug="shipment-delivered") from None
