"""The topic catalogue (contracts/asyncapi.yaml) as plain, frozen Python objects.

The runtime reads topics from here instead of spelling names out: which topics exist and how they
are configured (to create them), which topics a service consumes (to subscribe) and produces, which
message types each topic may carry (to refuse anything else), and where its dead letters go.

Only the AsyncAPI fields this module names are read: a channel's `address`, `messages` (resolved
to their `x-protobuf-type`), `bindings.kafka.partitions`, `bindings.kafka.topicConfiguration`
(`cleanup.policy`, `retention.ms`) and the extensions `x-key`, `x-producers`, `x-consumers`,
`x-dead-letter` and `x-dead-letter-of`.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

CATALOGUE_PATH_ENV = "OMS_CATALOGUE_PATH"


class CatalogueError(ValueError):
    """The catalogue document is missing, not YAML, or lacks a fact the runtime needs."""


@dataclass(frozen=True)
class Topic:
    """One Kafka topic as the catalogue describes it.

    For a dead-letter topic, `message_types` are those of the topic it collects for: its values
    are the original records of that topic, byte for byte (when they decode at all).
    """

    name: str
    key: str  # what the UTF-8 record key holds, in words
    partitions: int
    cleanup_policy: str  # "delete" or "compact"
    retention_ms: int | None  # None: the broker's default (compacted topics)
    message_types: tuple[str, ...]  # full protobuf names of the payloads in the envelope
    producers: tuple[str, ...]  # service names, or "channel-adapters"
    consumers: tuple[str, ...]
    dead_letter: str | None  # name of this topic's dead-letter topic; None for dead-letter topics
    is_dead_letter: bool


@dataclass(frozen=True)
class Catalogue:
    topics: Mapping[str, Topic]  # by topic name, in document order

    def topic(self, name: str) -> Topic:
        try:
            return self.topics[name]
        except KeyError:
            raise KeyError(
                f"topic {name!r} is not in the catalogue (contracts/asyncapi.yaml); "
                f"known topics: {', '.join(sorted(self.topics))}"
            ) from None

    def produced_by(self, service: str) -> list[Topic]:
        return [topic for topic in self.topics.values() if service in topic.producers]

    def consumed_by(self, service: str) -> list[Topic]:
        return [topic for topic in self.topics.values() if service in topic.consumers]

    def all_topics(self) -> list[Topic]:
        """Every topic, dead-letter topics included."""
        return list(self.topics.values())


def default_catalogue_path() -> Path:
    """$OMS_CATALOGUE_PATH, else <repo>/contracts/asyncapi.yaml found from this file's place."""
    override = os.environ.get(CATALOGUE_PATH_ENV)
    if override:
        return Path(override)
    # libs/oms_platform/catalogue.py -> parents[2] is the repository root.
    return Path(__file__).resolve().parents[2] / "contracts" / "asyncapi.yaml"


def load_catalogue(path: Path | None = None) -> Catalogue:
    """Load and check the catalogue; loaded once per (resolved) path and then shared."""
    return _load(Path(path or default_catalogue_path()).resolve())


@functools.cache
def _load(path: Path) -> Catalogue:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise CatalogueError(f"cannot read the topic catalogue {path}: {error}") from error
    try:
        document = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise CatalogueError(f"{path} is not valid YAML: {error}") from error
    return parse_catalogue(document, source=str(path))


def parse_catalogue(document: Any, *, source: str = "<catalogue>") -> Catalogue:
    """Build a Catalogue from an already parsed AsyncAPI document; raises CatalogueError."""
    if not isinstance(document, dict) or not isinstance(document.get("channels"), dict):
        raise CatalogueError(f"{source}: no `channels` mapping")
    raw_topics: dict[str, dict[str, Any]] = {}
    for channel_id, channel in document["channels"].items():
        where = f"{source}: channel {channel_id!r}"
        if not isinstance(channel, dict):
            raise CatalogueError(f"{where}: not a mapping")
        name = _required(channel, "address", str, where)
        if name in raw_topics:
            raise CatalogueError(f"{where}: topic {name!r} is listed twice")
        raw_topics[name] = _topic_fields(document, channel, name, where)

    topics: dict[str, Topic] = {}
    for name, fields in raw_topics.items():
        source_topic = fields.pop("dead_letter_of")
        if source_topic is not None:
            if source_topic not in raw_topics:
                raise CatalogueError(f"{source}: {name} collects dead letters of unknown topic {source_topic!r}")
            fields["message_types"] = raw_topics[source_topic]["message_types"]
        dead_letter = fields["dead_letter"]
        if dead_letter is not None and dead_letter not in raw_topics:
            raise CatalogueError(f"{source}: {name} names dead-letter topic {dead_letter!r}, which is not listed")
        topics[name] = Topic(name=name, is_dead_letter=source_topic is not None, **fields)
    return Catalogue(topics=MappingProxyType(topics))


