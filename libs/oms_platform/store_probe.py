"""Readiness of a store: proof that it can write, not only read.

A store can answer reads while refusing every write (a full disk, a file size limit, a read-only
database after a failover): a read probe would call it ready while every command fails. So the
probe commits a write: one row of its own table, rewritten each time, so the table never grows.

Probes run every few seconds and must not compete with the service's own writes:
- a write the service recorded in the last `fresh_seconds` is proof enough, and no probe is written
  (a busy store is never probed at all);
- one probe at a time: a probe still waiting for the store's write lock (SQLite lets one writer in
  at a time) makes the next one fail at once instead of queueing behind it;
- the probe's transaction holds the write lock for one single-row upsert.
"""

from __future__ import annotations

import threading
import time
from typing import Any

from psycopg.sql import SQL, Identifier

from oms_platform.store import ServiceApplication

PROBE_TABLE = "oms_store_probe"


class StoreCannotWrite(RuntimeError):
    """The store refused the probe's write; the message says why in one line."""


class StoreWriteProbe:
    def __init__(self, app: ServiceApplication, *, fresh_seconds: float = 5.0):
        self._app = app
        self._fresh_seconds = fresh_seconds
        self._last_write = float("-inf")
        self._probing = threading.Lock()
        app.on_recorded(self._written)

    def _written(self) -> None:
        self._last_write = time.monotonic()

    def check(self) -> None:
        """Return if the store wrote recently or can write now; else raise StoreCannotWrite."""
        if time.monotonic() - self._last_write < self._fresh_seconds:
            return
        if not self._probing.acquire(blocking=False):
            raise StoreCannotWrite("the previous write probe is still waiting for the store")
        try:
            self._write()
        except Exception as error:  # any refusal means "cannot write"
            raise StoreCannotWrite(f"write refused: {type(error).__name__}: {_first_line(error)}") from error
        finally:
            self._probing.release()
        # Not `_written`: only the service's own writes spare the next probe.

    def _write(self) -> None:
        datastore: Any = self._app.recorder.datastore  # type: ignore[attr-defined]
        if hasattr(datastore, "schema"):  # PostgreSQL: the service's own schema
            table = SQL("{}.{}").format(Identifier(datastore.schema), Identifier(PROBE_TABLE))
            with datastore.transaction(commit=True) as cursor:
                cursor.execute(SQL("CREATE TABLE IF NOT EXISTS {} (id int PRIMARY KEY, probed_at timestamptz NOT NULL)")
                               .format(table))
                cursor.execute(SQL("INSERT INTO {} (id, probed_at) VALUES (1, now())"
                                   " ON CONFLICT (id) DO UPDATE SET probed_at = excluded.probed_at").format(table))
            return
        with datastore.transaction(commit=True) as cursor:
            cursor.execute(f"CREATE TABLE IF NOT EXISTS {PROBE_TABLE}"
                           " (id INTEGER PRIMARY KEY, probed_at REAL NOT NULL)")
            cursor.execute(f"INSERT INTO {PROBE_TABLE} (id, probed_at) VALUES (1, ?)"
                           " ON CONFLICT (id) DO UPDATE SET probed_at = excluded.probed_at", (time.time(),))


def _first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else "no detail"
