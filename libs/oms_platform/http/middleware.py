"""Per-request context: ids, access log, HTTP metrics and the last-resort 500.

Pure ASGI rather than BaseHTTPMiddleware: the endpoint then runs in the same context as this
middleware, so the contextvars set here (log context, message context) reach it, and Starlette
copies them into the threadpool that runs sync endpoints.
"""

from __future__ import annotations

import re
import time
import uuid
from collections.abc import MutableMapping
from typing import Any

from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from oms_platform.http.problems import internal_error
from oms_platform.logging import get_logger, log_context
from oms_platform.messaging.context import message_context
from oms_platform.metrics import ServiceMetrics

REQUEST_ID_HEADER = "X-Request-ID"
CORRELATION_ID_HEADER = "X-Correlation-ID"
# The route label of requests no route matched: their raw paths would be unbounded label values.
UNMATCHED_ROUTE = "<unmatched>"
# Probes and scrapes arrive every few seconds; logged at debug so they do not drown the rest.
OPERATIONAL_ROUTES = frozenset({"/health/live", "/health/ready", "/metrics"})

_SANE_ID = re.compile(r"[A-Za-z0-9._:-]{1,128}")
_access_log = get_logger("oms.http.access")
_error_log = get_logger("oms.http")


def accepted_id(value: str | None) -> str | None:
    """A client-supplied id if it is safe to log and echo, else None."""
    return value if value is not None and _SANE_ID.fullmatch(value) else None


def route_template(scope: Scope) -> str:
    """The matched route's path template ("/orders/{order_id}"): a bounded metric label."""
    # FastAPI 0.163 keeps included routers nested: scope["route"] is the route as declared in its
    # own router, without the prefixes of routers above it; the full template is in the effective
    # route context. A test with a nested, prefixed router guards this across upgrades.
    effective = scope.get("fastapi", {}).get("effective_route_context")
    template = getattr(effective, "path_format", None) or getattr(scope.get("route"), "path_format", None)
    return template or UNMATCHED_ROUTE


class RequestContextMiddleware:
    def __init__(self, app: ASGIApp, *, metrics: ServiceMetrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        request_id = accepted_id(headers.get(REQUEST_ID_HEADER)) or str(uuid.uuid4())
        correlation_id = accepted_id(headers.get(CORRELATION_ID_HEADER)) or request_id
        # Copy the state rather than write into it: it may be the lifespan state all requests share.
        state = {**scope.get("state", {}), "request_id": request_id, "correlation_id": correlation_id}
        scope = {**scope, "state": state}
        echoed = {REQUEST_ID_HEADER: request_id, CORRELATION_ID_HEADER: correlation_id}
        response = _ResponseWatch(send, echoed)
        started = time.perf_counter()
        with (
            log_context(request_id=request_id, correlation_id=correlation_id),
            message_context(correlation_id=correlation_id, causation_id=request_id),
        ):
            try:
                await self.app(scope, receive, response.send)
            except Exception:
                _error_log.exception("unhandled error", method=scope["method"], path=scope["path"])
                if response.started:
                    raise  # too late for a problem body; the server drops the connection
                problem = internal_error().to_response(instance=scope["path"], request_id=request_id)
                await problem(scope, _no_receive, response.send)
            finally:
                self._record(scope, response.status, time.perf_counter() - started)

    def _record(self, scope: Scope, status: int, seconds: float) -> None:
        route = route_template(scope)
        method = scope["method"]
        self.metrics.observe_http_request(method=method, route=route, status=status, seconds=seconds)
        log = _access_log.debug if route in OPERATIONAL_ROUTES else _access_log.info
        log(
            "request served",
            method=method,
            route=route,
            path=scope["path"],
            status=status,
            duration_ms=round(seconds * 1000, 2),
        )


class _ResponseWatch:
    """Wraps `send`: adds the id headers to the response and remembers its status."""

    def __init__(self, send: Send, headers: dict[str, str]) -> None:
        self._send = send
        self._headers = headers
        self.status = 500  # what the client gets if the app fails before answering
        self.started = False

    async def send(self, message: Message) -> None:
        if message["type"] == "http.response.start":
            self.started = True
            self.status = message["status"]
            response_headers = MutableHeaders(scope=message)
            for name, value in self._headers.items():
                response_headers[name] = value
        await self._send(message)


async def _no_receive() -> MutableMapping[str, Any]:
    # Sending a JSONResponse never reads the request; the body may already be consumed.
    return {"type": "http.disconnect"}