def _topic_fields(document: dict[str, Any], channel: dict[str, Any], name: str, where: str) -> dict[str, Any]:
    kafka = (channel.get("bindings") or {}).get("kafka")
    if not isinstance(kafka, dict):
        raise CatalogueError(f"{where}: no bindings.kafka")
    partitions = _required(kafka, "partitions", int, where)
    if partitions < 1:
        raise CatalogueError(f"{where}: partitions must be positive, not {partitions}")
    config = kafka.get("topicConfiguration") or {}
    policies = config.get("cleanup.policy") or ["delete"]
    if isinstance(policies, str):
        policies = [policies]
    # "compact,delete" compacts as well; the runtime only needs to know whether keys are kept.
    cleanup_policy = "compact" if "compact" in policies else "delete"
    retention_ms = config.get("retention.ms")
    if retention_ms is not None and not isinstance(retention_ms, int):
        raise CatalogueError(f"{where}: retention.ms must be an integer")
    messages = channel.get("messages") or {}
    if not isinstance(messages, dict) or not messages:
        raise CatalogueError(f"{where}: no messages")
    dead_letter_of = channel.get("x-dead-letter-of")
    return {
        "key": _required(channel, "x-key", str, where).strip(),
        "partitions": partitions,
        "cleanup_policy": cleanup_policy,
        "retention_ms": retention_ms,
        "message_types": tuple(_protobuf_type(document, message, where) for message in messages.values()),
        "producers": _names(channel, "x-producers", where),
        "consumers": _names(channel, "x-consumers", where),
        "dead_letter": None if dead_letter_of is not None else _required(channel, "x-dead-letter", str, where),
        "dead_letter_of": dead_letter_of,
    }


def _protobuf_type(document: dict[str, Any], message: Any, where: str) -> str:
    resolved = resolve_ref(document, message, where)
    type_name = resolved.get("x-protobuf-type") if isinstance(resolved, dict) else None
    if not isinstance(type_name, str) or not type_name:
        raise CatalogueError(f"{where}: a message has no x-protobuf-type")
    return type_name


def resolve_ref(document: dict[str, Any], node: Any, where: str = "catalogue") -> Any:
    """Follow local `$ref: '#/a/b'` pointers (JSON Pointer, ~0/~1 escapes) until a real node."""
    seen: set[str] = set()
    while isinstance(node, dict) and "$ref" in node:
        ref = node["$ref"]
        if not isinstance(ref, str) or not ref.startswith("#/"):
            raise CatalogueError(f"{where}: only local references are supported, not {ref!r}")
        if ref in seen:
            raise CatalogueError(f"{where}: reference cycle at {ref!r}")
        seen.add(ref)
        node = document
        for part in ref[2:].split("/"):
            part = part.replace("~1", "/").replace("~0", "~")
            if not isinstance(node, dict) or part not in node:
                raise CatalogueError(f"{where}: unresolvable reference {ref!r}")
            node = node[part]
    return node


def _required(mapping: dict[str, Any], field: str, kind: type, where: str) -> Any:
    value = mapping.get(field)
    # bool is an int subclass; a `partitions: true` is a mistake, not 1.
    if not isinstance(value, kind) or isinstance(value, bool):
        raise CatalogueError(f"{where}: `{field}` must be a {kind.__name__}")
    return value


def _names(channel: dict[str, Any], field: str, where: str) -> tuple[str, ...]:
    value = channel.get(field)
    if not isinstance(value, list) or not all(isinstance(item, str) and item for item in value):
        raise CatalogueError(f"{where}: `{field}` must be a list of service names")
    return tuple(value)
