"""Composition of one service process: store, relay, consumer, HTTP shell.

Every service is a `ServiceDefinition` (what it stores, publishes, consumes and serves) handed to
`run_service`, so the seven services start, publish, consume, fail and stop the same way.
"""

from __future__ import annotations

import asyncio
import sys
from collections.abc import AsyncIterator, Awaitable, Callable, Coroutine, Mapping, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any, TypeVar

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient
from fastapi import APIRouter, FastAPI, Request

from oms_platform.broker import BrokerUnreachable, wait_for_kafka
from oms_platform.catalogue import Catalogue, load_catalogue
from oms_platform.contracts import full_name, register_all_messages
from oms_platform.http import ReadinessCheck, create_http_app
from oms_platform.logging import configure_logging, get_logger
from oms_platform.messaging.batch import BatchConsumer, BatchStep
from oms_platform.messaging.consumer import Handler, RecordAggregates
from oms_platform.messaging.dead_letters import DeadLetterPublisher
from oms_platform.messaging.parking import ParkingSettings
from oms_platform.messaging.partition_watch import watch_partitions
from oms_platform.messaging.producers import start_producer
from oms_platform.messaging.relay import OutboxRelay, PublicationMap
from oms_platform.metrics import ServiceMetrics
from oms_platform.settings import ConfigurationError, ServiceSettings
from oms_platform.store import ServiceApplication, open_application
from oms_platform.store_probe import StoreWriteProbe
from oms_platform.topics import ensure_topics, specs_from_catalogue
from oms_platform.tracing import configure_tracing

log = get_logger(__name__)

VERSION = "0.1.0"

# The checks every service has; a service's own checks take other names.
PLATFORM_CHECKS = frozenset({"store", "kafka", "tasks"})


def _no_checks(_runtime: ServiceRuntime) -> Mapping[str, ReadinessCheck]:
    return {}


class OperationRefused(Exception):
    """An operator operation that cannot run now (another one holds what it needs); the message
    says why, for the operator."""


@dataclass(frozen=True)
class ServiceDefinition:
    settings_class: type[ServiceSettings]
    application_class: type[ServiceApplication]
    description: str
    publications: PublicationMap = field(default=lambda event: ())
    handlers: Mapping[Any, Handler] = field(default_factory=dict)  # message class -> handler
    routers: Sequence[APIRouter] = ()
    # How the consumer applies a fetched batch when not by recording the handlers' aggregates
    # (the projection writes its views). Awaited before the consumer joins its group, so that
    # the service can make its store ready first; None then means the service is stopping.
    consumer_step: Callable[[ServiceRuntime], Awaitable[BatchStep | None]] | None = None
    # The service's own readiness checks, added to the platform's (store, kafka, tasks), built
    # once per process from its runtime; each raises to say why the service is not ready.
    readiness_checks: Callable[[ServiceRuntime], Mapping[str, ReadinessCheck]] = _no_checks
    # Operator operations the service offers omsctl, by name (the projection's "rebuild"). The
    # shared tools find them through the service's definition, never by importing the service;
    # each is awaited with the service's settings and keyword arguments, and raises
    # OperationRefused when it cannot run now.
    operations: Mapping[str, Callable[..., Coroutine[Any, Any, Any]]] = field(default_factory=dict)
    # Called once when the runtime and its HTTP app exist, before the app serves or starts its
    # Kafka work: a process's own start-up that needs both (the identity provider loads its
    # signing key, creates its first administrator and installs an Authenticator on its app).
    # Raise ConfigurationError to stop the start with one line for the operator.
    prepare: Callable[[ServiceRuntime], None] | None = None

    @property
    def name(self) -> str:
        return self.settings_class.service_name


@dataclass
class ServiceRuntime:
    """What a running service holds; routers reach it through `service_runtime(request)`."""

    definition: ServiceDefinition
    settings: ServiceSettings
    app: ServiceApplication
    metrics: ServiceMetrics
    catalogue: Catalogue
    producer: AIOKafkaProducer | None = None
    consumer: AIOKafkaConsumer | None = None
    tasks: dict[str, asyncio.Task[None]] = field(default_factory=dict)
    stopping: asyncio.Event = field(default_factory=asyncio.Event)
    # The HTTP app serving this runtime: where a service's own parts keep their state
    # (`http.state`), for its readiness checks to look at.
    http: FastAPI | None = None


def service_runtime(request: Request) -> ServiceRuntime:
    return request.app.state.runtime


App = TypeVar("App", bound=ServiceApplication)


def service_application(request: Request, app_class: type[App]) -> App:
    """The running service's application as its own class: a service's routers know which it is."""
    app = service_runtime(request).app
    if not isinstance(app, app_class):
        raise TypeError(f"this service runs {type(app).__name__}, not {app_class.__name__}")
    return app


