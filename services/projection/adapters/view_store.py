"""The projection's own database: SQLite by default, a PostgreSQL schema when configured.

View code writes plain SQL with `?` placeholders and talks to a `Session`; the store turns the
placeholders into the driver's style and a lost or busy database into `ViewStoreUnavailable`,
which callers wait out rather than give up on (a message must not be lost because the database
blinked).
"""

from __future__ import annotations

import fcntl
import functools
import re
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Any, Protocol

import psycopg
from psycopg import sql
from psycopg.rows import dict_row
from psycopg_pool import ConnectionPool

from oms_platform.settings import ConfigurationError, ServiceSettings
from services.projection.adapters.view_schema import ADDED_COLUMNS, statements

Row = dict[str, Any]
VIEW_CACHE_KIB = 256 * 1024
_NAMES_PER_READ = 500  # below every SQLite build's limit on parameters per statement
_SCHEMA_NAME = re.compile(r"[a-z_][a-z0-9_]{0,62}")


class ViewStoreUnavailable(Exception):
    """The database is unreachable, busy or chose this transaction as a deadlock victim: retry."""


class RebuildRunning(Exception):
    """Another process holds the views' rebuild lock: a rebuild is running right now."""


class Session(Protocol):
    def execute(self, statement: str, params: Sequence[Any] = ()) -> None: ...
    def many(self, statement: str, rows: Sequence[Sequence[Any]]) -> None: ...
    def one(self, statement: str, params: Sequence[Any] = ()) -> Row | None: ...
    def all(self, statement: str, params: Sequence[Any] = ()) -> list[Row]: ...

    def lock_versions(self, names: Sequence[str]) -> dict[str, int]:
        """The applied version of each `view_tracking` name (0: none yet), locked until commit."""


class ViewStore(Protocol):
    dialect: str

    def write(self) -> Any:
        """Context manager: a Session whose statements commit together, or not at all."""

    def read(self) -> Any:
        """Context manager: a Session that sees one consistent state of the views."""

    def flush(self) -> None:
        """Make every committed write durable (a bulk store's commits may not be yet)."""

    def rebuild_lock(self) -> Any:
        """Context manager held for a whole rebuild; RebuildRunning when another holds it. Whoever
        holds it is alive: the lock goes with its holder, even one killed by SIGKILL."""

    def close(self) -> None: ...


def open_view_store(settings: ServiceSettings, *, bulk: bool = False) -> ViewStore:
    """The views beside the service's store: `<data_dir>/projection.sqlite3`, or schema `projection`.

    `bulk`: for a rebuild, which can start over after a crash: commits need not reach the disk
    one by one, only by `flush()`, and the indexes only queries use are not created (the
    rebuild builds them at its end).
    """
    try:
        if settings.database_url:
            return PostgresViewStore(settings.database_url, schema=settings.service_name, bulk=bulk)
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        return SqliteViewStore(settings.data_dir / f"{settings.service_name}.sqlite3", bulk=bulk)
    except (sqlite3.Error, psycopg.Error) as error:
        reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise ConfigurationError(f"cannot open the projection views: {reason}") from None


class _DbApiSession:
    def __init__(self, cursor: Any, translate: Any):
        self._cursor = cursor
        self._translate = translate

    def execute(self, statement: str, params: Sequence[Any] = ()) -> None:
        self._cursor.execute(self._translate(statement), tuple(params))

    def many(self, statement: str, rows: Sequence[Sequence[Any]]) -> None:
        self._cursor.executemany(self._translate(statement), rows)

    def one(self, statement: str, params: Sequence[Any] = ()) -> Row | None:
        self.execute(statement, params)
        row = self._cursor.fetchone()
        return dict(row) if row is not None else None

    def all(self, statement: str, params: Sequence[Any] = ()) -> list[Row]:
        self.execute(statement, params)
        return [dict(row) for row in self._cursor.fetchall()]


