"""Applies consumed messages to the views, exactly once in effect.

The view rows a message changes and the upstream position it represents (`tracking_name` ->
aggregate version) are written in ONE transaction, and a message whose version is already
recorded changes nothing: redelivery, a consumer restart or a full replay of the topics leave
the views as they were. A batch of messages shares one transaction (one commit per batch) and
one read and one write of the positions. Messages without an aggregate version (channel adapters)
are applied by natural keys (upserts, timeline entries keyed by event id): idempotent too.

The projector is the projection's step of the platform's batch consumer (`BatchStep`), live and
in a rebuild: the consumer around it retries, dead-letters and counts as in every service.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import NamedTuple

from opentelemetry.trace import Tracer

from oms_platform.messaging.consumer import DUPLICATE, IGNORED, PROCESSED, tracking_name
from oms_platform.messaging.dead_letters import DeadLetter
from oms_platform.messaging.envelope import ContractViolation, open_envelope
from oms_platform.tracing import active_tracer, consumer_span, set_outcome
from services.projection.adapters.view_store import Session, ViewStore, ViewStoreUnavailable
from services.projection.application.fact import Fact
from services.projection.application.views import UPDATERS
from services.projection.application.views.common import Updater


class ConsumedRecord(NamedTuple):
    """A Kafka record as the projection needs it, for records made without a Kafka client (tests);
    the consumer hands the projector aiokafka's records, which have the same fields."""

    topic: str
    partition: int
    offset: int
    key: bytes | None
    value: bytes | None
    headers: tuple[tuple[str, bytes], ...] = ()


class Projector:
    # Away, busy, or a deadlock victim: the batch as a whole is fine, the consumer tries it again.
    unavailable = (ViewStoreUnavailable,)

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
        opened = [self._open(record) for record in records]  # before the write lock is taken
        with self._views.write() as session:
            claims = _VersionClaims(session, [_tracked_as(o[0]) for o in opened if isinstance(o, tuple)])
            tracer = active_tracer()
            if tracer is None:
                outcomes = [self._apply(session, claims, one) for one in opened]
            else:  # each record in its own trace: the order's trace ends in the views
                outcomes = [self._apply_traced(tracer, record, session, claims, one)
                            for record, one in zip(records, opened, strict=True)]
            claims.save()
            return outcomes

    # -- BatchStep -------------------------------------------------------------------------------

    def apply_batch(self, records: Sequence[ConsumedRecord]) -> list[str | DeadLetter]:
        return self.project_batch(records)

    def apply_one(self, record: ConsumedRecord) -> str | DeadLetter:
        return self.project(record)

    async def after_commit(self) -> None:
        """Nothing waits for a commit: the views park nothing."""

    async def between_batches(self) -> None:
        """Nothing to do now and then."""

    def _open(self, record: ConsumedRecord) -> tuple[Fact, Updater] | str | DeadLetter:
        try:
            opened = open_envelope(record.value or b"", allowed_types=self._allowed_types.get(record.topic, ()))
        except ContractViolation as violation:
            return DeadLetter(violation.kind, violation.detail)
        updater = self._updaters.get(opened.envelope.type)
        if updater is None:
            return IGNORED
        return Fact.from_envelope(opened.envelope, opened.payload, record.topic), updater

    def _apply_traced(self, tracer: Tracer, record: ConsumedRecord, session: Session, claims: _VersionClaims,
                      opened: tuple[Fact, Updater] | str | DeadLetter) -> str | DeadLetter:
        with consumer_span(tracer, record) as span:
            outcome = self._apply(session, claims, opened)
            set_outcome(span, outcome)
            return outcome

    def _apply(self, session: Session, claims: _VersionClaims,
               opened: tuple[Fact, Updater] | str | DeadLetter) -> str | DeadLetter:
        if isinstance(opened, (str, DeadLetter)):
            return opened
        fact, updater = opened
        tracked = _tracked_as(fact)
        if tracked is not None and not claims.take(tracked, fact.aggregate_version):
            return DUPLICATE
        updater(session, fact)
        return PROCESSED


class _VersionClaims:
    """The applied version of every aggregate a batch touches: read and locked once, written once.

    A batch of 5,000 messages costs one read and one write of `view_tracking` instead of a claim
    (and a round trip to PostgreSQL) per message.
    """

    def __init__(self, session: Session, names: Sequence[str | None]):
        self._session = session
        self._applied = session.lock_versions(sorted({name for name in names if name is not None}))
        self._taken: dict[str, int] = {}

    def take(self, name: str, version: int) -> bool:
        """True when this version is newer than the applied one (and is now the applied one)."""
        if version <= self._applied.get(name, 0):
            return False
        self._applied[name] = self._taken[name] = version
        return True

    def save(self) -> None:
        if self._taken:
            self._session.many(
                "INSERT INTO view_tracking (name, version) VALUES (?, ?) ON CONFLICT (name)"
                " DO UPDATE SET version = excluded.version WHERE view_tracking.version < excluded.version",
                list(self._taken.items()),
            )


def _tracked_as(fact: Fact) -> str | None:
    if not fact.aggregate_version or not fact.aggregate_id:
        return None
    return tracking_name(fact.producer, fact.topic, fact.aggregate_id)
