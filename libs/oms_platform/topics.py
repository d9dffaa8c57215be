"""Creating (and deleting) Kafka topics from their specs: idempotent and safe to race.

Every service and the dev stack call `ensure_topics` with the whole catalogue at start, so it must
cost one metadata request when the topics exist and tolerate seven callers creating them at once.

Tansu 0.6 facts that shape this module (measured 2026-11-22):
- CreateTopics answers per topic: code 0, or 36 (TopicAlreadyExists) for a name that exists; aiokafka
  returns those codes instead of raising, so they are checked here.
- It stores any topic config it is given (cleanup.policy, retention.ms, even unknown keys) and
  returns them from DescribeConfigs; memory storage does not enforce retention or compaction.
- It accepts any replication factor and `validate_only=True` still creates the topic.
- CreatePartitions is not supported: an existing topic keeps the partitions it was created with.
- A metadata request NAMING an unknown topic creates it with 4 partitions, so this module only ever
  asks for metadata of all topics.
- DeleteTopics works (code 3, UnknownTopicOrPartition, for a name that does not exist).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

log = logging.getLogger(__name__)

_TOPIC_ALREADY_EXISTS = 36
_UNKNOWN_TOPIC_OR_PARTITION = 3


class TopicError(RuntimeError):
    """A topic could not be created or deleted; the message names the topic and the reason."""


@dataclass(frozen=True)
class TopicSpec:
    name: str
    partitions: int
    config: Mapping[str, str] = field(default_factory=dict)


def specs_from_catalogue(topics: Iterable[Any]) -> list[TopicSpec]:
    """Topic specs from catalogue entries (`.name`, `.partitions`, `.cleanup_policy`, `.retention_ms`)."""
    specs = []
    for topic in topics:
        config: dict[str, str] = {}
        cleanup_policy = getattr(topic, "cleanup_policy", None)
        if cleanup_policy:
            config["cleanup.policy"] = str(cleanup_policy)
        retention_ms = getattr(topic, "retention_ms", None)
        if retention_ms is not None:
            config["retention.ms"] = str(int(retention_ms))
        specs.append(TopicSpec(name=topic.name, partitions=int(topic.partitions), config=config))
    return specs


async def ensure_topics(
    bootstrap: str,
    specs: Iterable[TopicSpec],
    *,
    client_id: str = "oms-topics",
    replication_factor: int = 1,
    timeout: float = 30.0,
) -> list[str]:
    """Create the topics that do not exist yet; return the names this call created.

    Topics that exist are left as they are (a different partition count is logged, not changed).
    Returns once the created topics show in the cluster metadata.
    """
    from aiokafka.admin import NewTopic

    wanted = _unique(specs)
    if not wanted:
        return []
    deadline = time.monotonic() + timeout
    async with _admin(bootstrap, client_id, timeout) as admin:
        existing = await _partition_counts(admin)
        _warn_on_partition_mismatch(wanted, existing)
        missing = [spec for spec in wanted.values() if spec.name not in existing]
        if not missing:
            return []
        response = await admin.create_topics(
            [
                NewTopic(spec.name, spec.partitions, replication_factor, topic_configs=dict(spec.config))
                for spec in missing
            ],
            timeout_ms=int(timeout * 1000),
        )
        created = []
        for name, code, message in _topic_results(response.topic_errors):
            if code == 0:
                created.append(name)
            elif code != _TOPIC_ALREADY_EXISTS:  # another caller won the race: fine
                raise TopicError(f"cannot create topic {name}: {_error_name(code)}: {message or 'no detail'}")
        await _until(admin, deadline, lambda counts: all(counts.get(n) == wanted[n].partitions for n in created),
                     what=f"created topics {created} to show in metadata")
        if created:
            log.info("created topics: %s", ", ".join(created))
        return created


async def delete_topics(
    bootstrap: str,
    names: Iterable[str],
    *,
    client_id: str = "oms-topics",
    timeout: float = 30.0,
) -> list[str]:
    """Delete the named topics; return the names this call deleted (unknown names are skipped).

    Beware on Tansu: a client still interested in a deleted topic re-creates it (4 partitions).
    """
    targets = list(dict.fromkeys(names))
    if not targets:
        return []
    deadline = time.monotonic() + timeout
    async with _admin(bootstrap, client_id, timeout) as admin:
        existing = await _partition_counts(admin)
        present = [name for name in targets if name in existing]
        if not present:
            return []
        response = await admin.delete_topics(present, timeout_ms=int(timeout * 1000))
        deleted = []
        for name, code, message in _topic_results(response.topic_error_codes):
            if code == 0:
                deleted.append(name)
            elif code != _UNKNOWN_TOPIC_OR_PARTITION:
                raise TopicError(f"cannot delete topic {name}: {_error_name(code)}: {message or 'no detail'}")
        await _until(admin, deadline, lambda counts: not any(n in counts for n in deleted),
                     what=f"deleted topics {deleted} to leave metadata")
        return deleted


class _admin:
    """A started AIOKafkaAdminClient for the length of a block."""

    def __init__(self, bootstrap: str, client_id: str, timeout: float) -> None:
        from aiokafka.admin import AIOKafkaAdminClient

        self._client = AIOKafkaAdminClient(
            bootstrap_servers=bootstrap, client_id=client_id, request_timeout_ms=int(timeout * 1000)
        )

    async def __aenter__(self) -> Any:
        try:
            await self._client.start()
        except BaseException:
            await self._client.close()
            raise
        return self._client

    async def __aexit__(self, *_exc: object) -> None:
        await self._client.close()


def _unique(specs: Iterable[TopicSpec]) -> dict[str, TopicSpec]:
    wanted: dict[str, TopicSpec] = {}
    for spec in specs:
        if spec.partitions < 1:
            raise ValueError(f"topic {spec.name}: partitions must be at least 1, not {spec.partitions}")
        other = wanted.setdefault(spec.name, spec)
        if other != spec:
            raise ValueError(f"topic {spec.name} is specified twice, differently: {other} and {spec}")
    return wanted


async def _partition_counts(admin: Any) -> dict[str, int]:
    # describe_topics() without names is a metadata request for all topics: it creates nothing.
    return {topic["topic"]: len(topic["partitions"]) for topic in await admin.describe_topics()}


def _warn_on_partition_mismatch(wanted: Mapping[str, TopicSpec], existing: Mapping[str, int]) -> None:
    for name, spec in wanted.items():
        if name in existing and existing[name] != spec.partitions:
            log.warning(
                "topic %s has %d partitions, the spec says %d; left as it is",
                name, existing[name], spec.partitions,
            )


async def _until(admin: Any, deadline: float, done: Any, *, what: str) -> None:
    while not done(await _partition_counts(admin)):
        if time.monotonic() > deadline:
            raise TopicError(f"timed out waiting for {what}")
        await asyncio.sleep(0.1)


def _topic_results(entries: Iterable[tuple[Any, ...]]) -> Iterable[tuple[str, int, str | None]]:
    # CreateTopics/DeleteTopics answers: (name, code) in old versions, (name, code, message) after.
    for entry in entries:
        yield entry[0], entry[1], entry[2] if len(entry) > 2 else None


def _error_name(code: int) -> str:
    from aiokafka.errors import for_code

    return for_code(code).__name__
