"""Snapshots of aggregates that grow without bound (stock per SKU, the day's order numbers), so
that loading one after a restart or a cache eviction replays at most an interval of events.

A service's application declares `snapshotting_intervals = {Aggregate: every}`. The library takes
a snapshot by replaying the aggregate from the store at the version due; after a write the
aggregate is already in memory at the version just written, so it is snapshotted as it is. One
whose memory holds changes a failed handler never recorded is skipped: its next interval will do.
A snapshot that cannot be written is only a missed shortcut: the events are written already, so
the write that caused it must not be reported as failed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from oms_platform.logging import get_logger
from oms_platform.store.repository import has_unrecorded_changes

log = get_logger(__name__)


def take_due_snapshots(app: Any, events: Iterable[Any], aggregates: Mapping[Any, Any]) -> None:
    intervals = app.snapshotting_intervals
    if app.snapshots is None or not intervals:
        return
    due: dict[Any, Any] = {}
    for event in events:
        aggregate = aggregates.get(event.originator_id)
        every = intervals.get(type(aggregate))
        if every and event.originator_version % every == 0 and not has_unrecorded_changes(aggregate):
            due[event.originator_id] = aggregate
    if not due:
        return
    try:
        app.snapshots.put([_snapshot_class(app, a).take(a) for a in due.values()])
    except Exception as error:  # noqa: BLE001 - see the module's docstring
        log.warning("snapshot not taken", aggregates=len(due), error=f"{type(error).__name__}: {error}")


def _snapshot_class(app: Any, aggregate: Any) -> Any:
    return getattr(type(aggregate), "Snapshot", type(app).snapshot_class)
