"""Applies consumed messages to the views, exactly once in effect.

The view rows a message changes and the upstream position it represents (`tracking_name` ->
aggregate version) are written in ONE transaction, and a message whose version is already
recorded changes nothing: redelivery, a consumer restart or a full replay of the topics leave
the views as they were. A batch of messages shares one transaction (one commit per batch).
Messages without an aggregate version (channel adapters) are applied by
natural keys (upserts, timeline entries keyed by event id), which makes them idempotent too.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from oms_platform.messaging.consumer import DUPLICATE, IGNORED, PROCESSED, tracking_name
from oms_platform.messaging.dead_letters import DeadLetter
from oms_platform.messaging.envelope import ContractViolation, open_envelope
from services.projection.adapters.view_store import Session, ViewStore
from services.projection.application.fact import Fact
from services.projection.application.views import UPDATERS
from services.projection.application.views.common import Updater


@dataclass(frozen=True)
class ConsumedRecord:
    """A Kafka record as the projection needs it, whichever client read it."""

    topic: str
    partition: int
    offset: int
    key: bytes | None
    value: bytes | None
    headers: tuple[tuple[str, bytes], ...] = ()


class Projector:
    def __init__(self, views: ViewStore, allowed_types: Mapping[str, frozenset[str]],
                 updaters: Mapping[str, Updater] = UPDATERS):
        self._views = views
        self._allowed_types = allowed_types
        self._updaters = updaters

    def project(self, record: ConsumedRecord) -> str | DeadLetter:
        """PROCESSED, DUPLICATE, IGNORED, or the DeadLetter saying why it cannot be used."""
        return self.project_batch([record])[0]

    def project_batch(self, records: Sequence[ConsumedRecord]) -> list[str | DeadLetter]:
        """Apply records in order in ONE transaction: all of them or, on an exception, none."""
        with self._views.write() as session:
            return [self._project_in(session, record) for record in records]

    def _project_in(self, session: Session, record: ConsumedRecord) -> str | DeadLetter:
        try:
            opened = open_envelope(record.value or b"", allowed_types=self._allowed_types.get(record.topic, ()))
        except ContractViolation as violation:
            return DeadLetter(violation.kind, violation.detail)
        updater = self._updaters.get(opened.envelope.type)
        if updater is None:
            return IGNORED
        fact = Fact.from_envelope(opened.envelope, opened.payload, record.topic)
        return self._apply(session, fact, updater)

    def _apply(self, session: Session, fact: Fact, updater: Updater) -> str:
        tracked = _tracked_as(fact)
        # Claim the version first: the row lock makes a second instance applying the same message
        # at the same moment wait, then find the version taken and skip.
        if tracked is not None and session.one(
            "INSERT INTO view_tracking (name, version) VALUES (?, ?) ON CONFLICT (name) DO UPDATE"
            " SET version = excluded.version WHERE view_tracking.version < excluded.version RETURNING version",
            (tracked, fact.aggregate_version),
        ) is None:
            return DUPLICATE
        updater(session, fact)
        return PROCESSED


def _tracked_as(fact: Fact) -> str | None:
    if not fact.aggregate_version or not fact.aggregate_id:
        return None
    return tracking_name(fact.producer, fact.topic, fact.aggregate_id)
