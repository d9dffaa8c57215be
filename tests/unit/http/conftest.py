"""Fixtures for the HTTP shell tests: an app client and the JSON log lines a request wrote."""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

import httpx
import pytest
import structlog
from fastapi import FastAPI

from oms_platform.logging import configure_logging
from oms_platform.metrics import ServiceMetrics

ClientFactory = Callable[[FastAPI], httpx.AsyncClient]


@pytest.fixture
def metrics() -> ServiceMetrics:
    return ServiceMetrics("order")


@pytest.fixture
async def client_for() -> AsyncIterator[ClientFactory]:
    """Opens an httpx client on an app in-process; closes them all at the end of the test."""
    clients: list[httpx.AsyncClient] = []

    def open_client(app: FastAPI) -> httpx.AsyncClient:
        client = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://oms.test")
        clients.append(client)
        return client

    yield open_client
    for client in clients:
        await client.aclose()


@pytest.fixture
def log_lines(capsys: pytest.CaptureFixture[str]) -> Iterator[Callable[[], list[dict[str, Any]]]]:
    """JSON logging to the captured stdout; calling the fixture returns the lines so far, parsed."""
    root = logging.getLogger()
    saved_handlers, saved_level = list(root.handlers), root.level
    saved_structlog = structlog.get_config()
    configure_logging("order", level="DEBUG", json=True)
    capsys.readouterr()

    def read() -> list[dict[str, Any]]:
        return [json.loads(line) for line in capsys.readouterr().out.splitlines() if line.strip()]

    yield read
    root.handlers[:] = saved_handlers
    root.setLevel(saved_level)
    structlog.configure(**saved_structlog)
