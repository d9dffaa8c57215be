"""ensure_topics / delete_topics against a real broker; specs_from_catalogue on plain objects."""

from __future__ import annotations

import asyncio
from types import SimpleNamespace

import pytest
from aiokafka.admin import AIOKafkaAdminClient
from aiokafka.admin.config_resource import ConfigResource, ConfigResourceType

from oms_platform.topics import TopicSpec, delete_topics, ensure_topics, specs_from_catalogue

pytestmark = pytest.mark.kafka


async def partition_counts(bootstrap: str) -> dict[str, int]:
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        return {t["topic"]: len(t["partitions"]) for t in await admin.describe_topics()}
    finally:
        await admin.close()


async def test_creates_missing_topics_with_the_partitions_asked_and_only_once(kafka_bootstrap, fresh_topics):
    orders, stock = fresh_topics.name("orders"), fresh_topics.name("stock")
    fresh_topics.created += [orders, stock]  # deleted after the test
    specs = [TopicSpec(orders, 6, {}), TopicSpec(stock, 3, {})]

    assert sorted(await ensure_topics(kafka_bootstrap, specs)) == sorted([orders, stock])
    assert await ensure_topics(kafka_bootstrap, specs) == []

    counts = await partition_counts(kafka_bootstrap)
    assert (counts[orders], counts[stock]) == (6, 3)


async def test_only_the_missing_topics_are_created(kafka_bootstrap, fresh_topics):
    existing = await fresh_topics("existing", partitions=2)
    new = fresh_topics.name("new")
    fresh_topics.created.append(new)

    created = await ensure_topics(kafka_bootstrap, [TopicSpec(existing, 2, {}), TopicSpec(new, 4, {})])

    assert created == [new]
    assert (await partition_counts(kafka_bootstrap))[new] == 4


async def test_callers_racing_to_create_the_same_topics_all_succeed_and_create_each_once(kafka_bootstrap, fresh_topics):
    names = [fresh_topics.name(f"race{i}") for i in range(5)]
    fresh_topics.created += names
    specs = [TopicSpec(name, 3, {"cleanup.policy": "delete"}) for name in names]

    # Seven services and the dev stack all ensure the catalogue at start.
    results = await asyncio.gather(*(ensure_topics(kafka_bootstrap, specs, client_id=f"racer-{i}") for i in range(8)))

    created = [name for result in results for name in result]
    assert sorted(created) == sorted(names), "every topic created by exactly one caller"
    counts = await partition_counts(kafka_bootstrap)
    assert all(counts[name] == 3 for name in names)


async def test_topic_configs_reach_the_broker(kafka_bootstrap, fresh_topics):
    compacted = await fresh_topics("compacted", config={"cleanup.policy": "compact"})
    retained = await fresh_topics("retained", config={"cleanup.policy": "delete", "retention.ms": "3600000"})

    admin = AIOKafkaAdminClient(bootstrap_servers=kafka_bootstrap)
    await admin.start()
    try:
        [response] = await admin.describe_configs(
            [ConfigResource(ConfigResourceType.TOPIC, name)
             for name in (compacted, retained)]
        )
    finally:
        await admin.close()
    configs = {
        resource[3]: {entry[0]: entry[1] for entry in resource[4]} for resource in response.resources
    }
    assert configs[compacted]["cleanup.policy"] == "compact"
    assert configs[retained]["cleanup.policy"] == "delete"
    assert configs[retained]["retention.ms"] == "3600000"


async def test_delete_topics_removes_them_and_ignores_unknown_names(kafka_bootstrap, fresh_topics):
    doomed = await fresh_topics("doomed")
    never = fresh_topics.name("never")

    assert await delete_topics(kafka_bootstrap, [doomed, never]) == [doomed]
    counts = await partition_counts(kafka_bootstrap)
    assert doomed not in counts and never not in counts, "deleting must not create anything"
    fresh_topics.created.remove(doomed)


async def test_nothing_to_ensure_makes_no_connection():
    assert await ensure_topics("127.0.0.1:1", []) == []


async def test_a_topic_specified_twice_differently_is_refused(kafka_bootstrap):
    with pytest.raises(ValueError, match="specified twice"):
        await ensure_topics(kafka_bootstrap, [TopicSpec("twice", 1, {}), TopicSpec("twice", 2, {})])


def test_catalogue_entries_become_specs_with_cleanup_and_retention():
    catalogue_topics = [
        SimpleNamespace(name="oms.order.events.v1", partitions=6, cleanup_policy="delete", retention_ms=604800000),
        SimpleNamespace(name="oms.inventory.stock.v1", partitions=3, cleanup_policy="compact", retention_ms=None),
    ]

    assert specs_from_catalogue(catalogue_topics) == [
        TopicSpec("oms.order.events.v1", 6, {"cleanup.policy": "delete", "retention.ms": "604800000"}),
        TopicSpec("oms.inventory.stock.v1", 3, {"cleanup.policy": "compact"}),
    ]
