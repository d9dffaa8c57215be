"""Fixtures of the identity provider's tests: a store of its own per test, on SQLite and on
PostgreSQL (the store's schema is always "oms_identity", so PostgreSQL gets a fresh database)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import pytest
from argon2 import PasswordHasher

from oms_identity.application import service
from oms_platform.auth.passwords import Passwords
from tests.identity.support import Identity, identity_in_process
from tests.support.postgres import fresh_database


@pytest.fixture(autouse=True)
def quick_argon2(request, monkeypatch) -> None:
    """argon2id with the least work, so that the many sign-ins of these tests take milliseconds
    instead of a third of a second each; tests marked `real_argon2` keep the production cost."""
    if request.node.get_closest_marker("real_argon2") is None:
        monkeypatch.setattr(service, "Passwords",
                            lambda: Passwords(PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)))


@pytest.fixture
def identity_database_url(store_backend) -> Iterator[str | None]:
    if store_backend.database_url is None:
        yield None
        return
    with fresh_database(store_backend.database_url, prefix="identity") as url:
        yield url


@pytest.fixture
async def identity(store_backend, identity_database_url) -> AsyncIterator[Identity]:
    async with identity_in_process(store_backend.data_dir, identity_database_url) as running:
        yield running
