"""Fixtures of the ingest tests: a store of its own per test, on SQLite and on PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.support.postgres import fresh_database


@pytest.fixture
def ingest_database_url(store_backend) -> Iterator[str | None]:
    """None for SQLite; else a fresh PostgreSQL database, since every ingest store uses the schema "oms_ingest"."""
    if store_backend.database_url is None:
        yield None
        return
    with fresh_database(store_backend.database_url, prefix="ingest") as url:
        yield url


@pytest.fixture
def broker(embedded_broker) -> str:
    return embedded_broker.bootstrap_servers
