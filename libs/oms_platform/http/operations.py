"""The endpoints every service has for its operators: liveness, readiness, metrics."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Mapping

from fastapi import APIRouter
from pydantic import BaseModel
from starlette.responses import JSONResponse, Response

from oms_platform.logging import get_logger
from oms_platform.metrics import ServiceMetrics

ReadinessCheck = Callable[[], Awaitable[None]]

_log = get_logger("oms.http.readiness")


class Liveness(BaseModel):
    status: str
    service: str
    version: str


class Readiness(BaseModel):
    status: str
    checks: dict[str, str]


def operations_router(
    *,
    service: str,
    version: str,
    metrics: ServiceMetrics,
    readiness_checks: Mapping[str, ReadinessCheck],
    readiness_timeout_seconds: float,
) -> APIRouter:
    router = APIRouter(tags=["operations"])

    @router.get("/health/live", response_model=Liveness)
    async def live() -> Liveness:
        return Liveness(status="ok", service=service, version=version)

    @router.get("/health/ready", response_model=Readiness, responses={503: {"model": Readiness}})
    async def ready() -> JSONResponse:
        failures = await run_readiness_checks(readiness_checks, readiness_timeout_seconds)
        checks = {name: failures.get(name, "ok") for name in readiness_checks}
        if failures:
            return JSONResponse({"status": "not ready", "checks": checks}, status_code=503)
        return JSONResponse({"status": "ready", "checks": checks})

    @router.get("/metrics", include_in_schema=False)
    async def scrape() -> Response:
        body, content_type = metrics.render()
        return Response(body, headers={"Content-Type": content_type})

    return router


async def run_readiness_checks(
    checks: Mapping[str, ReadinessCheck], timeout_seconds: float
) -> dict[str, str]:
    """Run every check at once, each under its own timeout; return the failures as one-liners."""
    names = list(checks)
    outcomes = await asyncio.gather(*(_run_check(checks[name], timeout_seconds) for name in names))
    failures = {name: outcome for name, outcome in zip(names, outcomes, strict=True) if outcome is not None}
    for name, reason in failures.items():
        _log.warning("readiness check failed", check=name, reason=reason)
    return failures


async def _run_check(check: ReadinessCheck, timeout_seconds: float) -> str | None:
    deadline = asyncio.timeout(timeout_seconds)
    try:
        async with deadline:
            await check()
    except Exception as error:  # noqa: BLE001 - a readiness probe reports failures, it does not raise them
        if isinstance(error, TimeoutError) and deadline.expired():
            return f"timed out after {timeout_seconds:g}s"
        return _one_line(error)
    return None


def _one_line(error: Exception) -> str:
    message = str(error).strip().splitlines()[0] if str(error).strip() else ""
    text = f"{type(error).__name__}: {message}" if message else type(error).__name__
    return text[:200]
