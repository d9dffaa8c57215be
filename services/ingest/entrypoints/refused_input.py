"""Input refused before it could be read as an order or update is kept like any other rejection.

FastAPI refuses a body with the wrong types, unknown fields or broken JSON before the endpoint
runs; left at that, a channel's malformed order would leave no trace an operator could find. The
intake routes use `KeptRefusalRoute`: such input is recorded as a rejection (reasons named by
field, the bytes as received) and published as `OrderRejected`, and the client gets the shell's
problem (422 `validation-error` or 400 `malformed-json`) with the `rejection_id` added. A body
that does not claim to be JSON at all (415) is a client protocol error, not an order: not kept.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine, Sequence
from typing import Any

from fastapi import Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute
from starlette.exceptions import HTTPException

from oms_platform.http import Problem
from oms_platform.http.exception_handlers import dotted_path, validation_problem
from oms_platform.http.request_body import body_problem, undecodable_body
from services.ingest.domain.delivery import HTTP, Delivery
from services.ingest.domain.rejection import ORDER, UPDATE
from services.ingest.domain.rejection_reasons import Reason, RejectionCode
from services.ingest.domain.reported_order import CHANNELS, ChannelOrderRef
from services.ingest.entrypoints.order_forms import CHANNEL_ALIASES as _CHANNEL_ALIASES

JSON = "application/json"
# What a channel order's identity may be read from, when the rest of the body is not valid.
_MAX_ID = 128

_CODES = {
    "missing": RejectionCode.REQUIRED_FIELD_MISSING,
    "string_too_long": RejectionCode.VALUE_REFUSED,
    "json_invalid": RejectionCode.UNDECODABLE_PAYLOAD,
}


class KeptRefusalRoute(APIRoute):
    """An APIRoute whose unreadable request bodies are kept as rejections (see the module)."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handle = super().get_route_handler()

        async def handle_keeping_refusals(request: Request) -> Response:
            try:
                return await handle(request)
            except RequestValidationError as invalid:
                errors = invalid.errors()
                problem = body_problem(errors, invalid.body, request.headers) or validation_problem(errors)
                raise await _kept(request, problem, invalid.body, _reasons(errors)) from None
            except HTTPException as error:
                undecodable = undecodable_body(error.__cause__) if error.status_code == 400 else None
                if undecodable is None:
                    raise
                reason = Reason("", RejectionCode.UNDECODABLE_PAYLOAD, undecodable.detail or "not JSON")
                raise await _kept(request, undecodable, None, [reason]) from None

        return handle_keeping_refusals


async def _kept(request: Request, problem: Problem, document: Any, reasons: Sequence[Reason]) -> Problem:
    runtime = getattr(request.app.state, "runtime", None)  # None: the routes in a bare shell, no store
    if problem.status not in (400, 422) or not reasons or runtime is None:
        return problem  # 415 and the like: not an order at all
    subject, ref, update_id = _what_it_was(request, document)
    delivery = Delivery(HTTP, "", await request.body(), request.headers.get("content-type", JSON))
    # A store that cannot keep it raises here: the client gets 503 and sends it again, rather
    # than a 422 for input nobody could find afterwards.
    rejection = await runtime.app.submit_unreadable(subject, ref, update_id, tuple(reasons), delivery)
    problem.extensions = {**problem.extensions, "rejection_id": rejection.rejection_id}
    if problem.detail:
        problem.detail = f"{problem.detail} It is kept as rejection {rejection.rejection_id}."
    return problem


def _what_it_was(request: Request, document: Any) -> tuple[str, ChannelOrderRef, str]:
    """The subject and the channel order, as far as the request tells them."""
    body = document if isinstance(document, dict) else {}
    params = request.path_params
    if "channel_order_id" in params:  # an update: the path names its order
        ref = ChannelOrderRef("", params.get("channel_account", ""), params["channel_order_id"])
        return UPDATE, ref, _text(body.get("update_id"))
    channel = _text(body.get("channel"))
    channel = _CHANNEL_ALIASES.get(channel, channel)
    ref = ChannelOrderRef(channel if channel in CHANNELS else "", _text(body.get("channel_account")),
                          _text(body.get("channel_order_id")))
    return ORDER, ref, ""


def _reasons(errors: Sequence[Any]) -> list[Reason]:
    """Pydantic's findings in the body as rejection reasons (other locations are not the input)."""
    reasons = []
    for error in errors:
        loc = tuple(error.get("loc", ()))
        if not loc or loc[0] != "body":
            continue
        code = _CODES.get(str(error.get("type")), RejectionCode.INVALID_FORMAT)
        reasons.append(Reason(dotted_path(loc[1:]), code, str(error.get("msg", "invalid value"))))
    return reasons


def _text(value: Any) -> str:
    return value.strip()[:_MAX_ID] if isinstance(value, str) else ""
