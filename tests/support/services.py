"""Run a real service in the test process: its store, relay, consumer and HTTP app.

The service talks to a real broker; tests reach its HTTP API through an in-process client and its
topics through plain Kafka clients, the same public interfaces other teams use.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
from fastapi import FastAPI

from oms_dev.broker import EMBEDDED_CLIENT_ENV
from oms_platform.service import ServiceDefinition, ServiceRuntime, create_service_app
from oms_platform.settings import ServiceSettings


@dataclass
class ServiceUnderTest:
    http: FastAPI
    client: httpx.AsyncClient
    runtime: ServiceRuntime

    @property
    def app(self) -> Any:
        """The service's event-sourced application (its store and commands)."""
        return self.runtime.app


def test_settings(definition: ServiceDefinition, *, bootstrap: str, data_dir: Path,
                  database_url: str | None = None, **overrides: Any) -> Any:
    values: dict[str, Any] = {
        "kafka_bootstrap_servers": bootstrap,
        "data_dir": data_dir,
        "database_url": database_url,
        # What the embedded broker needs (short group timeouts, no idempotence), as field names.
        **_embedded_broker_settings(definition.settings_class),
        "relay_idle_seconds": 0.02,
        "log_json": False,
    }
    values.update(overrides)
    return definition.settings_class(**values)


def _embedded_broker_settings(settings_class: type[ServiceSettings]) -> dict[str, str]:
    by_variable = {field.validation_alias: name for name, field in settings_class.model_fields.items()}
    return {by_variable[variable]: value for variable, value in EMBEDDED_CLIENT_ENV.items()}


@asynccontextmanager
async def running_service(definition: ServiceDefinition, *, bootstrap: str, data_dir: Path,
                          database_url: str | None = None, **overrides: Any) -> AsyncIterator[ServiceUnderTest]:
    settings = test_settings(definition, bootstrap=bootstrap, data_dir=data_dir,
                             database_url=database_url, **overrides)
    http = create_service_app(definition, settings)
    async with http.router.lifespan_context(http):
        transport = httpx.ASGITransport(app=http)
        async with httpx.AsyncClient(transport=transport, base_url=f"http://{definition.name}") as client:
            yield ServiceUnderTest(http, client, http.state.runtime)
