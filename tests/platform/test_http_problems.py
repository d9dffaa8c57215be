"""One problem type per kind of bad request body, the same on every JSON endpoint of every service.

Wrong or missing Content-Type: 415 `unsupported-media-type`. A body that cannot be decoded
(syntax, not UTF-8, nested too deeply, empty where required): 400 `malformed-json`. JSON that does
not fit: 422 `validation-error` naming each field.
"""

from __future__ import annotations

import importlib
import re

import httpx
import pytest
from fastapi import APIRouter, FastAPI
from pydantic import BaseModel

from oms_dev.devstack import SERVICE_PORTS
from oms_platform.http import PROBLEM_MEDIA_TYPE, create_http_app, problem_type
from oms_platform.http.problems import SHELL_PROBLEMS
from oms_platform.metrics import ServiceMetrics

GOOD = b'{"sku": "TEA-LJ-250", "quantity": 2}'
# Deeper than the JSON decoder's recursion limit wherever it runs.
TOO_DEEP_ARRAYS = b"[" * 100_000 + b"]" * 100_000
TOO_DEEP_OBJECTS = b'{"a":' * 100_000 + b"1" + b"}" * 100_000


class OrderLine(BaseModel):
    sku: str
    quantity: int


def lines_app() -> FastAPI:
    router = APIRouter()

    @router.post("/lines")
    async def add_line(line: OrderLine) -> dict[str, str]:
        return {"sku": line.sku}

    @router.post("/lines/sync")
    def add_line_in_threadpool(line: OrderLine) -> dict[str, str]:
        return {"sku": line.sku}

    @router.post("/lines/{sku}/cancel")
    async def cancel_line(sku: str) -> dict[str, str]:  # no body: a Content-Type is not its concern
        return {"sku": sku}

    return create_http_app(service="order", version="1", metrics=ServiceMetrics("order"), routers=[router])


async def post(app: FastAPI, path: str, body: bytes, content_type: str | None) -> httpx.Response:
    headers = {"content-type": content_type} if content_type is not None else {}
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://oms.test") as client:
        return await client.post(path, content=body, headers=headers)


def problem_of(response: httpx.Response) -> dict:
    assert response.headers["content-type"] == PROBLEM_MEDIA_TYPE, response.text
    problem = response.json()
    assert problem["status"] == response.status_code
    assert problem["request_id"] == response.headers["x-request-id"]
    return problem


@pytest.mark.parametrize("path", ["/lines", "/lines/sync"])
@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded", "application/xml", None])
async def test_a_body_not_sent_as_json_is_415_naming_the_accepted_type(path, content_type) -> None:
    body = b"<line sku='A'/>" if content_type == "application/xml" else GOOD

    response = await post(lines_app(), path, body, content_type)

    assert response.status_code == 415
    problem = problem_of(response)
    assert problem["type"] == problem_type("unsupported-media-type")
    assert "application/json" in problem["detail"]
    assert problem["accepted_media_types"] == ["application/json", "application/*+json"]
    assert "errors" not in problem


@pytest.mark.parametrize("content_type", [
    "application/json", "application/json; charset=utf-8", "Application/JSON", "application/vnd.oms.line+json",
])
async def test_json_media_types_with_parameters_are_accepted(content_type) -> None:
    response = await post(lines_app(), "/lines", GOOD, content_type)

    assert (response.status_code, response.json()) == (200, {"sku": "TEA-LJ-250"})


async def test_an_operation_without_a_body_ignores_the_content_type() -> None:
    response = await post(lines_app(), "/lines/TEA/cancel", b"whatever", "text/plain")

    assert response.status_code == 200


@pytest.mark.parametrize("path", ["/lines", "/lines/sync"])
@pytest.mark.parametrize(("body", "content_type", "in_detail", "position"), [
    (b'{"sku": "A", "quantity": }', "application/json", "Expecting value", 25),
    (b'{"sku": "caf\xe9", "quantity": 1}', "application/json", "not utf-8", 12),
    (TOO_DEEP_ARRAYS, "application/json", "nested too deeply", None),
    (TOO_DEEP_OBJECTS, "application/json; charset=utf-8", "nested too deeply", None),
    (b"", "application/json", "empty", None),
    (b"", None, "empty", None),
], ids=["syntax", "not-utf-8", "deep-arrays", "deep-objects", "empty", "empty-no-content-type"])
async def test_every_undecodable_body_is_400_malformed_json(path, body, content_type, in_detail, position) -> None:
    response = await post(lines_app(), path, body, content_type)

    assert response.status_code == 400
    problem = problem_of(response)
    assert problem["type"] == problem_type("malformed-json")
    assert in_detail in problem["detail"]
    assert problem["position"] == position


