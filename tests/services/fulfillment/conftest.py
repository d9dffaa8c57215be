from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.support.postgres import fresh_database


@dataclass(frozen=True)
class StoreLocation:
    data_dir: Path
    database_url: str | None


@pytest.fixture
def store(store_backend) -> Iterator[StoreLocation]:
    """A fulfillment store of this test's own, on [sqlite] and [postgres]."""
    if not store_backend.is_postgres:
        yield StoreLocation(store_backend.data_dir, None)
        return
    # Every fulfillment store lives in the schema "oms_fulfillment": a database per test keeps them apart.
    with fresh_database(store_backend.database_url, prefix="fulfillment") as url:
        yield StoreLocation(store_backend.data_dir, url)


@pytest.fixture
def broker(embedded_broker) -> str:
    return embedded_broker.bootstrap_servers