def create_service_app(definition: ServiceDefinition, settings: ServiceSettings) -> FastAPI:
    """Open the store and build the HTTP app; Kafka work starts in the app's lifespan."""
    register_all_messages()
    runtime = ServiceRuntime(
        definition=definition,
        settings=settings,
        app=open_application(definition.application_class, settings),
        metrics=ServiceMetrics(definition.name),
        catalogue=load_catalogue(),
    )
    http = create_http_app(
        service=definition.name,
        version=VERSION,
        metrics=runtime.metrics,
        routers=definition.routers,
        readiness_checks=_readiness_checks(runtime),
        lifespan=lambda _app: _kafka_lifespan(runtime),
        title=f"OMS {definition.name} service",
        description=definition.description,
    )
    runtime.app.observe_write_seconds = runtime.metrics.store_write_seconds.observe
    runtime.app.repository.count_store_load = runtime.metrics.store_aggregate_loads_total.inc
    http.state.runtime = runtime
    runtime.http = http
    if definition.prepare is not None:
        try:
            definition.prepare(runtime)
        except BaseException:
            runtime.app.close()
            raise
    return http


@asynccontextmanager
async def _kafka_lifespan(runtime: ServiceRuntime) -> AsyncIterator[None]:
    settings = runtime.settings
    if settings.create_topics:
        await ensure_topics(settings.kafka_bootstrap_servers, specs_from_catalogue(runtime.catalogue.all_topics()))
    runtime.producer = await start_producer(settings, f"{settings.service_name}-producer")
    runtime.tasks["relay"] = asyncio.create_task(_supervised(runtime, "relay", _run_relay))
    # A service listed as a consumer of a topic always consumes it, handlers or not, so that
    # whatever arrives there is at least checked against the contract and never silently lost.
    if runtime.catalogue.consumed_by(runtime.definition.name):
        runtime.tasks["consumer"] = asyncio.create_task(_supervised(runtime, "consumer", _run_consumer))
    try:
        yield
    finally:
        await _shutdown(runtime)


async def _shutdown(runtime: ServiceRuntime) -> None:
    runtime.stopping.set()
    for task in runtime.tasks.values():
        try:
            await asyncio.wait_for(task, timeout=10)
        except (TimeoutError, asyncio.CancelledError):
            task.cancel()
    if runtime.producer is not None:
        await runtime.producer.stop()
    runtime.app.close()


async def _supervised(runtime: ServiceRuntime, name: str, work: Callable[[ServiceRuntime], Any]) -> None:
    """Keep a Kafka task alive: on failure log it, wait, restore topics if allowed, go again."""
    delay = 0.5
    while not runtime.stopping.is_set():
        try:
            await work(runtime)
            return
        except Exception:
            log.exception("kafka task failed; restarting", task=name, retry_in=delay)
            await asyncio.sleep(delay)
            delay = min(delay * 2, 10.0)
            if runtime.settings.create_topics:
                try:
                    await ensure_topics(
                        runtime.settings.kafka_bootstrap_servers,
                        specs_from_catalogue(runtime.catalogue.all_topics()),
                    )
                except Exception as error:  # noqa: BLE001 - logged; the next restart tries again
                    log.warning("cannot restore topics yet", error=str(error))


async def _run_relay(runtime: ServiceRuntime) -> None:
    assert runtime.producer is not None
    relay = OutboxRelay(
        runtime.app,
        runtime.definition.publications,
        runtime.producer,
        producer_name=runtime.definition.name,
        metrics=runtime.metrics,
        batch_size=runtime.settings.relay_batch_size,
        idle_seconds=runtime.settings.relay_idle_seconds,
    )
    await relay.run(runtime.stopping)


async def _run_consumer(runtime: ServiceRuntime) -> None:
    """Consume until the service stops, replacing the consumer whenever the partition watch finds
    it no longer reads every partition of its topics (the broker lost and recreated them)."""
    assert runtime.producer is not None
    topics = runtime.catalogue.consumed_by(runtime.definition.name)
    admin = AIOKafkaAdminClient(bootstrap_servers=runtime.settings.kafka_bootstrap_servers,
                                client_id=f"{runtime.settings.kafka_client_prefix}-{runtime.definition.name}-watch")
    step = None
    if runtime.definition.consumer_step is not None:
        step = await runtime.definition.consumer_step(runtime)
        if step is None:
            return
    await admin.start()
    try:
        while not runtime.stopping.is_set():
            reason = await _consume_until_stale(runtime, topics, admin, step)
            if reason:
                log.warning("consumer rejoins its group", reason=reason)
    finally:
        await admin.close()


