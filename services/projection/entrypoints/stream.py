"""The faust app that feeds the views: one agent per events topic, inside the service process.

Tuned for the embedded broker (Tansu), where a consumer-group join takes about the session
timeout: faust's defaults (60 s sessions) made a join take 30 s, the service settings' short
sessions make it take about one. Faust neither declares topics (the runtime creates them from the
catalogue) nor runs its own web server (the service's FastAPI app serves HTTP).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence
from typing import Any

import faust
from faust.transport.drivers import aiokafka as faust_kafka

from oms_platform.logging import get_logger
from oms_platform.settings import ServiceSettings
from services.projection.application.processing import RecordProcessor
from services.projection.application.projector import ConsumedRecord

log = get_logger(__name__)

# A batch shares one view transaction; the wait bounds what batching adds to latency.
BATCH_RECORDS = 500
BATCH_WITHIN_SECONDS = 0.02

class _PromptConsumerThread(faust_kafka.AIOKafkaConsumerThread):
    """faust builds its Kafka consumer with a fixed 1.5 s fetch wait. A broker that holds a fetch
    open for the whole wait (Tansu does) then delays a new event by up to that long: p50
    intake-to-visible at 5 orders/s went from 554 ms to 141 ms with the service's own wait."""

    def _create_worker_consumer(self, transport: Any) -> Any:
        consumer = super()._create_worker_consumer(transport)
        # aiokafka reads this when the consumer starts (pinned aiokafka 0.14; faust offers no setting).
        consumer._fetch_max_wait_ms = self.app.fetch_max_wait_ms  # noqa: SLF001
        return consumer


class _PromptConsumer(faust_kafka.Consumer):
    def _new_consumer_thread(self) -> Any:
        return _PromptConsumerThread(self, loop=self.loop, beacon=self.beacon)


class _PromptTransport(faust_kafka.Transport):
    Consumer = _PromptConsumer


class _StreamApp(faust.App):
    """A faust app whose consumer waits on fetches as briefly as the service's other consumers."""

    fetch_max_wait_ms = 1500

    def _new_transport(self) -> Any:
        return _PromptTransport(self.conf.broker_consumer, self)


def create_stream_app(settings: ServiceSettings, topics: Sequence[str], processor: RecordProcessor) -> faust.App:
    # faust and mode narrate every start and stop of each of their services at INFO.
    for chatty in ("faust", "mode"):
        logging.getLogger(chatty).setLevel(logging.WARNING)
    session = settings.consumer_session_timeout_ms / 1000
    app = _StreamApp(
        settings.consumer_group,
        broker=[f"kafka://{server.strip()}" for server in settings.kafka_bootstrap_servers.split(",")],
        broker_client_id=f"{settings.kafka_client_prefix}-{settings.service_name}-stream",
        broker_session_timeout=session,
        broker_heartbeat_interval=max(session / 3, 0.1),
        broker_rebalance_timeout=settings.consumer_rebalance_timeout_ms / 1000,
        broker_commit_interval=1.0,
        consumer_auto_offset_reset="earliest",  # a new projection builds its views from the start
        key_serializer="raw",
        value_serializer="raw",
        topic_allow_declare=False,
        topic_disable_leader=True,
        web_enabled=False,
        autodiscover=False,
        store="memory://",
        stream_wait_empty=False,
    )
    app.fetch_max_wait_ms = settings.consumer_fetch_max_wait_ms
    for topic in topics:
        _add_agent(app, topic, processor)
    return app


def _add_agent(app: faust.App, topic: str, processor: RecordProcessor) -> None:
    channel = app.topic(topic, key_type=bytes, value_type=bytes)

    async def project(stream: Any) -> None:
        # The processor never raises for a message (it retries or dead-letters), so faust's rule
        # of acknowledging the message of a crashed agent can never lose one. take_events
        # acknowledges a batch only after the body has processed it.
        async for events in stream.take_events(BATCH_RECORDS, within=BATCH_WITHIN_SECONDS):
            await processor.process_batch([consumed_record(event.message) for event in events])

    app.agent(channel, name=f"project-{topic}")(project)


def consumed_record(message: Any) -> ConsumedRecord:
    headers = message.headers or ()
    if isinstance(headers, dict):
        headers = headers.items()
    return ConsumedRecord(
        topic=message.topic,
        partition=message.partition,
        offset=message.offset,
        key=message.key,
        value=message.value,
        headers=tuple((str(name), bytes(value)) for name, value in headers),
    )


async def run_stream(build: Callable[[], faust.App], stopping: asyncio.Event) -> None:
    """Run a faust app until `stopping`; one that crashes is replaced by a fresh one."""
    delay = 0.5
    while not stopping.is_set():
        app = build()
        started = asyncio.get_running_loop().time()

        async def joined(_sender: Any, assigned: Any = (), **_kwargs: Any) -> None:
            seconds = asyncio.get_running_loop().time() - started
            log.info("projection stream joined its group", partitions=len(assigned), seconds=round(seconds, 2))

        app.on_partitions_assigned.connect(joined)
        try:
            await app.start()
            await _until_stopping_or_crashed(app, stopping)
        except Exception:  # noqa: BLE001 - the views must keep following the topics
            log.exception("projection stream failed")
        finally:
            await app.stop()
        if not stopping.is_set():
            log.error("projection stream stopped; starting again", reason=repr(app.crash_reason), retry_in=delay)
            await asyncio.sleep(delay)
            delay = min(delay * 2, 10.0)


async def _until_stopping_or_crashed(app: faust.App, stopping: asyncio.Event) -> None:
    while not stopping.is_set() and not app.crashed:
        try:
            await asyncio.wait_for(stopping.wait(), timeout=1.0)
        except TimeoutError:
            pass
