"""Turn the errors FastAPI, Starlette and the stores raise into problem details.

Handlers registered here run in Starlette's ExceptionMiddleware, inside the request-context
middleware, for async endpoints and for sync ones alike (an exception in the threadpool is
re-raised in the request's task). Unexpected exceptions are not handled here: the request-context
middleware answers them, because Starlette sends `Exception` handlers to its outermost middleware,
outside the one that adds the request id header.
"""

from __future__ import annotations

from collections.abc import Sequence
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import Request
from starlette.responses import Response

from oms_platform.http.problems import VALIDATION_ERROR, FieldError, Problem
from oms_platform.http.request_body import body_problem, malformed_json, undecodable_body
from oms_platform.http.store_errors import STORE_ERRORS, store_problem
from oms_platform.logging import get_logger

_LOCATIONS = frozenset({"body", "query", "path", "header", "cookie"})
_log = get_logger("oms.http")


def install_problem_handlers(app: FastAPI) -> None:
    app.add_exception_handler(Problem, _problem_handler)  # type: ignore[arg-type]
    app.add_exception_handler(RequestValidationError, _validation_handler)  # type: ignore[arg-type]
    app.add_exception_handler(StarletteHTTPException, _http_exception_handler)  # type: ignore[arg-type]
    for store_error in STORE_ERRORS:
        app.add_exception_handler(store_error, _store_error_handler)  # type: ignore[arg-type]


def respond_with_problem(request: Request, problem: Problem) -> Response:
    request_id = getattr(request.state, "request_id", None)
    return problem.to_response(instance=request.url.path, request_id=request_id)


async def _problem_handler(request: Request, exc: Problem) -> Response:
    return respond_with_problem(request, exc)


async def _validation_handler(request: Request, exc: RequestValidationError) -> Response:
    # The media type and the JSON come first: naming fields of a body never read would mislead.
    errors = exc.errors()
    problem = body_problem(errors, exc.body, request.headers) or validation_problem(errors)
    return respond_with_problem(request, problem)


async def _http_exception_handler(request: Request, exc: StarletteHTTPException) -> Response:
    # FastAPI raises a plain 400 from the decoding error when the body is not UTF-8 or too deep.
    undecodable = undecodable_body(exc.__cause__) if exc.status_code == 400 else None
    if undecodable is not None:
        return respond_with_problem(request, undecodable)
    phrase = HTTPStatus(exc.status_code).phrase
    # Starlette fills an empty detail with the status phrase, which would repeat the title.
    detail = None if exc.detail in (None, "", phrase) else str(exc.detail)
    return respond_with_problem(request, Problem(exc.status_code, detail, headers=exc.headers))


async def _store_error_handler(request: Request, exc: Exception) -> Response:
    problem = store_problem(exc)
    if problem is None:  # registered for store errors only; anything else is the middleware's 500
        raise exc
    # The one log line of this failure; the client's body says only that it may retry.
    _log.error("store error answered with 503", problem=problem.type, method=request.method,
               path=request.url.path, exc_info=exc)
    return respond_with_problem(request, problem)


def validation_problem(errors: Sequence[Any]) -> Problem:
    """422 naming every invalid field, or 400 when the body is not JSON at all."""
    malformed = next((e for e in errors if e.get("type") == "json_invalid"), None)
    if malformed is not None:
        return _malformed_json(malformed)
    field_errors = [_field_error(error) for error in errors]
    count = len(field_errors)
    return Problem(
        VALIDATION_ERROR.status,
        f"The request has {count} invalid field{'s' if count != 1 else ''}.",
        title=VALIDATION_ERROR.title,
        type=VALIDATION_ERROR.type,
        errors=field_errors,
    )


def _malformed_json(error: Any) -> Problem:
    # FastAPI reports a JSON decode error at ("body", <character offset>).
    position = error["loc"][-1] if isinstance(error["loc"][-1], int) else None
    return malformed_json(error.get("ctx", {}).get("error", "invalid JSON"), position)


def _field_error(error: Any) -> FieldError:
    location, path = _split_location(tuple(error.get("loc", ())))
    return FieldError(
        field=dotted_path(path),
        code=str(error.get("type", "invalid")),
        message=str(error.get("msg", "Invalid value")),
        location=location,
    )


def _split_location(loc: tuple[Any, ...]) -> tuple[str | None, tuple[Any, ...]]:
    if loc and loc[0] in _LOCATIONS:
        return loc[0], loc[1:]
    return None, loc


def dotted_path(parts: Sequence[str | int]) -> str:
    """("lines", 0, "quantity") -> "lines[0].quantity"; () -> "" (the input as a whole)."""
    path = ""
    for part in parts:
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            path += f".{part}" if path else str(part)
    return path
