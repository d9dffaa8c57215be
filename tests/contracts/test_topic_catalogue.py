"""The topics of the catalogue, as the runtime loads them, against the mission and the code:
every type exists, every party is known, every topic has its dead-letter topic, and every event
and command defined in contracts/proto travels on a topic of its own context."""

from __future__ import annotations

import pytest

from oms_platform.catalogue import Catalogue, load_catalogue
from oms_platform.contracts import message_class
from tests.contracts.contract_tools import CATALOGUE, EXTERNAL_PARTIES, PLATFORM_PARTIES, SERVICES

SEVEN_DAYS_MS = 604_800_000
FOURTEEN_DAYS_MS = 1_209_600_000

MAIN_TOPICS = {
    # topic: (producers, consumers)
    "oms.intake.channel-orders.v1": ({"channel-adapters"}, {"ingest"}),
    "oms.intake.events.v1": ({"ingest"}, {"order", "projection"}),
    "oms.order.events.v1": ({"order"}, {"tracking", "ledger", "projection"}),
    "oms.inventory.commands.v1": ({"order"}, {"inventory"}),
    "oms.inventory.events.v1": ({"inventory"}, {"ingest", "order", "projection"}),
    "oms.inventory.availability.v1": ({"inventory"}, {"projection", "channel-adapters"}),
    "oms.fulfillment.commands.v1": ({"order"}, {"fulfillment"}),
    "oms.fulfillment.events.v1": ({"fulfillment"}, {"order", "tracking", "ledger", "projection"}),
    "oms.tracking.events.v1": ({"tracking"}, {"order", "ledger", "projection"}),
    "oms.ledger.events.v1": ({"ledger"}, {"projection"}),
    "oms.identity.events.v1": ({"identity"}, set()),
}
# Event topics the projection does not read yet, each with its reason (the catalogue says it too).
NOT_PROJECTED_YET = {
    "oms.identity.events.v1": "the audit view of sign-ins and user changes comes later",
}


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue(CATALOGUE)


def main_topics(catalogue: Catalogue):
    return [topic for topic in catalogue.all_topics() if not topic.is_dead_letter]


def test_the_topics_and_who_produces_and_consumes_them(catalogue):
    found = {t.name: (set(t.producers), set(t.consumers)) for t in main_topics(catalogue)}
    assert found == MAIN_TOPICS


def test_every_party_is_a_known_service_and_every_service_takes_part(catalogue):
    parties = {party for topic in catalogue.all_topics() for party in (*topic.producers, *topic.consumers)}
    assert parties <= set(SERVICES) | set(EXTERNAL_PARTIES) | set(PLATFORM_PARTIES)
    for service in SERVICES:
        assert catalogue.produced_by(service) or catalogue.consumed_by(service), service


def test_projection_consumes_every_event_topic(catalogue):
    # The query views are built from everything the services publish (P1).
    consumed = {topic.name for topic in catalogue.consumed_by("projection")}
    for topic in main_topics(catalogue):
        if ".events." in topic.name or topic.name == "oms.inventory.availability.v1":
            if topic.name in NOT_PROJECTED_YET:
                assert topic.name not in consumed, f"{topic.name} is projected now: drop it from NOT_PROJECTED_YET"
                continue
            assert topic.name in consumed, topic.name


def test_a_topic_nobody_consumes_says_so_and_why(catalogue, asyncapi):
    descriptions = {channel["address"]: " ".join(channel["description"].split())
                    for channel in asyncapi["channels"].values()}
    for topic in main_topics(catalogue):
        if not topic.consumers:
            assert "No service consumes" in descriptions[topic.name], topic.name
            assert "No service consumes" in descriptions[topic.dead_letter], topic.dead_letter


def test_partitions_retention_and_compaction(catalogue):
    for topic in main_topics(catalogue):
        assert topic.partitions == 6, topic.name
        if topic.name == "oms.inventory.availability.v1":
            assert (topic.cleanup_policy, topic.retention_ms) == ("compact", None)
        else:
            assert (topic.cleanup_policy, topic.retention_ms) == ("delete", SEVEN_DAYS_MS), topic.name


def test_every_topic_has_a_dead_letter_topic(catalogue):
    for topic in main_topics(catalogue):
        assert topic.dead_letter == f"{topic.name}.dlq"
        dlq = catalogue.topic(topic.dead_letter)
        assert dlq.is_dead_letter and dlq.dead_letter is None
        assert (dlq.partitions, dlq.cleanup_policy, dlq.retention_ms) == (1, "delete", FOURTEEN_DAYS_MS)
        assert dlq.key == "The original record's key, unchanged."
        # Those who consume T are those who may give up on a record of T; nobody consumes the dlq
        # as a service (operators inspect and redrive with omsctl).
        assert set(dlq.producers) == set(topic.consumers) - set(EXTERNAL_PARTIES)
        assert dlq.consumers == ()
        assert dlq.message_types == topic.message_types
    assert len(catalogue.all_topics()) == 2 * len(MAIN_TOPICS)


def test_keys(catalogue):
    expectations = {
        "oms.intake.channel-orders.v1": "<channel_account>:<channel_order_id>",
        "oms.inventory.events.v1": "<sku>@<warehouse_id>",
        "oms.inventory.availability.v1": "<sku>",
        "oms.identity.events.v1": "User id",
    }
    for topic in main_topics(catalogue):
        assert expectations.get(topic.name, "Order id") in topic.key, topic.name


def test_every_message_type_exists_in_the_generated_code(catalogue):
    for topic in catalogue.all_topics():
        assert topic.message_types, topic.name
        for type_name in topic.message_types:
            assert message_class(type_name).DESCRIPTOR.full_name == type_name


def test_topics_carry_only_their_own_context_and_kind(catalogue, descriptors):
    kind_of = {}  # full message name -> "events" or "commands"
    for file in descriptors.values():
        stem = file.name.rsplit("/", 1)[1].removesuffix(".proto")
        for message in file.message_type:
            kind_of[f"{file.package}.{message.name}"] = (
                "events" if stem.endswith("events") else "commands" if stem.endswith("commands") else "value"
            )
    for topic in main_topics(catalogue):
        context = topic.name.split(".")[1]
        expected_kind = "commands" if ".commands." in topic.name else "events"
        for type_name in topic.message_types:
            assert type_name.startswith(f"oms.{context}.v1."), (topic.name, type_name)
            assert kind_of[type_name] == expected_kind, (topic.name, type_name)


def test_every_event_and_command_defined_travels_on_a_topic(catalogue, descriptors):
    carried = {type_name for topic in catalogue.all_topics() for type_name in topic.message_types}
    defined = {
        f"{file.package}.{message.name}"
        for file in descriptors.values()
        if file.name.endswith(("_events.proto", "_commands.proto"))
        for message in file.message_type
    }
    assert defined - carried == set(), "list these on a topic in contracts/asyncapi.yaml"
