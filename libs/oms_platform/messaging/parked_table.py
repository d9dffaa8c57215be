"""The table of parked messages, in each service's own store (SQLite or PostgreSQL).

A consumer parks a valid message that arrived before a fact it depends on (see `parking.py`). The
row is written by the store's recorder inside the transaction that records the message's tracking
position, and deleted inside the transaction that records what the message finally caused: a kill
at any point leaves either the message on the topic (not yet tracked) or its row (not yet
applied), never both and never neither.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from eventsourcing.persistence import IntegrityError
from psycopg.sql import SQL, Composed, Identifier

TABLE = "parked_messages"
_COLUMNS = ("event_id, waiting_for, stream, topic, source_partition, source_offset, message_key,"
            " message_value, headers, reason, parked_at")


@dataclass(frozen=True)
class ParkedMessage:
    """A consumed message kept until what it waits for has been read.

    It has what a Kafka record has (topic, partition, offset, key, value, headers), so it is
    opened, handled and dead-lettered exactly like one.
    """

    event_id: str
    waiting_for: str  # the aggregate whose change may let it through
    stream: str | None  # the tracking name of its upstream aggregate on its topic
    topic: str
    partition: int
    offset: int
    key: bytes | None
    value: bytes
    headers: tuple[tuple[str, bytes], ...]
    reason: str
    parked_at: float

    @property
    def parked_id(self) -> tuple[str, str]:
        return (self.topic, self.event_id)


@dataclass(frozen=True)
class ParkedOutline:
    """What a unit of work needs to know of each parked message, without its bytes."""

    topic: str
    event_id: str
    waiting_for: str
    stream: str | None


def _encode_headers(headers: Iterable[tuple[str, bytes]]) -> str:
    return json.dumps([[name, base64.b64encode(value or b"").decode()] for name, value in headers])


def _decode_headers(text: str) -> tuple[tuple[str, bytes], ...]:
    return tuple((name, base64.b64decode(value)) for name, value in json.loads(text or "[]"))


def _parked(row: Any) -> ParkedMessage:
    key = row["message_key"]
    return ParkedMessage(
        event_id=row["event_id"], waiting_for=row["waiting_for"], stream=row["stream"], topic=row["topic"],
        partition=row["source_partition"], offset=row["source_offset"],
        key=bytes(key) if key is not None else None, value=bytes(row["message_value"]),
        headers=_decode_headers(row["headers"]), reason=row["reason"], parked_at=row["parked_at"],
    )


def _row(message: ParkedMessage) -> tuple[Any, ...]:
    return (message.event_id, message.waiting_for, message.stream, message.topic, message.partition,
            message.offset, message.key, message.value, _encode_headers(message.headers), message.reason,
            message.parked_at)


class ParkingTable:
    """Statements shared by both databases; subclasses say how to run them."""

    placeholder = "?"

    def write(self, cursor: Any, parked: Sequence[ParkedMessage], released: Sequence[tuple[str, str]]) -> None:
        """Inside the recorder's transaction. A message parked and released by the same unit of
        work (its predecessor came later in the same batch) never needs a row."""
        arrived = {message.parked_id for message in parked}
        self._release(cursor, [parked_id for parked_id in released if parked_id not in arrived])
        for message in parked:
            if message.parked_id in released:
                continue
            # A message without a tracking position (a channel adapter's) may be parked twice.
            cursor.execute(self._sql(f"INSERT INTO {{table}} ({_COLUMNS}) VALUES ({', '.join([self.placeholder] * 11)})"
                                     " ON CONFLICT (topic, event_id) DO NOTHING"), _row(message))

    def _release(self, cursor: Any, released: Sequence[tuple[str, str]]) -> None:
        for topic, event_id in released:
            cursor.execute(self._sql(f"DELETE FROM {{table}} WHERE topic = {self.placeholder}"
                                     f" AND event_id = {self.placeholder} RETURNING event_id"), (topic, event_id))
            if cursor.fetchone() is None:
                # Another instance applied it first: this unit must not apply it again.
                raise IntegrityError(f"parked message {topic}/{event_id} was already released")

    def outline(self) -> list[ParkedOutline]:
        rows = self._read("SELECT topic, event_id, waiting_for, stream FROM {table} ORDER BY arrival", ())
        return [ParkedOutline(r["topic"], r["event_id"], r["waiting_for"], r["stream"]) for r in rows]

    def waiting_for(self, aggregate_ids: Sequence[str]) -> list[ParkedMessage]:
        """The messages waiting for these aggregates, in the order they arrived."""
        ids = list(dict.fromkeys(aggregate_ids))
        if not ids:
            return []
        marks = ", ".join([self.placeholder] * len(ids))
        rows = self._read(f"SELECT {_COLUMNS} FROM {{table}} WHERE waiting_for IN ({marks}) ORDER BY arrival", ids)
        return [_parked(row) for row in rows]

    def parked_before(self, moment: float) -> list[ParkedMessage]:
        rows = self._read(f"SELECT {_COLUMNS} FROM {{table}} WHERE parked_at < {self.placeholder} ORDER BY arrival",
                          (moment,))
        return [_parked(row) for row in rows]

    def every(self) -> list[ParkedMessage]:
        return [_parked(row) for row in self._read(f"SELECT {_COLUMNS} FROM {{table}} ORDER BY arrival", ())]

    def counts(self) -> dict[str, int]:
        rows = self._read("SELECT topic, COUNT(*) AS parked FROM {table} GROUP BY topic", ())
        return {row["topic"]: row["parked"] for row in rows}

    def remove(self, parked_ids: Sequence[tuple[str, str]]) -> None:
        """Outside any unit: after a parked message was dead-lettered."""
        raise NotImplementedError

    def _sql(self, statement: str) -> Any:
        raise NotImplementedError

    def _read(self, statement: str, params: Sequence[Any]) -> list[Any]:
        raise NotImplementedError


class SQLiteParkingTable(ParkingTable):
    CREATE: ClassVar[list[str]] = [
        f"CREATE TABLE IF NOT EXISTS {TABLE} (arrival INTEGER PRIMARY KEY AUTOINCREMENT, event_id TEXT NOT NULL,"
        " waiting_for TEXT NOT NULL, stream TEXT, topic TEXT NOT NULL, source_partition INTEGER NOT NULL,"
        " source_offset INTEGER NOT NULL, message_key BLOB, message_value BLOB NOT NULL, headers TEXT NOT NULL,"
        " reason TEXT NOT NULL, parked_at REAL NOT NULL, UNIQUE (topic, event_id))",
        f"CREATE INDEX IF NOT EXISTS {TABLE}_waiting_for ON {TABLE} (waiting_for)",
    ]

    def __init__(self, datastore: Any):
        self._datastore = datastore

    def remove(self, parked_ids: Sequence[tuple[str, str]]) -> None:
        with self._datastore.transaction(commit=True) as c:
            for topic, event_id in parked_ids:
                c.execute(self._sql("DELETE FROM {table} WHERE topic = ? AND event_id = ?"), (topic, event_id))

    def _sql(self, statement: str) -> str:
        return statement.format(table=TABLE)

    def _read(self, statement: str, params: Sequence[Any]) -> list[Any]:
        with self._datastore.transaction(commit=False) as c:
            c.execute(self._sql(statement), params)
            return list(c.fetchall())


class PostgresParkingTable(ParkingTable):
    placeholder = "%s"

    def __init__(self, datastore: Any):
        self._datastore = datastore

    def create_statements(self) -> list[Composed]:
        return [
            self._sql("CREATE TABLE IF NOT EXISTS {table} (arrival BIGSERIAL PRIMARY KEY, event_id TEXT NOT NULL,"
                      " waiting_for TEXT NOT NULL, stream TEXT, topic TEXT NOT NULL, source_partition INTEGER NOT NULL,"
                      " source_offset BIGINT NOT NULL, message_key BYTEA, message_value BYTEA NOT NULL,"
                      " headers TEXT NOT NULL, reason TEXT NOT NULL, parked_at DOUBLE PRECISION NOT NULL,"
                      " UNIQUE (topic, event_id))"),
            self._sql("CREATE INDEX IF NOT EXISTS {index} ON {table} (waiting_for)"),
        ]

    def remove(self, parked_ids: Sequence[tuple[str, str]]) -> None:
        with self._datastore.get_connection() as conn, conn.cursor() as curs:
            for topic, event_id in parked_ids:
                curs.execute(self._sql("DELETE FROM {table} WHERE topic = %s AND event_id = %s"), (topic, event_id))

    def _sql(self, statement: str) -> Composed:
        return SQL(statement).format(table=Identifier(self._datastore.schema, TABLE),
                                     index=Identifier(f"{TABLE}_waiting_for"))

    def _read(self, statement: str, params: Sequence[Any]) -> list[Any]:
        with self._datastore.get_connection() as conn, conn.cursor() as curs:
            curs.execute(self._sql(statement), params)
            return list(curs.fetchall())
