"""Writes by other processes, told to the relay as they happen (PostgreSQL LISTEN/NOTIFY).

The relay is woken by every write its own process makes. Several instances of a service on one
PostgreSQL store write it too: the recorder sends `NOTIFY <events table>` with every insert (the
eventsourcing library does), so a listening connection wakes the relay within milliseconds, and its
idle look (`OMS_RELAY_IDLE_SECONDS`) is only a safety net. A SQLite store has one writing process,
so nothing is listened for there.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import psycopg
from psycopg import sql

from oms_platform.logging import get_logger

log = get_logger(__name__)

RECONNECT_SECONDS = 1.0
_CONNECTION_KEYS = ("dbname", "host", "port", "user", "password")


def write_channel(recorder: Any) -> tuple[str, dict[str, Any]] | None:
    """The NOTIFY channel of a PostgreSQL recorder and how to connect to its database; None for a
    store without one."""
    channel = getattr(recorder, "channel_name", None)
    pool = getattr(getattr(recorder, "datastore", None), "pool", None)
    if not isinstance(channel, str) or pool is None:
        return None
    settings = getattr(pool, "kwargs", None) or {}
    return channel, {key: settings[key] for key in _CONNECTION_KEYS if settings.get(key) is not None}


async def listen_for_writes(recorder: Any, wake: Callable[[], None]) -> None:
    """Call `wake` on every write another process makes to the store, until cancelled. A lost
    connection is opened again; whatever was written meanwhile is found by the wake that follows
    every (re)connection."""
    found = write_channel(recorder)
    if found is None:
        return
    channel, connection = found
    while True:
        try:
            async with await psycopg.AsyncConnection.connect(autocommit=True, **connection) as conn:
                await conn.execute(sql.SQL("LISTEN {}").format(sql.Identifier(channel)))
                wake()
                async for _ in conn.notifies():
                    wake()
        except (psycopg.Error, OSError) as error:
            log.warning("not listening for writes to the store; the relay looks now and then",
                        error=str(error).splitlines()[0] if str(error) else type(error).__name__)
            await asyncio.sleep(RECONNECT_SECONDS)
