"""Parking: a valid fact that arrived before what it depends on waits, instead of being refused.

Topics are ordered only within themselves. A fact on one topic may depend on a fact on another
(tracking's ShipmentDelivered on the order's ShipmentDispatched from fulfillment), and after a
restart a consumer may read the second topic first. A handler then raises `NotYet(reason,
waiting_for=<aggregate id>)`; the consumer parks the message in the service's own store, in the
transaction that records its tracking position, and applies it once that aggregate changes:

- right after a later message changed the aggregate, in the same unit of work (the parked message's
  effects and its release are committed with that message's);
- at start and every `OMS_PARKED_RETRY_SECONDS`, for everything parked (another instance, an HTTP
  command or a restart may have moved the aggregate on);
- a message parked longer than `OMS_PARKED_MAX_SECONDS` (default one day) goes to the dead-letter
  topic with its reason, as any refused message does.

Later messages of the same upstream aggregate on the same topic are parked behind it, so they are
applied in the order they were published. `oms_parked_messages{topic}` shows how many wait.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from prometheus_client import Gauge

from oms_platform.messaging.dead_letters import DeadLetter
from oms_platform.messaging.parked_table import ParkedMessage, ParkedOutline, ParkingTable
from oms_platform.settings import PARKED_MAX_SECONDS, PARKED_RETRY_SECONDS


class NotYet(Exception):
    """Raised by a handler for a valid message that needs a fact (from another topic) not read yet.

    `waiting_for` is the aggregate whose change may let the message through (the order).
    """

    def __init__(self, reason: str, *, waiting_for: object):
        super().__init__(reason)
        self.waiting_for = str(waiting_for)


@dataclass(frozen=True)
class ParkingSettings:
    """The service's OMS_PARKED_* settings (ServiceSettings), as the consumer takes them."""

    max_seconds: float = PARKED_MAX_SECONDS
    retry_seconds: float = PARKED_RETRY_SECONDS


class WaitingRoom:
    """What is parked, as one unit of work sees it: the store's rows and the unit's own changes."""

    def __init__(self, table: ParkingTable, outline: Iterable[ParkedOutline]):
        self._table = table
        self._by_aggregate: dict[str, list[tuple[str, str]]] = {}
        self._by_stream: dict[str, list[tuple[str, str]]] = {}
        self._waits_for: dict[tuple[str, str], str] = {}
        self._streams: dict[tuple[str, str], str | None] = {}
        self._new: dict[tuple[str, str], ParkedMessage] = {}
        self.dead: list[tuple[ParkedMessage, DeadLetter]] = []
        self.changed = False
        for row in outline:
            self._enter((row.topic, row.event_id), row.waiting_for, row.stream)

    def is_waiting(self, aggregate_id: str) -> bool:
        return aggregate_id in self._by_aggregate

    def waiting_ids(self) -> list[str]:
        return list(self._by_aggregate)

    def stream_waits_for(self, stream: str) -> str | None:
        """The aggregate an earlier parked message of this upstream stream waits for, if any."""
        waiting = self._by_stream.get(stream)
        return self._waits_for[waiting[0]] if waiting else None

    def park(self, message: ParkedMessage) -> None:
        self._new[message.parked_id] = message
        self._enter(message.parked_id, message.waiting_for, message.stream)
        self.changed = True

    def take(self, aggregate_id: str) -> list[ParkedMessage]:
        """The messages still waiting for the aggregate, in the order they arrived."""
        waiting = list(self._by_aggregate.get(aggregate_id, ()))
        stored = {m.parked_id: m for m in self._table.waiting_for([aggregate_id]) if m.parked_id in waiting}
        return [stored.get(parked_id) or self._new[parked_id] for parked_id in waiting
                if parked_id in stored or parked_id in self._new]

    def release(self, message: ParkedMessage) -> None:
        self._leave(message.parked_id)
        self.changed = True

    def dead_letter(self, message: ParkedMessage, letter: DeadLetter) -> None:
        """Refused now that it could be applied: published after the unit, then removed."""
        self._leave(message.parked_id)
        self.dead.append((message, letter))

    def _enter(self, parked_id: tuple[str, str], waiting_for: str, stream: str | None) -> None:
        self._waits_for[parked_id] = waiting_for
        self._streams[parked_id] = stream
        self._by_aggregate.setdefault(waiting_for, []).append(parked_id)
        if stream:
            self._by_stream.setdefault(stream, []).append(parked_id)

    def _leave(self, parked_id: tuple[str, str]) -> None:
        waiting_for, stream = self._waits_for.pop(parked_id), self._streams.pop(parked_id)
        _drop(self._by_aggregate, waiting_for, parked_id)
        if stream:
            _drop(self._by_stream, stream, parked_id)


def _drop(index: dict[str, list[tuple[str, str]]], name: str, parked_id: tuple[str, str]) -> None:
    entries = index[name]
    entries.remove(parked_id)
    if not entries:
        del index[name]


def parked_from(record: Any, event_id: str, *, waiting_for: str, stream: str | None, reason: str,
                at: float) -> ParkedMessage:
    return ParkedMessage(
        event_id=event_id, waiting_for=waiting_for, stream=stream, topic=record.topic,
        partition=record.partition, offset=record.offset, key=record.key, value=record.value or b"",
        headers=tuple((name, bytes(value or b"")) for name, value in (record.headers or ())),
        reason=reason, parked_at=at,
    )


def too_long(message: ParkedMessage, now: float) -> DeadLetter:
    hours = (now - message.parked_at) / 3600
    return DeadLetter("parked-too-long", f"waited {hours:.1f} h for {message.waiting_for}: {message.reason}")


def set_counts(gauge: Gauge, topics: Sequence[str], counts: dict[str, int]) -> None:
    for topic in {*topics, *counts}:
        gauge.labels(topic=topic).set(counts.get(topic, 0))
