"""Wires the projection service: the platform runtime, the views, the faust stream feeding them,
the query API, the command relay and the dashboard."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import faust
from fastapi import APIRouter, FastAPI

from oms_platform.messaging.dead_letters import DeadLetterPublisher, dead_letter_topic
from oms_platform.service import ServiceDefinition, ServiceRuntime
from services.projection.adapters.rebuild_marker import unfinished_rebuild
from services.projection.adapters.service_commands import ServiceCommands
from services.projection.adapters.view_store import ViewStore, open_view_store
from services.projection.application.processing import RecordProcessor
from services.projection.application.projector import Projector
from services.projection.application.service import ProjectionApplication
from services.projection.entrypoints import command_api, dashboard, query_api
from services.projection.entrypoints.interrupted_rebuild import ViewsCompleteness, complete_views
from services.projection.entrypoints.stream import create_stream_app, run_stream
from services.projection.settings import ProjectionSettings

STREAM_STOP_SECONDS = 15.0


def definition() -> ServiceDefinition:
    return ServiceDefinition(
        settings_class=ProjectionSettings,
        application_class=ProjectionApplication,
        description="Query views of orders, stock, rejections and the ledger, built from every events topic; "
                    "the operator dashboard at `/`.",
        # FastAPI runs an included router's lifespan inside the app's own: the projection's parts
        # start after the runtime's producer and topics are up, and stop before they go.
        routers=(APIRouter(lifespan=projection_lifespan), query_api.router, command_api.router, dashboard.router),
        platform_consumer=False,  # the faust stream below consumes every events topic
    )


@asynccontextmanager
async def projection_lifespan(http: FastAPI) -> AsyncIterator[None]:
    runtime: ServiceRuntime = http.state.runtime
    settings: ProjectionSettings = runtime.settings  # type: ignore[assignment]
    views = await asyncio.to_thread(open_view_store, settings)
    http.state.views = views
    completeness = http.state.views_completeness = ViewsCompleteness(runtime.tasks)
    marker = await asyncio.to_thread(unfinished_rebuild, views)
    if marker is not None:  # said before the first request is served, not once the check task runs
        completeness.unfinished(marker)
    http.state.commands = ServiceCommands(
        {"order": settings.order_url, "fulfillment": settings.fulfillment_url},
        timeout_seconds=settings.command_timeout_seconds,
    )
    stopping = asyncio.Event()
    stream = asyncio.create_task(_complete_views_then_stream(runtime, views, completeness, stopping))
    runtime.tasks["stream"] = stream  # the runtime's readiness check reports it if it ends
    try:
        yield
    finally:
        stopping.set()
        try:
            await asyncio.wait_for(stream, STREAM_STOP_SECONDS)
        except TimeoutError:
            pass  # wait_for cancelled it
        await http.state.commands.close()
        views.close()


async def _complete_views_then_stream(runtime: ServiceRuntime, views: ViewStore, completeness: ViewsCompleteness,
                                      stopping: asyncio.Event) -> None:
    # Following the topics on top of views a rebuild left half full would fill them with only
    # what comes next: first the views are made complete again.
    settings: ProjectionSettings = runtime.settings  # type: ignore[assignment]
    if await complete_views(settings, views, completeness, stopping):
        await run_stream(lambda: _stream_app(runtime, views), stopping)


def _stream_app(runtime: ServiceRuntime, views: ViewStore) -> faust.App:
    topics = runtime.catalogue.consumed_by(runtime.definition.name)
    dead_letters = DeadLetterPublisher(
        runtime.producer,
        consumer_name=runtime.definition.name,
        metrics=runtime.metrics,
        topic_for=lambda topic: runtime.catalogue.topic(topic).dead_letter or dead_letter_topic(topic),
    )
    projector = Projector(views, {topic.name: frozenset(topic.message_types) for topic in topics})
    processor = RecordProcessor(projector, dead_letters, runtime.metrics)
    return create_stream_app(runtime.settings, [topic.name for topic in topics], processor)
