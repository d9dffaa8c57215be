"""Problem responses in the published OpenAPI document.

Routers declare the problems they can answer with `responses=problem_responses(404, 409)` (or
the whole `PROBLEM_RESPONSES`). Those point at `#/components/schemas/ProblemDetails` under
`application/problem+json`; `document_problems` adds that schema to the app's document and
replaces FastAPI's own 422 (`HTTPValidationError`, which this shell never sends).
"""

from __future__ import annotations

import json
from typing import Any

from fastapi import FastAPI
from pydantic import BaseModel, ConfigDict

from oms_platform.http.problems import ABOUT_BLANK, PROBLEM_MEDIA_TYPE, FieldError

_SCHEMA_REF = "#/components/schemas/ProblemDetails"
_DESCRIPTIONS = {
    400: "Malformed request (the body is not valid JSON)",
    404: "The resource does not exist",
    409: "The resource's state does not allow the command",
    422: "Invalid fields; `errors` names each one",
    500: "Unexpected error; quote `request_id` when reporting it",
}


class ProblemDetails(BaseModel):
    """RFC 9457 problem details, with the members every OMS problem carries."""

    model_config = ConfigDict(extra="allow")

    type: str = ABOUT_BLANK
    title: str
    status: int
    detail: str | None = None
    instance: str
    request_id: str
    errors: list[FieldError] | None = None


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """`responses=` entries for these statuses (all documented ones if none are given)."""
    return {
        status: {
            "description": _DESCRIPTIONS.get(status, "Problem"),
            "content": {PROBLEM_MEDIA_TYPE: {"schema": {"$ref": _SCHEMA_REF}}},
        }
        for status in statuses or tuple(_DESCRIPTIONS)
    }


PROBLEM_RESPONSES = problem_responses()


def document_problems(app: FastAPI) -> None:
    """Make `app.openapi()` include the problem schema and the real 422."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = FastAPI.openapi(app)  # builds and caches app.openapi_schema
            _add_problem_schemas(schema)
            _replace_default_422(schema)
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
