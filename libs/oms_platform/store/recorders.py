"""Process recorders that write several tracking positions with one transaction's events.

eventsourcing's process recorders take one `tracking=` per `insert_events` call, so a consumer
could record only one upstream message per transaction, and every message paid for a commit. These
subclasses also accept `trackings=[...]`: a consumer applies a whole Kafka batch, then records the
batch's events and every upstream position it processed in ONE transaction, or none of them.

Both hook the library's `_insert_events(cursor, ...)`, which runs inside the transaction that
inserts the events (pinned eventsourcing 9.5.6; tests on both backends guard the hook).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from eventsourcing.persistence import StoredEvent, Tracking
from eventsourcing.postgres import PostgresProcessRecorder
from eventsourcing.sqlite import SQLiteProcessRecorder


def _trackings(kwargs: dict[str, Any]) -> Sequence[Tracking]:
    return kwargs.get("trackings") or ()


class BatchingSQLiteProcessRecorder(SQLiteProcessRecorder):
    def _insert_events(self, c: Any, stored_events: Sequence[StoredEvent], **kwargs: Any) -> Sequence[int] | None:
        returning = super()._insert_events(c, stored_events, **kwargs)
        for tracking in _trackings(kwargs):
            self._insert_tracking(c, tracking)
        return returning


class BatchingPostgresProcessRecorder(PostgresProcessRecorder):
    def _insert_events(self, curs: Any, stored_events: Sequence[StoredEvent], **kwargs: Any) -> None:
        # Positions first, as the library does for one: a taken position fails the batch before
        # any event row is written.
        for tracking in _trackings(kwargs):
            self._insert_tracking(curs, tracking=tracking)
        super()._insert_events(curs, stored_events, **kwargs)


RECORDER_TOPICS = {
    "eventsourcing.sqlite": f"{__name__}:{BatchingSQLiteProcessRecorder.__name__}",
    "eventsourcing.postgres": f"{__name__}:{BatchingPostgresProcessRecorder.__name__}",
}
