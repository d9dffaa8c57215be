"""The durable trace of a rebuild in progress, so that views a killed rebuild left half full are
never served as if they were complete (issue 9).

The marker is written in the transaction that empties the views and deleted only after every
record was replayed and the views were made durable. A marker whose rebuild holds no lock any more
(`ViewStore.rebuild_lock`) belongs to a rebuild that was interrupted.
"""

from __future__ import annotations

import os
import socket
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from services.projection.adapters.view_schema import REBUILD_MARKER_TABLE
from services.projection.adapters.view_store import RebuildRunning, Session, ViewStore


@dataclass(frozen=True)
class UnfinishedRebuild:
    rebuild_id: str
    started_at: str
    started_by: str

    def describe(self) -> str:
        return f"the rebuild started at {self.started_at} by {self.started_by}"


def mark_rebuild_started(session: Session, started_by: str) -> None:
    """Record, in the caller's transaction, that the views are being rebuilt (one rebuild at a time)."""
    session.execute(f"DELETE FROM {REBUILD_MARKER_TABLE}")  # noqa: S608 - our own table name
    session.execute(
        f"INSERT INTO {REBUILD_MARKER_TABLE} (rebuild_id, started_at, started_by) VALUES (?, ?, ?)",  # noqa: S608
        (str(uuid.uuid4()), datetime.now(UTC).isoformat(timespec="seconds"),
         f"{started_by} (pid {os.getpid()} on {socket.gethostname()})"),
    )


def mark_rebuild_finished(views: ViewStore) -> None:
    with views.write() as session:
        session.execute(f"DELETE FROM {REBUILD_MARKER_TABLE}")  # noqa: S608


def unfinished_rebuild(views: ViewStore) -> UnfinishedRebuild | None:
    with views.read() as session:
        row = session.one(f"SELECT rebuild_id, started_at, started_by FROM {REBUILD_MARKER_TABLE}")  # noqa: S608
    return UnfinishedRebuild(**row) if row else None


def rebuild_running(views: ViewStore) -> bool:
    """True while some process (this one included) holds the rebuild lock."""
    try:
        with views.rebuild_lock():
            return False
    except RebuildRunning:
        return True