@pytest.mark.parametrize("path", ["/lines", "/lines/sync"])
async def test_an_empty_chunked_body_is_400_malformed_json(path) -> None:
    # No Content-Length to tell that the body is empty: Transfer-Encoding: chunked, no chunk.
    async def no_chunk():
        yield b""

    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=lines_app()), base_url="http://oms.test") as client:
        response = await client.post(path, content=no_chunk(), headers={"content-type": "application/json"})

    assert response.request.headers["transfer-encoding"] == "chunked"
    assert response.status_code == 400
    assert problem_of(response)["type"] == problem_type("malformed-json")


async def test_json_that_does_not_fit_is_422_naming_each_field() -> None:
    response = await post(lines_app(), "/lines", b'{"quantity": "two"}', "application/json")

    assert response.status_code == 422
    problem = problem_of(response)
    assert problem["type"] == problem_type("validation-error")
    assert {(e["field"], e["code"]) for e in problem["errors"]} == {("sku", "missing"), ("quantity", "int_parsing")}


async def test_a_json_null_is_a_document_that_does_not_fit_not_an_empty_body() -> None:
    response = await post(lines_app(), "/lines", b"null", "application/json")

    assert response.status_code == 422
    assert problem_of(response)["type"] == problem_type("validation-error")


def service_app(name: str) -> FastAPI:
    """The service's routers in the shell, without its store or Kafka: bodies fail before either."""
    definition = importlib.import_module(f"services.{name}.bootstrap").definition()
    return create_http_app(service=name, version="1", metrics=ServiceMetrics(name), routers=definition.routers)


def json_body_operations(app: FastAPI) -> list[tuple[str, str, dict]]:
    """(method, a concrete path, the OpenAPI operation) for every operation that takes a body."""
    return [(method.upper(), re.sub(r"\{[^}]+\}", "x", path), operation)
            for path, item in app.openapi()["paths"].items()
            for method, operation in item.items() if "requestBody" in operation]


BAD_BODIES = [  # what is sent, what comes back whatever the operation
    (GOOD, "text/plain", 415, "unsupported-media-type"),
    (GOOD, None, 415, "unsupported-media-type"),
    (b'{"a": "\xff"}', "application/json", 400, "malformed-json"),
    (TOO_DEEP_ARRAYS, "application/json", 400, "malformed-json"),
    (b'{"a": ', "application/json", 400, "malformed-json"),
]


@pytest.mark.parametrize("service", list(SERVICE_PORTS))
async def test_every_json_operation_of_every_service_answers_bad_bodies_alike(service) -> None:
    app = service_app(service)
    operations = json_body_operations(app)
    assert operations or service == "ledger", f"{service} has no JSON body operation"

    for method, path, operation in operations:
        for body, content_type, status, slug in BAD_BODIES:
            headers = {"content-type": content_type} if content_type else {}
            async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as client:
                response = await client.request(method, path, content=body, headers=headers)
            assert (response.status_code, response.json()["type"]) == (status, problem_type(slug)), \
                f"{method} {path} with {content_type}: {response.text[:300]}"
        if operation["requestBody"].get("required"):
            async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as client:
                response = await client.request(method, path, headers={"content-type": "application/json"})
            assert response.json()["type"] == problem_type("malformed-json"), f"{method} {path}: {response.text}"


@pytest.mark.parametrize("service", list(SERVICE_PORTS))
def test_every_service_documents_the_problems_of_the_shell(service) -> None:
    schema = service_app(service).openapi()

    for path, item in schema["paths"].items():
        for method, operation in item.items():
            documented = set(operation["responses"])
            if "operations" in operation.get("tags", ()):
                continue
            expected = {"500", "503"} | ({"400", "415", "422"} if "requestBody" in operation else set())
            assert expected <= documented, f"{method} {path} documents {sorted(documented)}"
            assert "Retry-After" in operation["responses"]["503"].get("headers", {}), f"{method} {path}"
    catalogue = schema["components"]["schemas"]["ProblemDetails"]["description"]
    assert all(kind.type in catalogue for kind in SHELL_PROBLEMS)
