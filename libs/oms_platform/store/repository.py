"""The repository every service loads its aggregates through: cached, and copied only where needed.

A deep copy of a cached Order costs about 250 µs, and a consumer batch loads the same aggregates
again and again, so a unit of work (one thread, units taking turns) gets the cached object itself.
While a unit holds an aggregate it is out of the shared cache: nobody else can see or change its
uncommitted state, and another thread that needs it meanwhile loads it from the store. The unit
puts back what it wrote and what it only read; a unit that fails puts back nothing, so its
half-done changes are never loaded again.

A handler inside a unit may change an aggregate and then fail while the unit goes on (a message
refused or parked, a group-commit command refused): the aggregate then has events it never
recorded. Such an aggregate is rebuilt from the store and the unit's recorded events before it is
handed out again, and never put back into the cache.

Commands outside units (HTTP, the consumer's one-message-at-a-time path) run concurrently in
threads, so they get a private copy as before; they are few compared with batch loads.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterable
from copy import deepcopy
from typing import TYPE_CHECKING, Any

from eventsourcing.application import AggregateNotFoundError, Repository, project_aggregate

if TYPE_CHECKING:
    from oms_platform.store.application import UnitOfWork


class UnitAwareRepository(Repository):
    def __init__(self, *args: Any, current_unit: Callable[[], UnitOfWork | None], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self._current_unit = current_unit
        # Taking an aggregate out of the cache for a unit and copying it for a command must not
        # overlap: the unit would start changing what the command is still copying.
        self._handout = threading.Lock()
        # Told of every aggregate read from the store (a metric, set by the service runtime).
        self.count_store_load: Callable[[], None] = lambda: None

    def get(self, aggregate_id: Any, *, version: int | None = None, **kwargs: Any) -> Any:
        if version is not None or self.cache is None or self.fastforward:
            # Fast-forward changes cached aggregates in place from other threads: keep copying.
            return super().get(aggregate_id, version=version, **kwargs)
        unit = self._current_unit()
        if unit is None:
            return self._private_copy(aggregate_id)
        held = unit.loaded.get(aggregate_id)
        if held is None:
            held = unit.aggregates.get(aggregate_id)
        if held is not None:
            if has_unrecorded_changes(held):
                held = self._restore(aggregate_id, unit)
            unit.loaded[aggregate_id] = held
            return held
        unit.loaded[aggregate_id] = self._take(aggregate_id)
        return unit.loaded[aggregate_id]

    def _private_copy(self, aggregate_id: Any) -> Any:
        assert self.cache is not None
        with self._handout:
            try:
                return deepcopy(self.cache.get(aggregate_id))
            except KeyError:
                pass
        self.count_store_load()
        aggregate: Any = self._reconstruct_aggregate(aggregate_id, None, project_aggregate)  # type: ignore[arg-type]
        self.put_back({aggregate_id: deepcopy(aggregate)}, only_if_absent=True)
        return aggregate

    def _take(self, aggregate_id: Any) -> Any:
        assert self.cache is not None
        with self._handout:
            try:
                return self.cache.get(aggregate_id, evict=True)
            except KeyError:
                pass
        self.count_store_load()
        return self._reconstruct_aggregate(aggregate_id, None, project_aggregate)  # type: ignore[arg-type]

    def _restore(self, aggregate_id: Any, unit: UnitOfWork) -> Any:
        """The aggregate as the store and the unit's recorded events say, without what a failed
        handler changed and never recorded."""
        try:
            aggregate: Any = self._reconstruct_aggregate(aggregate_id, None, project_aggregate)  # type: ignore[arg-type]
        except AggregateNotFoundError:
            aggregate = None  # created in this unit
        mapper = self.event_store.mapper
        recorded = [mapper.to_domain_event(s) for s in unit.stored_events if s.originator_id == aggregate_id]
        aggregate = project_aggregate(aggregate, recorded)
        if aggregate is None:
            raise AggregateNotFoundError(aggregate_id)
        if aggregate_id in unit.aggregates:
            unit.aggregates[aggregate_id] = aggregate
        return aggregate

    def put_back(self, aggregates: dict[Any, Any], *, only_if_absent: bool = False) -> None:
        """Share aggregates through the cache again. `only_if_absent` for what was only read: a
        command on another thread may have written and cached a newer version meanwhile."""
        if self.cache is None:
            return
        with self._handout:
            for aggregate_id, aggregate in aggregates.items():
                if only_if_absent and _cached(self.cache, aggregate_id):
                    continue
                self.cache.put(aggregate_id, aggregate)

    def evict(self, aggregate_ids: Iterable[Any]) -> None:
        if self.cache is None:
            return
        with self._handout:
            for aggregate_id in list(aggregate_ids):
                with contextlib.suppress(KeyError):
                    self.cache.get(aggregate_id, evict=True)


def has_unrecorded_changes(aggregate: Any) -> bool:
    return bool(getattr(aggregate, "pending_events", None))


def _cached(cache: Any, aggregate_id: Any) -> bool:
    try:
        cache.get(aggregate_id)
    except KeyError:
        return False
    return True