async def _consume_until_stale(runtime: ServiceRuntime, topics: Sequence[Any], admin: AIOKafkaAdminClient,
                               step: BatchStep | None) -> str | None:
    """One consumer's life: until the service stops (None) or the watch says why it must rejoin."""
    names = [t.name for t in topics]
    consumer = _consumer(runtime.settings, names)
    await consumer.start()
    runtime.consumer = consumer
    # The tracked consumer stops between batches when either the service stops or it must rejoin.
    done = asyncio.Event()
    watch = asyncio.create_task(_watch(runtime, consumer, admin, names, done))
    dead_letters = DeadLetterPublisher(
        runtime.producer, consumer_name=runtime.definition.name, metrics=runtime.metrics,
        topic_for=lambda topic: runtime.catalogue.topic(topic).dead_letter or f"{topic}.dlq",
    )
    try:
        await BatchConsumer(
            consumer,
            step or RecordAggregates(
                runtime.app,
                allowed_types={t.name: frozenset(t.message_types) for t in topics},
                handlers={full_name(message): handler for message, handler in runtime.definition.handlers.items()},
                dead_letters=dead_letters,
                metrics=runtime.metrics,
                parking=ParkingSettings(max_seconds=runtime.settings.parked_max_seconds,
                                        retry_seconds=runtime.settings.parked_retry_seconds),
            ),
            dead_letters=dead_letters,
            metrics=runtime.metrics,
            max_batch=runtime.settings.consumer_max_batch,
        ).run(done)
        return await watch
    finally:
        done.set()
        watch.cancel()
        runtime.consumer = None
        await consumer.stop()


async def _watch(runtime: ServiceRuntime, consumer: AIOKafkaConsumer, admin: AIOKafkaAdminClient,
                 topics: list[str], done: asyncio.Event) -> str | None:
    stopping = asyncio.create_task(runtime.stopping.wait())
    watching = asyncio.create_task(watch_partitions(
        consumer, admin, runtime.settings.consumer_group, topics,
        every=runtime.settings.consumer_watch_seconds, stop=done))
    try:
        await asyncio.wait([stopping, watching], return_when=asyncio.FIRST_COMPLETED)
    finally:
        done.set()
        stopping.cancel()
    return await watching


def _consumer(settings: ServiceSettings, topics: list[str]) -> AIOKafkaConsumer:
    return AIOKafkaConsumer(
        *topics,
        bootstrap_servers=settings.kafka_bootstrap_servers,
        client_id=f"{settings.kafka_client_prefix}-{settings.service_name}-consumer",
        group_id=settings.consumer_group,
        enable_auto_commit=False,
        auto_offset_reset="earliest",
        rebalance_timeout_ms=settings.consumer_rebalance_timeout_ms,
        session_timeout_ms=settings.consumer_session_timeout_ms,
        heartbeat_interval_ms=max(settings.consumer_session_timeout_ms // 3, 100),
        max_poll_records=settings.consumer_max_batch,
        fetch_max_wait_ms=settings.consumer_fetch_max_wait_ms,
    )


def _readiness_checks(runtime: ServiceRuntime) -> dict[str, ReadinessCheck]:
    own = dict(runtime.definition.readiness_checks(runtime))
    # A service's check must not silently replace one every operator relies on.
    if clash := PLATFORM_CHECKS & own.keys():
        raise ValueError(f"{runtime.definition.name}: readiness checks {sorted(clash)} are the platform's")
    return {**_platform_checks(runtime), **own}


def _platform_checks(runtime: ServiceRuntime) -> dict[str, ReadinessCheck]:
    probe = StoreWriteProbe(runtime.app)

    async def store() -> None:
        # A write, not a read: a store that reads but refuses writes fails every command.
        await asyncio.to_thread(probe.check)

    async def kafka() -> None:
        if runtime.producer is None:
            raise RuntimeError("producer not started")
        await runtime.producer.client.fetch_all_metadata()

    async def tasks() -> None:
        finished = [name for name, task in runtime.tasks.items() if task.done()]
        if finished:
            raise RuntimeError(f"stopped: {', '.join(finished)}")

    return {"store": store, "kafka": kafka, "tasks": tasks}


def run_service(definition: ServiceDefinition) -> None:
    """Entry point of `python -m services.<name>` (and `python -m oms_identity`): fail fast with one
    line, else serve."""
    import uvicorn

    try:
        settings = definition.settings_class.load()
        configure_logging(definition.name, settings.log_level, json=settings.log_json)
        # Before the app is built: its HTTP spans come from the provider installed here (if any).
        if configure_tracing(definition.name, settings):
            log.info("tracing on")
        wait_for_kafka(settings.kafka_bootstrap_servers, timeout=settings.broker_wait_seconds)
        http = create_service_app(definition, settings)
    except (ConfigurationError, BrokerUnreachable) as error:
        print(f"{definition.name}: {error}", file=sys.stderr)
        raise SystemExit(2) from None
    uvicorn.run(http, host=settings.host, port=settings.port, log_config=None, access_log=False)
