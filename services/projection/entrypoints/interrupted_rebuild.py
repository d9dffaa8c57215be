"""The projection service never serves views a rebuild left half full: it waits for a rebuild that
is still running and redoes one that was interrupted, then starts following the topics (issue 9).

Without this, a `rebuild-projection` killed half way left empty views, and the projection
started on them said it was ready and never filled them: its consumer group was still where it
had been before the rebuild, past every record the rebuild had emptied out.
"""

from __future__ import annotations

import asyncio
import contextlib

from oms_platform.logging import get_logger
from services.projection.adapters.rebuild_marker import UnfinishedRebuild, rebuild_running, unfinished_rebuild
from services.projection.adapters.view_store import RebuildRunning, ViewStore
from services.projection.entrypoints.rebuild import rebuild
from services.projection.settings import ProjectionSettings

log = get_logger(__name__)

REDONE_BY = "projection service, redoing an interrupted rebuild"
CHECK_SECONDS = 1.0


class ViewsCompleteness:
    """Whether the views may be served, and why not: the service's `views` readiness check and
    the query API both look at `problem` (None once the views are complete)."""

    def __init__(self) -> None:
        self.problem: str | None = None

    def incomplete(self, problem: str) -> None:
        self.problem = problem

    def complete(self) -> None:
        self.problem = None

    def unfinished(self, marker: UnfinishedRebuild) -> None:
        self.incomplete(f"The views are incomplete: {marker.describe()} has not finished")


async def complete_views(settings: ProjectionSettings, views: ViewStore, completeness: ViewsCompleteness,
                         stopping: asyncio.Event) -> bool:
    """Return True once no rebuild is unfinished, redoing an interrupted one; False when stopping."""
    delay = CHECK_SECONDS
    while not stopping.is_set():
        try:
            marker = await asyncio.to_thread(unfinished_rebuild, views)
            if marker is None:
                completeness.complete()
                return True
            if await asyncio.to_thread(rebuild_running, views):
                completeness.incomplete(f"The views are incomplete: {marker.describe()} is still running")
            else:
                await _redo(settings, marker, completeness)
                continue
        except RebuildRunning:
            continue  # another process took the rebuild over between the two looks
        except Exception:  # views or broker away: the views stay unserved, try again
            log.exception("could not complete the views", retry_in=delay)
            delay = min(delay * 2, 30.0)
        await _pause(stopping, delay if delay > CHECK_SECONDS else CHECK_SECONDS)
    return False


async def _redo(settings: ProjectionSettings, marker: UnfinishedRebuild, completeness: ViewsCompleteness) -> None:
    completeness.incomplete(f"The views are incomplete: {marker.describe()} was interrupted;"
                            " the projection is redoing it")
    log.warning("views left incomplete by an interrupted rebuild; redoing it",
                started_at=marker.started_at, started_by=marker.started_by)
    summary = await rebuild(settings, workers=1, started_by=REDONE_BY)
    log.info("interrupted rebuild redone", records=summary.records, outcomes=summary.outcomes)


async def _pause(stopping: asyncio.Event, seconds: float) -> None:
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(stopping.wait(), timeout=seconds)
