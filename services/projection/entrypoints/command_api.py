"""Operator commands from the dashboard (`/api/commands`), sent on to the owning service.

Order commands go to the order service (`POST /orders/{id}/cancel|approve|hold|release`),
shipment commands to fulfillment (`POST /shipments/{id}/start-picking|pick|pack|dispatch`). The JSON body and
`X-Actor` travel unchanged, the request's correlation id goes along, and the service's status and
body come back as they are. Nothing changes in the views until the service's events arrive.
"""

from __future__ import annotations

import json
from enum import Enum
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Body, Header, Request
from starlette.responses import Response

from oms_platform.http import CORRELATION_ID_HEADER, Problem, problem_responses, problem_type
from services.projection.adapters.service_commands import ServiceUnreachable

router = APIRouter(prefix="/api/commands", tags=["operator commands"])

_ANSWERS = {
    200: {"description": "The owning service accepted the command; its answer, unchanged"},
    **problem_responses(404, 409, 422),
    502: {**problem_responses(500)[500], "description": "The owning service did not answer"},
}


class OrderCommand(str, Enum):
    cancel = "cancel"
    approve = "approve"
    hold = "hold"
    release = "release"


class ShipmentCommand(str, Enum):
    start_picking = "start-picking"
    pick = "pick"
    pack = "pack"
    dispatch = "dispatch"


CommandBody = Annotated[dict[str, Any] | None, Body(description="Sent on unchanged; the owning service defines it")]
Actor = Annotated[str | None, Header(alias="X-Actor", description="Who gives the command; sent on unchanged")]


@router.post("/orders/{order_id}/{command}", responses=_ANSWERS, summary="Send an order command to the order service")
async def command_order(request: Request, order_id: str, command: OrderCommand, body: CommandBody = None,
                        x_actor: Actor = None) -> Response:
    return await _send(request, "order", f"/orders/{quote(order_id, safe='')}/{command.value}", body, x_actor)


@router.post("/shipments/{shipment_id}/{command}", responses=_ANSWERS,
             summary="Send a shipment command to the fulfillment service")
async def command_shipment(request: Request, shipment_id: str, command: ShipmentCommand, body: CommandBody = None,
                           x_actor: Actor = None) -> Response:
    return await _send(request, "fulfillment", f"/shipments/{quote(shipment_id, safe='')}/{command.value}", body,
                       x_actor)


async def _send(request: Request, service: str, path: str, body: dict[str, Any] | None, actor: str | None) -> Response:
    headers = {CORRELATION_ID_HEADER: request.state.correlation_id}
    if actor:
        headers["X-Actor"] = actor
    try:
        answer = await request.app.state.commands.send(service, path, json.dumps(body or {}).encode(), headers)
    except ServiceUnreachable as error:
        raise Problem(502, str(error), title="The owning service did not answer",
                      type=problem_type("service-unreachable"), extensions={"service": error.service}) from None
    return Response(answer.body, status_code=answer.status, media_type=answer.content_type)
