"""Turn the errors FastAPI and Starlette raise into problem details.

Unexpected exceptions are not handled here: the request-context middleware answers them, because
Starlette sends `Exception` handlers to its outermost middleware, outside the one that adds the
request id header.
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

from oms_platform.http.problems import FieldError, Problem, problem_type

_LOCATIONS = frozenset({"body", "query", "path", "header", "cookie"})


def install_problem_handlers(app: FastAPI) -> None:
    app.add_exception_handler(Problem, _problem_handler)  # type: ignore[arg-type]
    app.add_exception_handler(RequestValidationError, _validation_handler)  # type: ignore[arg-type]
    app.add_exception_handler(StarletteHTTPException, _http_exception_handler)  # type: ignore[arg-type]


def respond_with_problem(request: Request, problem: Problem) -> Response:
    request_id = getattr(request.state, "request_id", None)
    return problem.to_response(instance=request.url.path, request_id=request_id)


async def _problem_handler(request: Request, exc: Problem) -> Response:
    return respond_with_problem(request, exc)


async def _validation_handler(request: Request, exc: RequestValidationError) -> Response:
    return respond_with_problem(request, validation_problem(exc.errors()))


async def _http_exception_handler(request: Request, exc: StarletteHTTPException) -> Response:
    phrase = HTTPStatus(exc.status_code).phrase
    # Starlette fills an empty detail with the status phrase, which would repeat the title.
    detail = None if exc.detail in (None, "", phrase) else str(exc.detail)
    return respond_with_problem(request, Problem(exc.status_code, detail, headers=exc.headers))


def validation_problem(errors: Sequence[Any]) -> Problem:
    """422 naming every invalid field, or 400 when the body is not JSON at all."""
    malformed = next((e for e in errors if e.get("type") == "json_invalid"), None)
    if malformed is not None:
        return _malformed_json(malformed)
    field_errors = [_field_error(error) for error in errors]
    count = len(field_errors)
    return Problem(
        422,
        f"The request has {count} invalid field{'s' if count != 1 else ''}.",
        title="The request is invalid",
        type=problem_type("validation-error"),
        errors=field_errors,
    )


def _malformed_json(error: Any) -> Problem:
    # FastAPI reports a JSON decode error at ("body", <character offset>).
    position = error["loc"][-1] if isinstance(error["loc"][-1], int) else None
    reason = error.get("ctx", {}).get("error", "invalid JSON")
    where = f" at position {position}" if position is not None else ""
    return Problem(
        400,
        f"The request body is not valid JSON: {reason}{where}.",
        title="The request body is not valid JSON",
        type=problem_type("malformed-json"),
        extensions={"position": position},
    )


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
