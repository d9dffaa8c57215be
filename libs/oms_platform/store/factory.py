"""Build a service's store from its settings: SQLite by default, PostgreSQL when configured."""

from __future__ import annotations

from typing import TypeVar

import psycopg
from psycopg import sql
from psycopg.conninfo import conninfo_to_dict

from oms_platform.settings import ConfigurationError, ServiceSettings
from oms_platform.store.application import ServiceApplication
from oms_platform.store.recorders import RECORDER_TOPICS

App = TypeVar("App", bound=ServiceApplication)


# Aggregates stay in memory between commands instead of being replayed from their first event on
# every load: long-lived aggregates (stock per SKU, the day's order-number sequence) would
# otherwise cost more with every order. See `aggregate_cache_fastforward` for how they stay current.
AGGREGATE_CACHE_SIZE = 20000


def _aggregate_cache(settings: ServiceSettings) -> dict[str, str]:
    return {"AGGREGATE_CACHE_MAXSIZE": str(AGGREGATE_CACHE_SIZE),
            "AGGREGATE_CACHE_FASTFORWARD": "y" if settings.aggregate_cache_fastforward else "n"}


def store_environment(settings: ServiceSettings) -> dict[str, str]:
    """The eventsourcing environment for this service's own database or schema."""
    if not settings.database_url:
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        return {
            "PERSISTENCE_MODULE": "eventsourcing.sqlite",
            "SQLITE_DBNAME": str(settings.data_dir / f"{settings.service_name}.sqlite3"),
            "SQLITE_LOCK_TIMEOUT": "30",
            "PROCESS_RECORDER_TOPIC": RECORDER_TOPICS["eventsourcing.sqlite"],
            **_aggregate_cache(settings),
        }
    return {**_postgres_environment(settings.database_url, schema=store_schema(settings)), **_aggregate_cache(settings)}


def store_schema(settings: ServiceSettings) -> str:
    """The service's own PostgreSQL schema. Prefixed because the library does not quote
    identifiers and service names such as "order" are reserved words in SQL."""
    return f"oms_{settings.service_name}"


def _postgres_environment(url: str, *, schema: str) -> dict[str, str]:
    if not url.startswith(("postgresql://", "postgres://")):
        raise ConfigurationError(f"OMS_DATABASE_URL must be a postgresql:// URL, got {url!r}")
    try:
        parts = conninfo_to_dict(url)
    except psycopg.ProgrammingError as error:
        raise ConfigurationError(f"OMS_DATABASE_URL is not a valid PostgreSQL URL: {error}") from None
    return {
        "PERSISTENCE_MODULE": "eventsourcing.postgres",
        "POSTGRES_DBNAME": str(parts.get("dbname", "postgres")),
        "POSTGRES_HOST": str(parts.get("host", "127.0.0.1")),
        "POSTGRES_PORT": str(parts.get("port", "5432")),
        "POSTGRES_USER": str(parts.get("user", "postgres")),
        "POSTGRES_PASSWORD": str(parts.get("password", "")),
        "POSTGRES_SCHEMA": schema,
        "POSTGRES_CONNECT_TIMEOUT": "5",
        "POSTGRES_POOL_SIZE": "5",
        "POSTGRES_MAX_OVERFLOW": "10",
        "PROCESS_RECORDER_TOPIC": RECORDER_TOPICS["eventsourcing.postgres"],
    }


def _create_schema(url: str, schema: str) -> None:
    """Each service owns one schema; create it so the store can make its tables inside."""
    try:
        with psycopg.connect(url, connect_timeout=5, autocommit=True) as connection:
            connection.execute(sql.SQL("CREATE SCHEMA IF NOT EXISTS {}").format(sql.Identifier(schema)))
    except psycopg.Error as error:
        reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise ConfigurationError(f"cannot use PostgreSQL at OMS_DATABASE_URL: {reason}") from None


def open_application(app_class: type[App], settings: ServiceSettings) -> App:
    """Open the service's store, failing with one clear line when it cannot work."""
    env = store_environment(settings)
    if settings.database_url:
        _create_schema(settings.database_url, store_schema(settings))
    try:
        return app_class(env=env)
    except Exception as error:  # noqa: BLE001 - the library raises several types; the operator needs one line
        raise ConfigurationError(
            f"cannot open the {settings.service_name} store: {type(error).__name__}: {error}"
        ) from None
