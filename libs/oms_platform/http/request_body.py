"""What is wrong with a JSON request body that never reached validation.

FastAPI reads the body of an operation that declares one and answers three ways on its own:
- a Content-Type other than `application/json` / `application/*+json` (or none): the body is left
  as bytes, which then fails validation of the whole body -> here 415 `unsupported-media-type`;
- a JSON syntax error: a `json_invalid` validation error -> 400 `malformed-json`;
- any other decoding failure (bytes that are not UTF-8, nesting deeper than the parser's recursion
  limit): `HTTPException(400, "There was an error parsing the body")` raised *from* the decoding
  error -> here 400 `malformed-json` too, recognised by that cause.
An empty body where one is required fails validation as a missing body -> 400 `malformed-json`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from starlette.datastructures import Headers

from oms_platform.http.problems import MALFORMED_JSON, UNSUPPORTED_MEDIA_TYPE, Problem

ACCEPTED_MEDIA_TYPES = ("application/json", "application/*+json")
# Echoed to the client in the detail; a header value can be long.
_MAX_ECHOED = 100


def in_body(error: Any) -> bool:
    loc = error.get("loc", ())
    return bool(loc) and loc[0] == "body"


def body_problem(errors: Sequence[Any], body: Any, headers: Headers) -> Problem | None:
    """415 or 400 when the body could not be read as JSON at all; None when it could.

    `body` is what FastAPI handed to validation: bytes when the Content-Type was not JSON, None
    when there was no body (or JSON `null`), else the decoded document.
    """
    if not any(in_body(error) for error in errors):
        return None
    if isinstance(body, bytes | bytearray):
        return unsupported_media_type(headers.get("content-type"))
    if body is None and (announces_no_body(headers) or any(_whole_body_missing(error) for error in errors)):
        return malformed_json("it is empty; this operation needs a JSON document")
    return None


def _whole_body_missing(error: Any) -> bool:
    # FastAPI's error for no body at all (JSON `null` fails as the wrong type instead); an
    # operation with several body parameters reports each one missing, so the headers decide.
    return error.get("type") == "missing" and tuple(error.get("loc", ())) == ("body",)


def announces_no_body(headers: Headers) -> bool:
    # HTTP/1.1: a request has a body only if it says so with Content-Length or Transfer-Encoding.
    return "transfer-encoding" not in headers and headers.get("content-length", "0").strip() == "0"


def unsupported_media_type(content_type: str | None) -> Problem:
    sent = f"as {content_type[:_MAX_ECHOED]!r}" if content_type else "without a Content-Type"
    return UNSUPPORTED_MEDIA_TYPE.problem(
        f"The request body was sent {sent}; send it as application/json"
        " (application/*+json and a charset parameter are accepted).",
        extensions={"accepted_media_types": list(ACCEPTED_MEDIA_TYPES)},
    )


def malformed_json(reason: str, position: int | None = None) -> Problem:
    """`position` is the character offset of the fault, when there is one."""
    where = f" at position {position}" if position is not None else ""
    return MALFORMED_JSON.problem(
        f"The request body is not valid JSON: {reason}{where}.", extensions={"position": position}
    )


def undecodable_body(cause: BaseException | None) -> Problem | None:
    """The problem for FastAPI's 400 `HTTPException` raised from a body decoding error, if it is one."""
    if isinstance(cause, UnicodeDecodeError):
        return malformed_json(f"the bytes are not {cause.encoding} ({cause.reason})", _character_offset(cause))
    if isinstance(cause, RecursionError):
        return malformed_json("it is nested too deeply")
    if isinstance(cause, ValueError):  # any other complaint of the JSON decoder
        return malformed_json(str(cause) or type(cause).__name__)
    return None


def _character_offset(error: UnicodeDecodeError) -> int:
    # The decoder reports a byte offset; the `position` of a syntax error counts characters.
    return len(bytes(error.object[: error.start]).decode(error.encoding, errors="replace"))
