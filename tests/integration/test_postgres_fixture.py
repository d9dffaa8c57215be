"""The PostgreSQL fixtures: a working URL, a fresh database, both store backends, the fallback."""

from __future__ import annotations

import re

import psycopg
import pytest

from tests.support import postgres as support_postgres
from tests.support.postgres import database_url, fresh_database, postgres_server

pytestmark = pytest.mark.postgres


def test_the_url_names_a_reachable_fresh_database(postgres_url):
    match = re.fullmatch(r"postgresql://(\w+)(:[^@]*)?@([\w.\-]+):(\d+)/(oms_test_[0-9a-f]{10})", postgres_url)
    assert match, postgres_url
    with psycopg.connect(postgres_url) as conn:
        name = conn.execute("select current_database()").fetchone()[0]
        user_tables = conn.execute(
            "select count(*) from information_schema.tables"
            " where table_schema not in ('pg_catalog', 'information_schema')"
        ).fetchone()[0]
    assert name == match.group(5)
    assert user_tables == 0


def test_the_database_accepts_schemas_and_writes(postgres_url):
    with psycopg.connect(postgres_url) as conn:
        conn.execute("create schema fixture_probe")
        conn.execute("create table fixture_probe.t (id int primary key)")
        conn.execute("insert into fixture_probe.t values (1)")
        assert conn.execute("select count(*) from fixture_probe.t").fetchone()[0] == 1
        conn.execute("drop schema fixture_probe cascade")


def test_a_fresh_database_is_dropped_afterwards_even_with_a_connection_open(tmp_path):
    with postgres_server(tmp_path) as admin_url:
        with fresh_database(admin_url, prefix="oms_probe") as url:
            dbname = url.rsplit("/", 1)[1]
            lingering = psycopg.connect(url)
        try:
            with psycopg.connect(admin_url) as conn:
                left = conn.execute("select count(*) from pg_database where datname = %s", (dbname,)).fetchone()[0]
        finally:
            lingering.close()
    assert left == 0


def test_store_backend_gives_each_test_its_own_place(store_backend, postgres_url):
    assert store_backend.data_dir.is_dir()
    assert re.fullmatch(r"[0-9a-f]{8}", store_backend.schema_suffix)
    if store_backend.name == "sqlite":
        assert store_backend.database_url is None
        assert store_backend.env() == {"OMS_DATA_DIR": str(store_backend.data_dir)}
    else:
        assert store_backend.database_url == postgres_url
        assert store_backend.env()["OMS_DATABASE_URL"] == postgres_url


def test_database_url_keeps_the_server_and_swaps_the_database():
    assert database_url("postgresql://root@127.0.0.1:5432/postgres", "x") == "postgresql://root@127.0.0.1:5432/x"
    assert database_url("postgresql://u:pw@db:6543/postgres", "y") == "postgresql://u:pw@db:6543/y"


def test_with_no_server_reachable_the_fixture_falls_back_to_embedded_postgres(tmp_path, monkeypatch):
    # The path taken on a machine with no PostgreSQL server and no Docker: exercised here on purpose.
    monkeypatch.delenv("OMS_TEST_POSTGRES_URL", raising=False)
    monkeypatch.setattr(support_postgres, "LOCAL_SERVER_URLS", ("postgresql://postgres@127.0.0.1:1/postgres",))

    with support_postgres.postgres_for_tests(tmp_path) as url, psycopg.connect(url, connect_timeout=5) as conn:
        version = conn.execute("show server_version").fetchone()[0]
        database = conn.execute("select current_database()").fetchone()[0]

    assert version.startswith("18.")
    assert url.startswith("postgresql://postgres@127.0.0.1:") and url.endswith(f"/{database}")
    with pytest.raises(psycopg.OperationalError):
        psycopg.connect(url, connect_timeout=2)
