"""The base of every service's event-sourced application.

It records through a process recorder, so a consumer can write its new events and the upstream
position it processed in one transaction, and so the relay can keep its own position in the same
store without a second database.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from eventsourcing.application import Application, ProcessingEvent
from eventsourcing.persistence import (
    Notification,
    ProcessRecorder,
    Tracking,
    Transcoder,
)

from oms_platform.store.transcoder import StampingTranscoder

RELAY_TRACKING_NAME = "__relay__"


@dataclass(frozen=True)
class StoredMessageMeta:
    correlation_id: str
    causation_id: str


class ServiceApplication(Application):
    """Subclasses add the service's commands: get aggregates, call them, `record` them."""

    recorder: ProcessRecorder

    def construct_recorder(self) -> ProcessRecorder:
        return self.factory.process_recorder()

    def construct_transcoder(self) -> Transcoder:
        transcoder = StampingTranscoder()
        self.register_transcodings(transcoder)
        return transcoder

    def record(self, *aggregates: Any, tracking: Tracking | None = None) -> None:
        """Save the aggregates' new events, and the tracking position if given, atomically."""
        processing = ProcessingEvent(tracking=tracking)
        processing.collect_events(*aggregates)
        recordings = self._record(processing)
        self._take_snapshots(processing)
        self._notify(recordings)

    def position(self) -> int:
        """The newest position in this store's notification log (0 when empty)."""
        return self.recorder.max_notification_id() or 0

    def notifications_after(self, position: int, limit: int) -> Sequence[Notification]:
        return self.recorder.select_notifications(
            start=position, limit=limit, inclusive_of_start=False
        )

    def tracked_position(self, name: str) -> int:
        return self.recorder.max_tracking_id(name) or 0

    def message_meta(self, notification: Notification) -> StoredMessageMeta | None:
        transcoder = self.mapper.transcoder
        assert isinstance(transcoder, StampingTranscoder)
        meta = transcoder.decode_meta(notification.state)
        if not meta:
            return None
        return StoredMessageMeta(meta["correlation_id"], meta["causation_id"])
