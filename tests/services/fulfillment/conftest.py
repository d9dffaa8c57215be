from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from oms_platform.store import open_application
from services.fulfillment.application.service import FulfillmentApplication
from services.fulfillment.bootstrap import definition
from tests.support.postgres import fresh_database
from tests.support.services import test_settings as service_settings


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


@pytest.fixture
def app(store: StoreLocation) -> Iterator[FulfillmentApplication]:
    """The application on the test's own store, without Kafka."""
    settings = service_settings(definition(), bootstrap="unused:9092", data_dir=store.data_dir,
                                database_url=store.database_url)
    application = open_application(FulfillmentApplication, settings)
    yield application
    application.close()
