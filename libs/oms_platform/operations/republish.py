"""Republish a service's store to its topics, e.g. after the broker lost them.

Reads the service's own store (the same settings the service uses) and publishes every stored
event again through the service's own publication map, without moving the live relay's position.
Consumers recognise what they already processed, so republishing is always safe.

Operators run it right after a broker came back, when it still refuses requests for a while: each
step (topics, connection, each batch) is tried again with growing pauses for up to
`republish_give_up_seconds`; after that RepublishIncomplete says how far it got.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from aiokafka import AIOKafkaProducer

from oms_platform.catalogue import load_catalogue
from oms_platform.messaging.producers import start_producer
from oms_platform.messaging.relay import BROKER_ERRORS, OutboxRelay, RepublishIncomplete, patiently
from oms_platform.service import ServiceDefinition
from oms_platform.settings import ServiceSettings
from oms_platform.store import open_application
from oms_platform.topics import ensure_topics, specs_from_catalogue

__all__ = ["RepublishIncomplete", "republish_service", "service_definition"]


def service_definition(name: str) -> ServiceDefinition:
    return importlib.import_module(f"services.{name}.bootstrap").definition()


async def republish_service(name: str, *, start: int = 0, give_up_after: float | None = None,
                            on_start: Callable[[int], None] | None = None,
                            progress: Callable[[int], None] | None = None) -> int:
    """Publish positions after `start` again; returns how many stored events were published."""
    definition = service_definition(name)
    settings = definition.settings_class.load()
    patience = settings.republish_give_up_seconds if give_up_after is None else give_up_after
    app = open_application(definition.application_class, settings)
    producer: AIOKafkaProducer | None = None
    try:
        stop = app.position()
        if on_start:
            on_start(max(stop - start, 0))
        try:
            producer = connected = await patiently(lambda: _connected(settings), give_up_after=patience,
                                                   what="creating topics and connecting")
        except BROKER_ERRORS as error:
            raise RepublishIncomplete(0, start, error) from error
        relay = OutboxRelay(app, definition.publications, connected, producer_name=name,
                            batch_size=settings.relay_batch_size)
        return await relay.republish(start=start, stop=stop, progress=progress, give_up_after=patience)
    finally:
        if producer is not None:
            await producer.stop()
        app.close()


async def _connected(settings: ServiceSettings) -> AIOKafkaProducer:
    """The catalogue's topics exist and a producer is connected (a new one each attempt: a
    producer whose start failed is not started again)."""
    await ensure_topics(settings.kafka_bootstrap_servers, specs_from_catalogue(load_catalogue().all_topics()))
    return await start_producer(settings, f"{settings.service_name}-republish")
