"""The Kafka-protocol broker the tests run against, and per-test topics.

Order of preference: a broker named by `OMS_TEST_KAFKA_BOOTSTRAP`; a Kafka container when a Docker
engine answers; the embedded Tansu broker otherwise (the case on the dev machines and in CI).
"""

from __future__ import annotations

import functools
import os
import uuid
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from oms_dev.broker import EmbeddedBroker
from oms_platform.broker import wait_for_kafka
from oms_platform.topics import TopicSpec, delete_topics, ensure_topics

KAFKA_IMAGE = "confluentinc/cp-kafka:7.6.0"

# Consumer settings that keep group joins short on Tansu, which holds a join for about half the
# session timeout (measured: 1.0 s at 1000 ms; 3.0 s at 6000 ms) and only lets a member that left
# go when its session expires (a rejoin after stop took 11 s at 6000 ms, 1.0 s at 1000 ms).
FAST_GROUP_SETTINGS: Mapping[str, int] = {
    "session_timeout_ms": 1000,
    "rebalance_timeout_ms": 1000,
    "heartbeat_interval_ms": 300,
}


@functools.cache
def docker_available() -> bool:
    """True when a Docker engine answers a ping within two seconds."""
    try:
        import docker

        client = docker.from_env(timeout=2)
        try:
            return bool(client.ping())
        finally:
            client.close()
    except Exception:  # noqa: BLE001 - no engine, no socket, no permission: all mean "no"
        return False


@contextmanager
def kafka_for_tests(log_dir: Path) -> Iterator[str]:
    """Yield the bootstrap address of a real Kafka-protocol broker for the test session."""
    external = os.environ.get("OMS_TEST_KAFKA_BOOTSTRAP", "").strip()
    if external:
        wait_for_kafka(external, timeout=30)
        yield external
    elif docker_available():
        from testcontainers.community.kafka import KafkaContainer

        with KafkaContainer(KAFKA_IMAGE).with_kraft() as kafka:
            yield kafka.get_bootstrap_server()
    else:
        with EmbeddedBroker(log_dir=log_dir, die_with_parent=True) as broker:
            yield broker.bootstrap_servers


class TopicFactory:
    """Creates uniquely named topics for one test and deletes them afterwards."""

    def __init__(self, bootstrap: str, test_name: str) -> None:
        self.bootstrap = bootstrap
        self._prefix = "test." + "".join(c if c.isalnum() else "-" for c in test_name)[:60]
        self.created: list[str] = []

    def name(self, base: str) -> str:
        return f"{self._prefix}.{base}.{uuid.uuid4().hex[:8]}"

    async def create(self, base: str = "topic", partitions: int = 1, config: Mapping[str, str] | None = None) -> str:
        """Create a fresh topic and return its name."""
        name = self.name(base)
        await ensure_topics(self.bootstrap, [TopicSpec(name, partitions, dict(config or {}))])
        self.created.append(name)
        return name

    async def __call__(self, base: str = "topic", partitions: int = 1, config: Mapping[str, str] | None = None) -> str:
        return await self.create(base, partitions, config)

    async def cleanup(self) -> None:
        if self.created:
            await delete_topics(self.bootstrap, self.created, timeout=10)
