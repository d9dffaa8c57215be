"""The base of every service's event-sourced application.

It records through a process recorder, so a consumer can write its new events and the upstream
positions it processed in one transaction, and so the relay can keep its own position in the same
store without a second database.

A consumer applies a whole Kafka batch inside a `unit_of_work()`: handlers load and change
aggregates as usual, `record` only collects, and the batch's events and positions are written in
one transaction at the end (one commit per batch instead of one per message). The unit is bound to
the thread that opened it, so HTTP commands running meanwhile neither see its uncommitted state
nor wait for it; if one of them writes an aggregate the batch also changed, the batch's commit
fails on the version and the consumer applies the batch again. Units of one process (batches,
bulk requests) take turns, so they never fail each other.

Aggregates are cached as last written, and loaded from the cache without a query (unless
`OMS_AGGREGATE_CACHE_FASTFORWARD` is on). A unit gets the cached objects themselves, not copies
(see `oms_platform.store.repository`): a unit that fails, or a write that fails, drops every
aggregate it loaded or changed from the cache, so neither half-done changes nor a copy another
instance made stale survive it; the latter costs one failed write, never a wrong one.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from eventsourcing.application import Application, ProcessingEvent
from eventsourcing.domain import BaseAggregate
from eventsourcing.persistence import (
    JSONTranscoder,
    Notification,
    ProcessRecorder,
    StoredEvent,
    Tracking,
    Transcoder,
)
from eventsourcing.utils import strtobool

from oms_platform.messaging.outbox import Outbox
from oms_platform.store.repository import UnitAwareRepository, has_unrecorded_changes
from oms_platform.store.snapshots import take_due_snapshots
from oms_platform.store.transcoder import StampingTranscoder
from oms_platform.store.values import MoneyAsDict
from oms_platform.tracing import active_tracer, commit_span

RELAY_TRACKING_NAME = "__relay__"


@dataclass(frozen=True)
class StoredMessageMeta:
    correlation_id: str
    causation_id: str


@dataclass
class UnitOfWork:
    """What a batch changed and has not written yet."""

    stored_events: list[StoredEvent] = field(default_factory=list)
    # The messages sealed for each stored event (None: no outbox), written in the same transaction.
    outbox: list[Any] = field(default_factory=list)
    processing: list[ProcessingEvent] = field(default_factory=list)
    aggregates: dict[Any, Any] = field(default_factory=dict)
    # Every aggregate handed to the unit's handlers: out of the shared cache until the unit ends.
    loaded: dict[Any, Any] = field(default_factory=dict)
    positions: dict[str, int] = field(default_factory=dict)
    # Positions read from the store when the unit began (see `prefetch_positions`).
    known_positions: dict[str, int] = field(default_factory=dict)
    # Messages parked and parked messages released (oms_platform.messaging.parking).
    parked: list[Any] = field(default_factory=list)
    released: list[Any] = field(default_factory=list)

    def add(self, processing: ProcessingEvent, stored: Sequence[StoredEvent], sealed: Sequence[Any] | None) -> None:
        self.stored_events.extend(stored)
        self.outbox.extend(sealed if sealed is not None else [None] * len(stored))
        self.parked.extend(processing.saved_kwargs.get("parked", ()))
        self.released.extend(processing.saved_kwargs.get("released", ()))
        self.processing.append(processing)
        self.aggregates.update(processing.aggregates)
        tracking = processing.tracking
        if tracking is not None:
            previous = self.positions.get(tracking.application_name, 0)
            self.positions[tracking.application_name] = max(previous, tracking.notification_id)

    def trackings(self) -> list[Tracking]:
        return [Tracking(name, position) for name, position in self.positions.items()]

    def is_empty(self) -> bool:
        return not (self.stored_events or self.positions or self.parked or self.released)


class ServiceApplication(Application):
    """Subclasses add the service's commands: get aggregates, call them, `record` them."""

    recorder: ProcessRecorder

    def __init__(self, env: Any = None) -> None:
        self._units = threading.local()
        self._unit_lock = threading.Lock()
        self._recorded_listeners: list[Callable[[], None]] = []
        self._outbox: Outbox | None = None
        # Set by the runtime to its store-write histogram.
        self.observe_write_seconds: Callable[[float], None] = lambda seconds: None
        super().__init__(env)

    def construct_recorder(self) -> ProcessRecorder:
        return self.factory.process_recorder()

    def construct_transcoder(self) -> Transcoder:
        transcoder = StampingTranscoder()
        self.register_transcodings(transcoder)
        return transcoder

    def register_transcodings(self, transcoder: JSONTranscoder) -> None:
        super().register_transcodings(transcoder)
        transcoder.register(MoneyAsDict())

    if TYPE_CHECKING:  # the repository construct_repository makes (the base class types it as any Repository)
        @property
        def repository(self) -> UnitAwareRepository: ...

    def construct_repository(self) -> UnitAwareRepository:
        maxsize = self.env.get(self.AGGREGATE_CACHE_MAXSIZE)
        return UnitAwareRepository(
            event_store=self.events,
            snapshot_store=self.snapshots,
            cache_maxsize=int(maxsize) if maxsize else None,
            fastforward=strtobool(self.env.get(self.AGGREGATE_CACHE_FASTFORWARD, "y")),
            fastforward_skipping=strtobool(self.env.get(self.AGGREGATE_CACHE_FASTFORWARD_SKIPPING, "n")),
            deepcopy_from_cache=strtobool(self.env.get(self.DEEPCOPY_FROM_AGGREGATE_CACHE, "y")),
            current_unit=self._current_unit,
        )

    def record(self, *aggregates: Any, tracking: Tracking | None = None, parked: Sequence[Any] = (),
               released: Sequence[Any] = ()) -> None:
        """Save the aggregates' new events, and the tracking position if given, atomically.

        `parked` messages are kept and `released` ones (their ids) dropped in the same transaction
        (see `oms_platform.messaging.parking`). Inside a unit of work the write waits for the
        unit's end; the events are encoded now, so they are stamped with the correlation of the
        message being handled.
        """
        processing: ProcessingEvent[Any] = ProcessingEvent(tracking=tracking)
        _collect(processing, aggregates, _parking_changes(parked, released))
        sealed = self._seal(processing)
        unit = self._current_unit()
        if unit is not None:
            unit.add(processing, [self.mapper.to_stored_event(event) for event in processing.events], sealed)
            return
        started = time.perf_counter()
        tracer = active_tracer()
        if tracer is None:
            recordings = self._record(processing)  # puts the aggregates in the cache when written
        else:
            with commit_span(tracer, self.recorder, len(processing.events)):
                recordings = self._record(processing)
        self.observe_write_seconds(time.perf_counter() - started)
        self._take_snapshots(processing)
        self._notify(recordings)

    def record_at_once(self, *aggregates: Any) -> None:
        """Write the aggregates now, even inside a unit of work, and whatever becomes of the unit.

        For what must be taken for good before it is used, such as a block of order numbers: if
        the unit that used one number failed and the block were not written, another instance
        could reserve the same block and hand out the same numbers.
        """
        processing: ProcessingEvent[Any] = ProcessingEvent()
        _collect(processing, aggregates, {})
        self._seal(processing)
        started = time.perf_counter()
        unit = self._current_unit()
        try:
            self._record(processing)
        except Exception:
            if unit is not None:  # the unit must load them again, from the store
                for aggregate_id in processing.aggregates:
                    unit.loaded.pop(aggregate_id, None)
            raise
        if unit is not None:  # the unit holds them until it ends; nobody else may share them
            self.repository.evict(processing.aggregates)
            unit.loaded.update(processing.aggregates)
        self.observe_write_seconds(time.perf_counter() - started)
        self._take_snapshots(processing)
        self._notify([])

    @contextmanager
    def unit_of_work(self) -> Iterator[UnitOfWork]:
        """Collect every `record` in this thread and write them in one transaction at the end.

        An exception inside the block, or a failed write, leaves the store as it was, and the
        cache without any aggregate the unit loaded or changed. Units of one process run one at a
        time: a consumer batch and a bulk HTTP request touching the same aggregates would
        otherwise fail each other on the version, again and again (a 500-message batch is open
        for a while). Single commands outside units do not wait.
        """
        if self._current_unit() is not None:
            raise RuntimeError("a unit of work is already open in this thread")
        with self._unit_lock:
            unit = UnitOfWork()
            self._units.current = unit
            try:
                yield unit
            except BaseException:
                self._forget([*unit.loaded, *unit.aggregates])
                raise
            finally:
                self._units.current = None
            if not unit.is_empty():
                self._write(unit)
            self._share(unit)

    def _write(self, unit: UnitOfWork) -> None:
        started = time.perf_counter()
        tracer = active_tracer()
        try:
            if tracer is None:
                self._insert(unit)
            else:
                # Linked to the spans the unit's events were recorded in (requests of a group
                # commit round, records of a consumer batch): their trace headers say which.
                with commit_span(tracer, self.recorder, len(unit.stored_events),
                                 [s.headers for sealed in unit.outbox if sealed for s in sealed]):
                    self._insert(unit)
        except Exception:
            self._forget([*unit.loaded, *unit.aggregates])
            raise
        self.observe_write_seconds(time.perf_counter() - started)
        take_due_snapshots(self, [e for p in unit.processing for e in p.events], unit.aggregates)
        self._notify([])

    def _insert(self, unit: UnitOfWork) -> None:
        self.recorder.insert_events(unit.stored_events, trackings=unit.trackings(), outbox=unit.outbox,
                                    **_parking_changes(unit.parked, unit.released))

    def _record(self, processing_event: ProcessingEvent) -> list[Any]:
        try:
            return super()._record(processing_event)
        except Exception:
            self._forget(processing_event.aggregates)
            raise

    def _take_snapshots(self, processing_event: ProcessingEvent) -> None:
        take_due_snapshots(self, processing_event.events, processing_event.aggregates)

    def publish_with(self, outbox: Outbox) -> None:
        """From now on, seal each recorded event's messages and write them with it (the relay
        sets this up; events recorded without it are translated by the relay when it sends)."""
        self._outbox = outbox

    def _seal(self, processing: ProcessingEvent) -> list[Any] | None:
        """The messages of the events being recorded, sealed now: now is when the work that
        records them is current (its correlation ids go into the envelopes)."""
        if self._outbox is None or not processing.events:
            return None
        sealed = self._outbox.seal_recorded(processing.events)
        processing.saved_kwargs["outbox"] = sealed  # for writes outside units: see recorders.py
        return sealed

    def outbox_after(self, position: int, limit: int, stop: int | None = None) -> list[tuple[int, bytes | None]]:
        """(position, outbox row or None) of the stored events after `position`, up to `stop`."""
        return self.recorder.outbox.after(position, limit, stop)  # type: ignore[attr-defined]

    def _share(self, unit: UnitOfWork) -> None:
        """Put back into the cache what the unit wrote and what it only read, unless a handler
        changed it and never recorded the change (its failure was caught and the unit went on)."""
        if self.repository.fastforward:
            return  # loads copy and fast-forward: nothing was taken out of the cache
        written = {i: a for i, a in unit.aggregates.items() if not has_unrecorded_changes(a)}
        read = {i: a for i, a in unit.loaded.items()
                if i not in unit.aggregates and not has_unrecorded_changes(a)}
        self.repository.put_back(written)
        self.repository.put_back(read, only_if_absent=True)

    def _forget(self, aggregate_ids: Any) -> None:
        """Drop aggregates whose write or unit failed: the copy in memory may hold changes that
        were never written, or be stale (another instance wrote a newer version), so the retry
        must load them from the store."""
        self.repository.evict(aggregate_ids)

    def _current_unit(self) -> UnitOfWork | None:
        return getattr(self._units, "current", None)

    def on_recorded(self, listener: Callable[[], None]) -> Callable[[], None]:
        """Call `listener` (from the recording thread) after each write, e.g. to wake the relay.

        Returns the function that stops the calls.
        """
        self._recorded_listeners.append(listener)
        return lambda: self._recorded_listeners.remove(listener)

    def _notify(self, recordings: list[Any]) -> None:
        for listener in self._recorded_listeners:
            listener()

    def position(self) -> int:
        """The newest position in this store's notification log (0 when empty)."""
        return self.recorder.max_notification_id() or 0

    def notifications_after(self, position: int, limit: int) -> Sequence[Notification]:
        return self.recorder.select_notifications(
            start=position, limit=limit, inclusive_of_start=False
        )

    def tracked_position(self, name: str) -> int:
        unit = self._current_unit()
        if unit is not None:
            if name in unit.positions:
                return unit.positions[name]
            if name in unit.known_positions:
                return unit.known_positions[name]
        return self.recorder.max_tracking_id(name) or 0

    def prefetch_positions(self, names: Sequence[str]) -> None:
        """Read the positions a unit is about to ask for with one query instead of one each."""
        unit = self._current_unit()
        if unit is None or not names:
            return
        found = self.recorder.max_tracking_ids(names)  # type: ignore[attr-defined]
        unit.known_positions.update({name: found.get(name) or 0 for name in names})

    @property
    def parking(self) -> Any:
        """The store's parked messages (`oms_platform.messaging.parked_table.ParkingTable`)."""
        return self.recorder.parking  # type: ignore[attr-defined]

    def message_meta(self, notification: Notification) -> StoredMessageMeta | None:
        transcoder = self.mapper.transcoder
        assert isinstance(transcoder, StampingTranscoder)
        meta = transcoder.decode_meta(notification.state)
        if not meta:
            return None
        return StoredMessageMeta(meta["correlation_id"], meta["causation_id"])


def _parking_changes(parked: Sequence[Any], released: Sequence[Any]) -> dict[str, Any]:
    # Only when there are any: the library passes unknown keywords on to the recorder.
    changes: dict[str, Any] = {}
    if parked:
        changes["parked"] = list(parked)
    if released:
        changes["released"] = list(released)
    return changes


def _collect(processing: ProcessingEvent[Any], aggregates: Sequence[Any], saved: dict[str, Any]) -> None:
    """`processing.collect_events`, without its runtime-Protocol isinstance checks for the common
    case of an aggregate: they cost 10-20 µs per aggregate on Python 3.11 (5 % of a busy
    inventory's CPU). Anything else goes through the library's own method."""
    for obj in aggregates:
        if isinstance(obj, BaseAggregate):
            processing.events.extend(obj.collect_events())
            processing.aggregates[obj.id] = obj
        elif obj is not None:
            processing.collect_events(obj)
    processing.saved_kwargs.update(saved)