class _SqliteSession(_DbApiSession):
    def lock_versions(self, names: Sequence[str]) -> dict[str, int]:
        # A write session holds SQLite's one write lock from BEGIN IMMEDIATE on: reading is locking.
        versions = dict.fromkeys(names, 0)
        for start in range(0, len(names), _NAMES_PER_READ):
            chunk = names[start:start + _NAMES_PER_READ]
            marks = ", ".join("?" * len(chunk))
            for row in self.all(f"SELECT name, version FROM view_tracking WHERE name IN ({marks})", chunk):
                versions[row["name"]] = row["version"]
        return versions


class _PostgresSession(_DbApiSession):
    def lock_versions(self, names: Sequence[str]) -> dict[str, int]:
        # Rows that do not exist yet are inserted (version 0) so that they can be locked too: a
        # second instance applying the same new aggregate at the same moment waits here, then
        # reads the version this one wrote. Sorted, so two batches lock in the same order.
        rows = self.all(
            "INSERT INTO view_tracking (name, version) SELECT unnest(?::text[]), 0 ON CONFLICT (name)"
            " DO UPDATE SET version = view_tracking.version RETURNING name, version",
            (sorted(names),),
        )
        return {row["name"]: row["version"] for row in rows}


class SqliteViewStore:
    dialect = "sqlite"

    def __init__(self, path: Path, *, lock_timeout_seconds: float = 30.0, bulk: bool = False):
        self.path = path
        self._timeout = lock_timeout_seconds
        # WAL + NORMAL stays consistent after a crash but may lose the last commits; FULL (the
        # default) syncs the log at every commit, which was an eighth of a rebuild's time.
        self._writer_sync = "NORMAL" if bulk else "FULL"
        # One long-lived connection for writes, used by one thread at a time: its page cache
        # survives from batch to batch. Readers open their own (cheap for SQLite).
        self._writer: sqlite3.Connection | None = None
        self._writer_lock = threading.Lock()
        with self._connection() as connection:
            # WAL lets the query API read while a message is being applied.
            connection.execute("PRAGMA journal_mode=WAL")
            for statement in statements(self.dialect, query_only_indexes=not bulk):
                connection.execute(statement)
            for table, column, definition in ADDED_COLUMNS:
                known = {row["name"] for row in connection.execute(f"PRAGMA table_info({table})")}
                if column not in known:  # SQLite has no ADD COLUMN IF NOT EXISTS
                    connection.execute(f"ALTER TABLE {table} ADD COLUMN {column} {definition}")

    def _open(self) -> sqlite3.Connection:
        connection = sqlite3.connect(self.path, timeout=self._timeout, isolation_level=None, check_same_thread=False)
        connection.row_factory = sqlite3.Row
        # SQLite's default page cache is 2 MiB: with a million view rows most upserts read pages
        # from the file, and a rebuild slowed down as the views grew.
        connection.execute(f"PRAGMA cache_size=-{VIEW_CACHE_KIB}")
        return connection

    @contextmanager
    def _connection(self) -> Iterator[sqlite3.Connection]:
        connection = self._open()
        try:
            yield connection
        finally:
            connection.close()

    @contextmanager
    def _writer_connection(self) -> Iterator[sqlite3.Connection]:
        with self._writer_lock:
            if self._writer is None:
                self._writer = self._open()
                self._writer.execute(f"PRAGMA synchronous={self._writer_sync}")
                if self._writer_sync == "NORMAL":
                    # Checkpoints (log -> database file, with a sync) every 40 MiB of log rather
                    # than every 4 MiB: a page written by many batches is copied fewer times.
                    self._writer.execute("PRAGMA wal_autocheckpoint=10000")
            yield self._writer

    @contextmanager
    def _session(self, begin: str, connections: Any) -> Iterator[Session]:
        try:
            with connections() as connection:
                connection.execute(begin)
                try:
                    yield _SqliteSession(connection.cursor(), _same)
                    connection.execute("COMMIT")
                except BaseException:
                    if connection.in_transaction:  # a failed COMMIT leaves it open, too
                        connection.execute("ROLLBACK")
                    raise
        except sqlite3.OperationalError as error:
            if _is_busy(error):
                raise ViewStoreUnavailable(str(error)) from error
            raise

    def write(self) -> Any:
        # IMMEDIATE takes the write lock up front, so two writers queue instead of deadlocking.
        return self._session("BEGIN IMMEDIATE", self._writer_connection)

    def read(self) -> Any:
        return self._session("BEGIN", self._connection)

    def flush(self) -> None:
        # A checkpoint copies the log into the database file and syncs it.
        with self._writer_connection() as connection:
            connection.execute("PRAGMA wal_checkpoint(FULL)")

    @contextmanager
    def rebuild_lock(self) -> Iterator[None]:
        # An flock belongs to the open file: the kernel drops it when the holder dies.
        with open(self.path.with_name(f"{self.path.name}.rebuild-lock"), "a") as lock_file:
            try:
                fcntl.flock(lock_file, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise RebuildRunning(f"another process is rebuilding {self.path}") from None
            try:
                yield
            finally:
                fcntl.flock(lock_file, fcntl.LOCK_UN)

    def close(self) -> None:
        with self._writer_lock:
            if self._writer is not None:
                self._writer.close()
                self._writer = None


class PostgresViewStore:
    dialect = "postgresql"

    def __init__(self, url: str, *, schema: str, max_connections: int = 8, bulk: bool = False):
        if not _SCHEMA_NAME.fullmatch(schema):
            raise ConfigurationError(f"not a usable schema name for the views: {schema!r}")
        self._url, self._schema = url, schema
        with psycopg.connect(url, connect_timeout=5, autocommit=True) as connection:
            connection.execute(sql.SQL("CREATE SCHEMA IF NOT EXISTS {}").format(sql.Identifier(schema)))
        self._pool = ConnectionPool(
            url,
            min_size=1,
            max_size=max_connections,
            kwargs={"row_factory": dict_row, "options": f"-c search_path={schema}", "connect_timeout": 5},
            timeout=10,
            open=True,
        )
        with self.write() as session:
            # Two services starting at once may both create a table; the lock makes that one at a time.
            session.execute("SELECT pg_advisory_xact_lock(hashtext(current_schema()))")
            for statement in statements(self.dialect, query_only_indexes=not bulk):
                session.execute(statement)
            for table, column, definition in ADDED_COLUMNS:
                session.execute(f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS {column} {definition}")

    @contextmanager
    def _session(self, *, read_only: bool) -> Iterator[Session]:
        try:
            # Writes are pipelined: statements whose results nobody reads are sent without
            # waiting for the server, so a batch costs a round trip per read, not per statement.
            with (self._pool.connection() as connection,
                  nullcontext() if read_only else connection.pipeline(),
                  connection.transaction()):
                if read_only:
                    connection.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                yield _PostgresSession(connection.cursor(), _to_pyformat)
        except psycopg.OperationalError as error:  # lost connection, pool timeout, deadlock victim
            raise ViewStoreUnavailable(str(error).strip() or type(error).__name__) from error

    def write(self) -> Any:
        return self._session(read_only=False)

    def read(self) -> Any:
        return self._session(read_only=True)

    def flush(self) -> None:
        pass  # every commit is durable already

    @contextmanager
    def rebuild_lock(self) -> Iterator[None]:
        # A session advisory lock on a connection of its own: the server drops it when the
        # connection goes, which it does when the holder dies.
        try:
            with psycopg.connect(self._url, autocommit=True, connect_timeout=5) as connection:
                held = connection.execute("SELECT pg_try_advisory_lock(hashtext(%s))",
                                          (f"{self._schema}.view_rebuild",)).fetchone()
                if not held or not held[0]:
                    raise RebuildRunning(f"another process is rebuilding the views in schema {self._schema}")
                yield
        except psycopg.OperationalError as error:
            raise ViewStoreUnavailable(str(error).strip() or type(error).__name__) from error

    def close(self) -> None:
        self._pool.close()


def _same(statement: str) -> str:
    return statement


@functools.lru_cache(maxsize=512)
def _to_pyformat(statement: str) -> str:
    # View SQL never contains a literal `?` or `%`: values always travel as parameters.
    return statement.replace("?", "%s")


def _is_busy(error: sqlite3.OperationalError) -> bool:
    message = str(error).lower()
    return "locked" in message or "busy" in message
