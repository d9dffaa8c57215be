"""Views on SQLite and on PostgreSQL, and a projector over them fed with enveloped messages."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from oms_platform.catalogue import load_catalogue
from services.projection.adapters.view_schema import STATEMENTS
from services.projection.adapters.view_store import PostgresViewStore, SqliteViewStore, ViewStore
from services.projection.application.projector import Projector
from tests.support.backends import StoreBackend

TABLES = [statement.split()[5] for statement in STATEMENTS if statement.startswith("CREATE TABLE")]


@pytest.fixture
def views(store_backend: StoreBackend) -> Iterator[ViewStore]:
    if store_backend.is_postgres:
        schema = f"projection_{store_backend.schema_suffix}"
        store: ViewStore = PostgresViewStore(store_backend.database_url, schema=schema)
    else:
        store = SqliteViewStore(store_backend.data_dir / "projection.sqlite3")
    yield store
    store.close()


@pytest.fixture
def projector(views: ViewStore) -> Projector:
    topics = load_catalogue().consumed_by("projection")
    return Projector(views, {topic.name: frozenset(topic.message_types) for topic in topics})


def snapshot(views: ViewStore) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every view, comparable across calls (the timeline's serial id left out)."""
    with views.read() as session:
        return {
            table: sorted(tuple(str(v) for k, v in row.items() if k != "seq")
                          for row in session.all(f"SELECT * FROM {table}"))
            for table in TABLES
        }
