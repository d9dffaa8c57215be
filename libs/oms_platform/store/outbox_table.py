"""The outbox table: one row per stored event, keyed by its notification id, holding the messages
the event is published as (`oms_platform.messaging.outbox`), written in the transaction that
inserts the event.

Reading pairs every notification id after a position with its row, or with None for an event
stored without one (before the outbox existed), so the relay can translate those the old way.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from psycopg.sql import SQL, Composed, Identifier

from oms_platform.messaging.outbox import Sealed, encode_messages

TABLE = "outbox"

# Per stored event: the messages sealed for it, or None when it was recorded without an outbox.
SealedPerEvent = Sequence[Sequence[Sealed] | None]


def rows(positions: Sequence[int] | None, sealed: SealedPerEvent | None) -> list[tuple[int, bytes]]:
    """(notification id, row bytes) for each event that came with its messages."""
    if not sealed or not positions:
        return []
    if len(positions) != len(sealed):
        raise ValueError(f"{len(sealed)} outbox entries for {len(positions)} stored events")
    return [(position, encode_messages([s.at(position) for s in messages]))
            for position, messages in zip(positions, sealed, strict=True) if messages is not None]


class SQLiteOutboxTable:
    CREATE: ClassVar[list[str]] = [
        f"CREATE TABLE IF NOT EXISTS {TABLE} (notification_id INTEGER PRIMARY KEY, messages BLOB NOT NULL)"]

    def __init__(self, datastore: Any, events_table: str):
        self._datastore = datastore
        self._select = (
            f"SELECT e.rowid, o.messages FROM {events_table} e LEFT JOIN {TABLE} o ON o.notification_id = e.rowid"
            " WHERE e.rowid > ? AND e.rowid <= ? ORDER BY e.rowid LIMIT ?"
        )

    def write(self, cursor: Any, positions: Sequence[int] | None, sealed: SealedPerEvent | None) -> None:
        written = rows(positions, sealed)
        if written:
            cursor.executemany(f"INSERT INTO {TABLE} (notification_id, messages) VALUES (?, ?)", written)

    def after(self, position: int, limit: int, stop: int | None = None) -> list[tuple[int, bytes | None]]:
        with self._datastore.transaction(commit=False) as c:
            c.execute(self._select, (position, stop if stop is not None else 2**62, limit))
            return [(row[0], row[1]) for row in c.fetchall()]


class PostgresOutboxTable:
    def __init__(self, datastore: Any, events_table: str):
        self._datastore = datastore
        self._table = Identifier(datastore.schema, TABLE)
        self._select = SQL(
            "SELECT e.notification_id, o.messages FROM {events} e LEFT JOIN {table} o"
            " ON o.notification_id = e.notification_id"
            " WHERE e.notification_id > %s AND e.notification_id <= %s ORDER BY e.notification_id LIMIT %s"
        ).format(events=Identifier(datastore.schema, events_table), table=self._table)

    def create_statements(self) -> list[Composed]:
        return [SQL("CREATE TABLE IF NOT EXISTS {table} (notification_id BIGINT PRIMARY KEY, messages BYTEA NOT NULL)")
                .format(table=self._table)]

    def write(self, cursor: Any, positions: Sequence[int] | None, sealed: SealedPerEvent | None) -> None:
        written = rows(positions, sealed)
        if written:
            cursor.executemany(SQL("INSERT INTO {table} (notification_id, messages) VALUES (%s, %s)")
                               .format(table=self._table), written)

    def after(self, position: int, limit: int, stop: int | None = None) -> list[tuple[int, bytes | None]]:
        with self._datastore.get_connection() as conn, conn.cursor() as curs:
            curs.execute(self._select, (position, stop if stop is not None else 2**62, limit), prepare=True)
            return [(row["notification_id"], bytes(row["messages"]) if row["messages"] is not None else None)
                    for row in curs.fetchall()]
