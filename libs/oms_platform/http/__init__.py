"""The HTTP shell every service uses: one app factory, problem details, request context."""

from oms_platform.http.app import create_http_app
from oms_platform.http.exception_handlers import respond_with_problem
from oms_platform.http.middleware import (
    CORRELATION_ID_HEADER,
    REQUEST_ID_HEADER,
    RequestContextMiddleware,
)
from oms_platform.http.openapi import PROBLEM_RESPONSES, ProblemDetails, problem_responses
from oms_platform.http.operations import ReadinessCheck
from oms_platform.http.problems import (
    ABOUT_BLANK,
    PROBLEM_MEDIA_TYPE,
    PROBLEM_TYPE_BASE,
    Conflict,
    FieldError,
    NotFound,
    Problem,
    UnprocessableContent,
    problem_type,
)

__all__ = [
    "ABOUT_BLANK",
    "CORRELATION_ID_HEADER",
    "PROBLEM_MEDIA_TYPE",
    "PROBLEM_RESPONSES",
    "PROBLEM_TYPE_BASE",
    "REQUEST_ID_HEADER",
    "Conflict",
    "FieldError",
    "NotFound",
    "Problem",
    "ProblemDetails",
    "ReadinessCheck",
    "RequestContextMiddleware",
    "UnprocessableContent",
    "create_http_app",
    "problem_responses",
    "problem_type",
    "respond_with_problem",
]
