"""RFC 9457 problem details: the one shape every OMS error response has.

Type URIs: `about:blank` when the status code says it all (an unknown route, a wrong method);
otherwise `https://oms.example/problems/<slug>`, where the slug is stable and kebab-case
(`validation-error`, `not-found`, `conflict`, `order-not-packed`, ...). Clients branch on `type`,
never on `title` or `detail`, which are for people. The types the shell itself answers with, the
same in every service, are the `ProblemKind`s of `SHELL_PROBLEMS`; the OpenAPI document lists them.

Every body also has `instance` (the request path) and `request_id` (the X-Request-ID of the
response), so a report from a client leads straight to the log lines of that request.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from http import HTTPStatus
from typing import Any

from starlette.responses import JSONResponse

PROBLEM_MEDIA_TYPE = "application/problem+json"
ABOUT_BLANK = "about:blank"
PROBLEM_TYPE_BASE = "https://oms.example/problems/"

_MEMBERS = frozenset({"type", "title", "status", "detail", "instance", "request_id", "errors"})


def problem_type(slug: str) -> str:
    return PROBLEM_TYPE_BASE + slug


@dataclass(frozen=True)
class FieldError:
    """One invalid input. `field` is a dotted path ("customer.phone", "lines[0].quantity");
    "" is the input as a whole. `location` says where it came from: body, query, path, header."""

    field: str
    code: str
    message: str
    location: str | None = None

    def to_dict(self) -> dict[str, str]:
        return {key: value for key, value in asdict(self).items() if value is not None}


class Problem(Exception):
    """An error meant for the client; raise it anywhere while handling a request."""

    def __init__(
        self,
        status: int,
        detail: str | None = None,
        *,
        title: str | None = None,
        type: str = ABOUT_BLANK,  # noqa: A002 - the RFC 9457 member name
        errors: Sequence[FieldError] = (),
        extensions: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        clashes = _MEMBERS.intersection(extensions or {})
        if clashes:
            raise ValueError(f"problem extensions may not redefine {sorted(clashes)}")
        self.status = status
        self.title = title or HTTPStatus(status).phrase
        self.detail = detail
        self.type = type
        self.errors = list(errors)
        self.extensions = dict(extensions or {})
        self.headers = dict(headers or {})
        super().__init__(detail or self.title)

    def to_dict(self, *, instance: str, request_id: str | None) -> dict[str, Any]:
        body: dict[str, Any] = {"type": self.type, "title": self.title, "status": self.status}
        if self.detail is not None:
            body["detail"] = self.detail
        body["instance"] = instance
        body["request_id"] = request_id
        if self.errors:
            body["errors"] = [error.to_dict() for error in self.errors]
        return {**body, **self.extensions}

    def to_response(self, *, instance: str, request_id: str | None) -> JSONResponse:
        return JSONResponse(
            self.to_dict(instance=instance, request_id=request_id),
            status_code=self.status,
            headers=self.headers,
            media_type=PROBLEM_MEDIA_TYPE,
        )


class NotFound(Problem):
    """404: the resource the path names does not exist."""

    def __init__(self, resource: str, identifier: str, detail: str | None = None) -> None:
        super().__init__(
            404,
            detail or f"{resource} {identifier!r} was not found",
            title="Resource not found",
            type=problem_type("not-found"),
            extensions={"resource": resource, "resource_id": identifier},
        )


class Conflict(Problem):
    """409: the resource exists but its state does not allow the command (ship before pack).

    Give a `slug` of its own to a conflict clients must tell apart (`order-not-packed`).
    """

    def __init__(
        self,
        detail: str,
        *,
        slug: str = "conflict",
        title: str = "The resource's state does not allow this",
        extensions: Mapping[str, Any] | None = None,
    ) -> None:
        super().__init__(409, detail, title=title, type=problem_type(slug), extensions=extensions)


class UnprocessableContent(Problem):
    """422: well-formed input that breaks a business rule; `errors` names the fields at fault."""

    def __init__(
        self,
        detail: str,
        errors: Sequence[FieldError] = (),
        *,
        slug: str = "business-rule-violation",
        title: str = "The request breaks a business rule",
        extensions: Mapping[str, Any] | None = None,
    ) -> None:
        super().__init__(
            422, detail, title=title, type=problem_type(slug), errors=errors, extensions=extensions
        )


@dataclass(frozen=True)
class ProblemKind:
    """A problem type the shell itself answers with, the same in every service."""

    slug: str
    status: int
    title: str
    meaning: str  # when a client gets it: goes into the OpenAPI document and the README

    @property
    def type(self) -> str:
        return problem_type(self.slug)

    def problem(self, detail: str, *, extensions: Mapping[str, Any] | None = None,
                headers: Mapping[str, str] | None = None) -> Problem:
        return Problem(self.status, detail, title=self.title, type=self.type,
                       extensions=extensions, headers=headers)


MALFORMED_JSON = ProblemKind(
    "malformed-json", 400, "The request body is not valid JSON",
    "The body cannot be decoded: a JSON syntax error (`position` says where), bytes that are not"
    " UTF-8, nesting deeper than the parser allows, or no body where the operation needs one.")
UNSUPPORTED_MEDIA_TYPE = ProblemKind(
    "unsupported-media-type", 415, "Unsupported media type",
    "The body is not sent as `application/json` (wrong or missing Content-Type);"
    " `application/*+json` and a charset parameter are accepted.")
VALIDATION_ERROR = ProblemKind(
    "validation-error", 422, "The request is invalid",
    "Well-formed JSON, query or path values that do not fit the operation; `errors` names each field.")
STORE_UNAVAILABLE = ProblemKind(
    "store-unavailable", 503, "The store is unavailable",
    "The service's store refused or did not answer (disk or connection error, no free connection);"
    " nothing was recorded. Retry after `Retry-After` seconds.")
WRITE_CONFLICT = ProblemKind(
    "write-conflict", 503, "Concurrent writes kept conflicting",
    "Other writers kept changing the same records while the command was retried; nothing was"
    " recorded. Retry after `Retry-After` seconds.")
INTERNAL_ERROR = ProblemKind(
    "internal-error", 500, "Internal server error",
    "An unexpected error; the log has the cause under the response's `request_id`.")

# Authentication and authorization (oms_platform.auth): answered by the routes that require a
# permission, so they are documented on those routes rather than on every operation.
UNAUTHORIZED = ProblemKind(
    "unauthorized", 401, "Authentication required",
    "No credentials, or credentials that are not valid (expired, wrong issuer or audience, bad"
    " signature, unknown key, revoked API key); `reason` says which. `WWW-Authenticate` names the scheme.")
FORBIDDEN = ProblemKind(
    "forbidden", 403, "Permission denied",
    "The caller is known but may not do this: it lacks the permission the operation requires"
    " (`permission` names it), or the resource is outside its data scope.")
AUTHENTICATION_UNAVAILABLE = ProblemKind(
    "authentication-unavailable", 503, "Credentials cannot be checked now",
    "The identity provider's signing keys could not be fetched; nothing was done."
    " Retry after `Retry-After` seconds.")
AUTH_PROBLEMS = (UNAUTHORIZED, FORBIDDEN, AUTHENTICATION_UNAVAILABLE)

# Every problem type the shell emits; services add their own (not-found, conflict slugs, ...).
SHELL_PROBLEMS = (MALFORMED_JSON, UNSUPPORTED_MEDIA_TYPE, VALIDATION_ERROR, STORE_UNAVAILABLE,
                  WRITE_CONFLICT, INTERNAL_ERROR)


def internal_error() -> Problem:
    # The detail is deliberately generic: the cause is in the log, found by request id.
    return INTERNAL_ERROR.problem("An unexpected error occurred. Quote the request_id when reporting it.")
