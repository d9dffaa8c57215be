"""Wires the projection service: the platform runtime, the views, the platform's consumer writing
them (the projector is its step), the query API, the command relay and the dashboard."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from typing import Any

from fastapi import APIRouter, FastAPI

from oms_platform.http import ReadinessCheck
from oms_platform.service import OperationRefused, ServiceDefinition, ServiceRuntime
from services.projection.adapters.rebuild_marker import unfinished_rebuild
from services.projection.adapters.service_commands import ServiceCommands
from services.projection.adapters.view_store import RebuildRunning, ViewStore, open_view_store
from services.projection.application.projector import Projector
from services.projection.application.service import ProjectionApplication
from services.projection.entrypoints import command_api, dashboard, query_api
from services.projection.entrypoints.interrupted_rebuild import ViewsCompleteness, complete_views
from services.projection.entrypoints.rebuild import RebuildSummary, rebuild
from services.projection.settings import ProjectionSettings

CONSUMER_STOP_SECONDS = 15.0


def definition() -> ServiceDefinition:
    return ServiceDefinition(
        settings_class=ProjectionSettings,
        application_class=ProjectionApplication,
        description="Query views of orders, stock, rejections and the ledger, built from every events topic; "
                    "the operator dashboard at `/`.",
        # FastAPI runs an included router's lifespan inside the app's own: the projection's parts
        # start after the runtime's producer and topics are up, and stop before they go.
        routers=(APIRouter(lifespan=projection_lifespan), query_api.router, command_api.router, dashboard.router),
        consumer_step=views_step,
        readiness_checks=_views_ready,
        operations={"rebuild": rebuild_views},
    )


async def rebuild_views(settings: ProjectionSettings, **options: Any) -> RebuildSummary:
    """The `rebuild` operation (`omsctl rebuild-projection`): refused in the operator's words while
    another process rebuilds the same views."""
    try:
        return await rebuild(settings, **options)
    except RebuildRunning as running:
        raise OperationRefused(f"{running}: wait for it to finish") from None


def _views_ready(runtime: ServiceRuntime) -> Mapping[str, ReadinessCheck]:
    """Not ready while the views are not open or a rebuild left them incomplete."""

    async def views() -> None:
        assert runtime.http is not None
        completeness = getattr(runtime.http.state, "views_completeness", None)
        if completeness is None:
            raise RuntimeError("the views are not open yet")
        if completeness.problem:
            raise RuntimeError(completeness.problem)

    return {"views": views}


@asynccontextmanager
async def projection_lifespan(http: FastAPI) -> AsyncIterator[None]:
    runtime: ServiceRuntime = http.state.runtime
    settings: ProjectionSettings = runtime.settings  # type: ignore[assignment]
    views = await asyncio.to_thread(open_view_store, settings)
    http.state.views = views
    completeness = http.state.views_completeness = ViewsCompleteness()
    marker = await asyncio.to_thread(unfinished_rebuild, views)
    if marker is not None:  # said before the first request is served, not once the consumer starts
        completeness.unfinished(marker)
    http.state.commands = ServiceCommands(
        {"order": settings.order_url, "fulfillment": settings.fulfillment_url},
        timeout_seconds=settings.command_timeout_seconds,
    )
    _opened_views(http).set_result(views)
    try:
        yield
    finally:
        await _stop_consumer(runtime)
        await http.state.commands.close()
        views.close()


async def views_step(runtime: ServiceRuntime) -> Projector | None:
    """The consumer's step, once the views are complete; None when the service stops first.

    Following the topics on top of views a rebuild left half full would fill them with only what
    comes next, and a consumer in the group would keep a rebuild from moving the group past what
    it replayed: the views are made complete (a running rebuild awaited, an interrupted one
    redone) before the consumer joins its group.
    """
    assert runtime.http is not None
    views = await _until_opened(runtime)
    if views is None:
        return None
    settings: ProjectionSettings = runtime.settings  # type: ignore[assignment]
    if not await complete_views(settings, views, runtime.http.state.views_completeness, runtime.stopping):
        return None
    topics = runtime.catalogue.consumed_by(runtime.definition.name)
    return Projector(views, {topic.name: frozenset(topic.message_types) for topic in topics})


def _opened_views(http: FastAPI) -> asyncio.Future[ViewStore]:
    """Where the lifespan hands the views to the consumer's step, which may start before them."""
    if getattr(http.state, "opened_views", None) is None:
        http.state.opened_views = asyncio.get_running_loop().create_future()
    return http.state.opened_views


async def _until_opened(runtime: ServiceRuntime) -> ViewStore | None:
    assert runtime.http is not None
    opened, stopping = _opened_views(runtime.http), asyncio.ensure_future(runtime.stopping.wait())
    try:
        waiting: list[asyncio.Future[Any]] = [opened, stopping]  # two result types: Any for wait()
        await asyncio.wait(waiting, return_when=asyncio.FIRST_COMPLETED)
    finally:
        stopping.cancel()
    return opened.result() if opened.done() else None


async def _stop_consumer(runtime: ServiceRuntime) -> None:
    # The consumer writes the views, so it ends before they close; the runtime would stop it only
    # after this lifespan. Its stop flag is the runtime's own, which is set then anyway.
    runtime.stopping.set()
    consumer = runtime.tasks.get("consumer")
    if consumer is not None:
        await asyncio.wait([consumer], timeout=CONSUMER_STOP_SECONDS)
