"""Republish a service's store to its topics, e.g. after the broker lost them.

Reads the service's own store (the same settings the service uses) and publishes every stored
event again through the service's own publication map, without moving the live relay's position.
Consumers recognise what they already processed, so republishing is always safe.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from aiokafka import AIOKafkaProducer

from oms_platform.catalogue import load_catalogue
from oms_platform.messaging.relay import OutboxRelay
from oms_platform.service import ServiceDefinition
from oms_platform.store import open_application
from oms_platform.topics import ensure_topics, specs_from_catalogue


def service_definition(name: str) -> ServiceDefinition:
    return importlib.import_module(f"services.{name}.bootstrap").definition()


async def republish_service(name: str, *, start: int = 0,
                            on_start: Callable[[int], None] | None = None,
                            progress: Callable[[int], None] | None = None) -> int:
    definition = service_definition(name)
    settings = definition.settings_class.load()
    app = open_application(definition.application_class, settings)
    producer = AIOKafkaProducer(bootstrap_servers=settings.kafka_bootstrap_servers, enable_idempotence=False,
                                linger_ms=settings.producer_linger_ms, max_batch_size=1024 * 1024)
    try:
        await ensure_topics(settings.kafka_bootstrap_servers, specs_from_catalogue(load_catalogue().all_topics()))
        await producer.start()
        stop = app.position()
        if on_start:
            on_start(max(stop - start, 0))
        relay = OutboxRelay(app, definition.publications, producer, producer_name=name,
                            batch_size=settings.relay_batch_size)
        return await relay.republish(start=start, stop=stop, progress=progress)
    finally:
        await producer.stop()
        app.close()
