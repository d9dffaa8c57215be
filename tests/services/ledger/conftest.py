"""A store of the ledger's own per test: SQLite under the test's folder, or a fresh PostgreSQL
database (the ledger's schema is always named "oms_ledger", so tests must not share a database)."""

from collections.abc import Iterator

import pytest

from tests.support.postgres import fresh_database


@pytest.fixture
def ledger_database_url(store_backend) -> Iterator[str | None]:
    if not store_backend.is_postgres:
        yield None
        return
    with fresh_database(store_backend.database_url, prefix="ledger_test") as url:
        yield url
