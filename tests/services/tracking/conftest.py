"""Fixtures for running the tracking service against a real broker and store."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from contextlib import nullcontext

import pytest

from services.tracking.bootstrap import definition
from tests.support.postgres import fresh_database
from tests.support.services import ServiceUnderTest, running_service


@pytest.fixture
def broker(embedded_broker) -> str:
    return embedded_broker.bootstrap_servers


@pytest.fixture
def tracking_database(store_backend) -> Iterator[str | None]:
    # The service always uses the schema "oms_tracking", so each PostgreSQL test gets a database of its own.
    with fresh_database(store_backend.database_url, "tracking") if store_backend.is_postgres else nullcontext() as url:
        yield url


@pytest.fixture
async def tracking(broker, tmp_path) -> AsyncIterator[ServiceUnderTest]:
    """The tracking service on SQLite; tests that need both stores use `tracking_on_both_stores`."""
    async with running_service(definition(), bootstrap=broker, data_dir=tmp_path) as service:
        yield service


@pytest.fixture
async def tracking_on_both_stores(broker, store_backend, tracking_database) -> AsyncIterator[ServiceUnderTest]:
    async with running_service(definition(), bootstrap=broker, data_dir=store_backend.data_dir,
                               database_url=tracking_database) as service:
        yield service
