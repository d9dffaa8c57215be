"""Process recorders that write several tracking positions with one transaction's events, and
read many positions with one query.

eventsourcing's process recorders take one `tracking=` per `insert_events` call, so a consumer
could record only one upstream message per transaction, and every message paid for a commit. These
subclasses also accept `trackings=[...]`: a consumer applies a whole Kafka batch, then records the
batch's events and every upstream position it processed in ONE transaction, or none of them.

Both hook the library's `_insert_events(cursor, ...)`, which runs inside the transaction that
inserts the events (pinned eventsourcing 9.5.6; tests on both backends guard the hook). The same
hook writes and releases parked messages (`parked=[...]`, `released=[...]`, see
`oms_platform.messaging.parked_table`) in that transaction, and the events' outbox rows
(`outbox=[...]`, one entry per stored event, see `oms_platform.store.outbox_table`) once the
events have their notification ids.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from eventsourcing.persistence import StoredEvent, Tracking
from eventsourcing.postgres import PostgresProcessRecorder
from eventsourcing.sqlite import SQLiteProcessRecorder
from psycopg.sql import SQL, Identifier

from oms_platform.messaging.parked_table import PostgresParkingTable, SQLiteParkingTable
from oms_platform.store.outbox_table import PostgresOutboxTable, SQLiteOutboxTable

# SQLite allows 32766 host parameters per statement; stay far below.
_SQLITE_NAMES_PER_QUERY = 900


def _trackings(kwargs: dict[str, Any]) -> Sequence[Tracking]:
    return kwargs.get("trackings") or ()


class BatchingSQLiteProcessRecorder(SQLiteProcessRecorder):
    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.parking = SQLiteParkingTable(self.datastore)
        self.outbox = SQLiteOutboxTable(self.datastore, self.events_table_name)

    def construct_create_table_statements(self) -> list[str]:
        return [*super().construct_create_table_statements(), *SQLiteParkingTable.CREATE, *SQLiteOutboxTable.CREATE]

    def _insert_events(self, c: Any, stored_events: Sequence[StoredEvent], **kwargs: Any) -> Sequence[int] | None:
        returning = super()._insert_events(c, stored_events, **kwargs)
        self.outbox.write(c, returning, kwargs.get("outbox"))
        for tracking in _trackings(kwargs):
            self._insert_tracking(c, tracking)
        self.parking.write(c, kwargs.get("parked") or (), kwargs.get("released") or ())
        return returning

    def max_tracking_ids(self, names: Sequence[str]) -> dict[str, int]:
        """The recorded position of each name that has one (one query per 900 names)."""
        found: dict[str, int] = {}
        unique = list(dict.fromkeys(names))
        with self.datastore.transaction(commit=False) as c:
            for start in range(0, len(unique), _SQLITE_NAMES_PER_QUERY):
                chunk = unique[start:start + _SQLITE_NAMES_PER_QUERY]
                c.execute(
                    "SELECT application_name, MAX(notification_id) FROM tracking WHERE application_name IN "
                    f"({','.join('?' * len(chunk))}) GROUP BY application_name",
                    chunk,
                )
                found.update((row[0], row[1]) for row in c.fetchall())
        return found


class BatchingPostgresProcessRecorder(PostgresProcessRecorder):
    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.parking = PostgresParkingTable(self.datastore)
        self.outbox = PostgresOutboxTable(self.datastore, self.events_table_name)
        self.sql_create_statements.extend([*self.parking.create_statements(), *self.outbox.create_statements()])

    def _insert_events(self, curs: Any, stored_events: Sequence[StoredEvent], **kwargs: Any) -> None:
        # Positions first, as the library does for one: a taken position fails the batch before
        # any event row is written.
        for tracking in _trackings(kwargs):
            self._insert_tracking(curs, tracking=tracking)
        self.parking.write(curs, kwargs.get("parked") or (), kwargs.get("released") or ())
        super()._insert_events(curs, stored_events, **kwargs)

    def _fetch_ids_after_insert_events(self, curs: Any, stored_events: Sequence[StoredEvent],
                                       **kwargs: Any) -> Sequence[int] | None:
        # The first moment the events' notification ids are known, still inside the transaction.
        positions = super()._fetch_ids_after_insert_events(curs, stored_events, **kwargs)
        self.outbox.write(curs, positions, kwargs.get("outbox"))
        return positions

    def max_tracking_ids(self, names: Sequence[str]) -> dict[str, int]:
        """The recorded position of each name that has one, in one query."""
        statement = SQL(
            "SELECT application_name, MAX(notification_id) AS position FROM {0}.{1}"
            " WHERE application_name = ANY(%s) GROUP BY application_name"
        ).format(Identifier(self.datastore.schema), Identifier(self.tracking_table_name))
        with self.datastore.get_connection() as conn, conn.cursor() as curs:
            curs.execute(statement, (list(dict.fromkeys(names)),))
            return {row["application_name"]: row["position"] for row in curs.fetchall()}


RECORDER_TOPICS = {
    "eventsourcing.sqlite": f"{__name__}:{BatchingSQLiteProcessRecorder.__name__}",
    "eventsourcing.postgres": f"{__name__}:{BatchingPostgresProcessRecorder.__name__}",
}
