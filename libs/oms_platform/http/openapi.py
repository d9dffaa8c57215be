"""Problem responses in the published OpenAPI document.

Routers declare the problems they can answer with `responses=problem_responses(404, 409)` (or
the whole `PROBLEM_RESPONSES`). Those point at `#/components/schemas/ProblemDetails` under
`application/problem+json`; `document_problems` adds that schema to the app's document (its
description lists the problem types of the shell), replaces FastAPI's own 422
(`HTTPValidationError`, which this shell never sends), and adds to every operation the problems
the shell may answer it with whatever the route declares: 400, 415 and 422 where there is a
request body, 500 and 503 everywhere.
"""

from __future__ import annotations

import json
from typing import Any

from fastapi import FastAPI
from pydantic import BaseModel, ConfigDict, Field

from oms_platform.http.problems import (
    ABOUT_BLANK,
    PROBLEM_MEDIA_TYPE,
    SHELL_PROBLEMS,
    FieldError,
    ProblemKind,
)

_SCHEMA_REF = "#/components/schemas/ProblemDetails"
# Tagged so by the operations router: probes answer their own way (readiness has its own 503).
_OPERATIONS_TAG = "operations"
_BODY_STATUSES = (400, 415, 422)
_ANY_OPERATION_STATUSES = (500, 503)
_RETRY_AFTER = {"description": "Seconds to wait before sending the request again",
                "schema": {"type": "integer"}}


def _describe(status: int) -> str:
    return " Or: ".join(f"`{kind.slug}`: {kind.meaning}" for kind in SHELL_PROBLEMS if kind.status == status)


def _catalogue(kinds: tuple[ProblemKind, ...]) -> str:
    rows = "\n".join(f"| {kind.status} | `{kind.type}` | {kind.meaning} |" for kind in kinds)
    return ("RFC 9457 problem details. Clients branch on `type`. The types every service answers with:"
            f"\n\n| status | type | when |\n|---|---|---|\n{rows}\n\n`about:blank` when the status says"
            " it all (an unknown route: 404; a wrong method: 405). The service's own types are named"
            " on its operations.")


_DESCRIPTIONS = {
    400: _describe(400),
    404: "The resource does not exist",
    409: "The resource's state does not allow the command",
    415: _describe(415),
    422: _describe(422) + " Or a service's own rule, with its own `type`.",
    500: _describe(500),
    503: _describe(503),
}


class ProblemDetails(BaseModel):
    __doc__ = _catalogue(SHELL_PROBLEMS)

    model_config = ConfigDict(extra="allow")

    type: str = Field(ABOUT_BLANK, description="The problem type URI: what clients branch on")
    title: str
    status: int
    detail: str | None = None
    instance: str
    request_id: str
    errors: list[FieldError] | None = None


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """`responses=` entries for these statuses (all documented ones if none are given)."""
    return {status: _problem_response(status) for status in statuses or tuple(_DESCRIPTIONS)}


def _problem_response(status: int) -> dict[str, Any]:
    response: dict[str, Any] = {
        "description": _DESCRIPTIONS.get(status, "Problem"),
        "content": {PROBLEM_MEDIA_TYPE: {"schema": {"$ref": _SCHEMA_REF}}},
    }
    if status == 503:
        response["headers"] = {"Retry-After": _RETRY_AFTER}
    return response


PROBLEM_RESPONSES = problem_responses()


def document_problems(app: FastAPI) -> None:
    """Make `app.openapi()` include the problem schema and the real 422."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = FastAPI.openapi(app)  # builds and caches app.openapi_schema
            _add_problem_schemas(schema)
            _replace_default_422(schema)
            _add_shell_problems(schema)
        assert app.openapi_schema is not None
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def _add_problem_schemas(schema: dict[str, Any]) -> None:
    problem_schema = ProblemDetails.model_json_schema(ref_template="#/components/schemas/{model}")
    definitions = problem_schema.pop("$defs", {})
    schemas = schema.setdefault("components", {}).setdefault("schemas", {})
    schemas.update(definitions)
    schemas["ProblemDetails"] = problem_schema


def _replace_default_422(schema: dict[str, Any]) -> None:
    for path_item in schema.get("paths", {}).values():
        for operation in path_item.values():
            responses = operation.get("responses", {})
            if "HTTPValidationError" in json.dumps(responses.get("422", {})):
                responses["422"] = problem_responses(422)[422]
    schemas = schema.get("components", {}).get("schemas", {})
    for name in ("HTTPValidationError", "ValidationError"):
        if f"#/components/schemas/{name}" not in json.dumps(schema):
            schemas.pop(name, None)


def _add_shell_problems(schema: dict[str, Any]) -> None:
    for path_item in schema.get("paths", {}).values():
        for operation in path_item.values():
            if not isinstance(operation, dict) or _OPERATIONS_TAG in operation.get("tags", ()):
                continue
            responses = operation.setdefault("responses", {})
            statuses = (_BODY_STATUSES if "requestBody" in operation else ()) + _ANY_OPERATION_STATUSES
            for status in statuses:
                responses.setdefault(str(status), _problem_response(status))
            operation["responses"] = dict(sorted(responses.items(), key=lambda item: str(item[0])))
