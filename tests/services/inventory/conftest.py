"""Fixtures for the inventory tests: a store of its own per test, on SQLite and on PostgreSQL."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import replace

import pytest

from oms_kernel.money import Money
from oms_platform.store import open_application
from services.inventory.application.commands import ReservationRequest
from services.inventory.application.service import InventoryApplication
from services.inventory.bootstrap import definition
from services.inventory.domain.catalogue import Listing
from services.inventory.domain.sourcing import Destination, RequestedLine
from services.inventory.settings import InventorySettings
from tests.support.backends import StoreBackend
from tests.support.postgres import fresh_database
from tests.support.services import running_service


@pytest.fixture
def inventory_store(store_backend: StoreBackend) -> Iterator[StoreBackend]:
    """The backend with a database of this test's own: the service's schema is always "oms_inventory"."""
    if not store_backend.is_postgres:
        yield store_backend
        return
    with fresh_database(store_backend.database_url, prefix="inventory_test") as url:
        yield replace(store_backend, database_url=url)


@pytest.fixture
def inventory_app(inventory_store: StoreBackend) -> Iterator[InventoryApplication]:
    settings = InventorySettings(data_dir=inventory_store.data_dir, database_url=inventory_store.database_url)
    app = open_application(InventoryApplication, settings)
    yield app
    app.close()


def tea_listing(safety_stock: int = 0) -> Listing:
    return Listing("西湖龙井茶 250g / West Lake Longjing tea", Money("CNY", 16800), "food/tea", 300, True, safety_stock)


def reservation_request(*lines: tuple[str, int], province: str = "浙江省", order_id: str | None = None
                        ) -> ReservationRequest:
    order_id = order_id or str(uuid.uuid4())
    return ReservationRequest(
        reservation_id=str(uuid.uuid5(uuid.NAMESPACE_URL, f"reservation/{order_id}")),
        order_id=order_id,
        split_part_id="",
        lines=tuple(RequestedLine(str(n), sku, quantity) for n, (sku, quantity) in enumerate(lines, 1)),
        destination=Destination("CN", province),
    )


@pytest.fixture
def broker(embedded_broker) -> str:
    return embedded_broker.bootstrap_servers


@pytest.fixture
async def inventory(broker, tmp_path):
    """The inventory service running in this process on SQLite, against a broker of its own."""
    async with running_service(definition(), bootstrap=broker, data_dir=tmp_path) as service:
        yield service


@pytest.fixture
async def inventory_on_each_backend(broker, inventory_store):
    """The same, once on SQLite and once on PostgreSQL."""
    async with running_service(definition(), bootstrap=broker, data_dir=inventory_store.data_dir,
                               database_url=inventory_store.database_url) as service:
        yield service
