"""contracts/asyncapi.yaml is structurally an AsyncAPI 3.0.0 document.

No JSON-schema validator is installed and the schema cannot be fetched offline, so the parts of
the AsyncAPI 3.0.0 schema this document uses are checked here by hand: required fields, allowed
fields (the schema forbids unknown ones except `x-` extensions), reference targets, and the
operation rules (an operation's messages must be messages of its own channel).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from oms_platform.catalogue import CatalogueError, resolve_ref

EXTENSION = re.compile(r"^x-[\w\d.\-_]+$")
COMPONENT_KEY = re.compile(r"^[a-zA-Z0-9.\-_]+$")

ROOT_FIELDS = {"asyncapi", "id", "info", "servers", "defaultContentType", "channels", "operations", "components"}
INFO_FIELDS = {"title", "version", "description", "termsOfService", "contact", "license", "tags", "externalDocs"}
SERVER_FIELDS = {"host", "protocol", "protocolVersion", "pathname", "description", "title", "summary",
                 "variables", "security", "tags", "externalDocs", "bindings"}
CHANNEL_FIELDS = {"address", "messages", "title", "summary", "description", "servers", "parameters", "tags",
                  "externalDocs", "bindings"}
OPERATION_FIELDS = {"action", "channel", "title", "summary", "description", "security", "tags", "externalDocs",
                    "bindings", "traits", "messages", "reply"}
MESSAGE_FIELDS = {"headers", "payload", "correlationId", "contentType", "name", "title", "summary", "description",
                  "tags", "externalDocs", "bindings", "examples", "traits"}
COMPONENT_FIELDS = {"schemas", "servers", "channels", "operations", "messages", "securitySchemes",
                    "serverVariables", "parameters", "correlationIds", "replies", "replyAddresses",
                    "externalDocs", "tags", "operationTraits", "messageTraits", "serverBindings",
                    "channelBindings", "operationBindings", "messageBindings"}
KAFKA_CHANNEL_BINDING_FIELDS = {"topic", "partitions", "replicas", "topicConfiguration", "bindingVersion"}
KAFKA_TOPIC_CONFIGURATION_FIELDS = {"cleanup.policy", "retention.ms", "retention.bytes", "delete.retention.ms",
                                    "max.message.bytes", "confluent.key.schema.validation",
                                    "confluent.key.subject.name.strategy", "confluent.value.schema.validation",
                                    "confluent.value.subject.name.strategy"}


def unknown_fields(node: dict[str, Any], allowed: set[str]) -> set[str]:
    return {key for key in node if key not in allowed and not EXTENSION.match(key)}


def refs(node: Any, path: str = "#") -> Iterator[tuple[str, str]]:
    if isinstance(node, dict):
        if "$ref" in node:
            yield path, node["$ref"]
        for key, value in node.items():
            yield from refs(value, f"{path}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from refs(value, f"{path}/{index}")


def test_root_info_and_servers(asyncapi):
    assert asyncapi["asyncapi"] == "3.0.0"  # a string, as the schema's const requires
    assert not unknown_fields(asyncapi, ROOT_FIELDS)
    info = asyncapi["info"]
    assert isinstance(info["title"], str) and isinstance(info["version"], str)
    assert not unknown_fields(info, INFO_FIELDS)
    # The info explains the envelope and the key rules to adapters and downstream teams.
    for phrase in ("oms.envelope.v1.Envelope", "google.protobuf.Any", "Kafka key", "channel adapters", ".dlq"):
        assert phrase in info["description"], phrase
    assert asyncapi["defaultContentType"] == "application/x-protobuf"
    for name, server in asyncapi["servers"].items():
        assert {"host", "protocol"} <= server.keys(), name
        assert server["protocol"] == "kafka"
        assert not unknown_fields(server, SERVER_FIELDS), name


def test_every_reference_resolves(asyncapi):
    for where, ref in refs(asyncapi):
        try:
            target = resolve_ref(asyncapi, {"$ref": ref}, where)
        except CatalogueError as error:
            pytest.fail(str(error))
        assert isinstance(target, dict), f"{where}: {ref} is not an object"


def test_channels(asyncapi):
    for channel_id, channel in asyncapi["channels"].items():
        assert COMPONENT_KEY.match(channel_id)
        assert not unknown_fields(channel, CHANNEL_FIELDS), channel_id
        assert isinstance(channel["address"], str) and channel["address"], channel_id
        assert channel["messages"], channel_id
        for message in channel["messages"].values():
            assert message["$ref"].startswith("#/components/messages/"), channel_id
        kafka = channel["bindings"]["kafka"]
        assert not set(kafka) - KAFKA_CHANNEL_BINDING_FIELDS, channel_id
        assert isinstance(kafka["partitions"], int) and kafka["partitions"] > 0
        assert kafka["bindingVersion"] == "0.5.0"
        configuration = kafka["topicConfiguration"]
        assert not set(configuration) - KAFKA_TOPIC_CONFIGURATION_FIELDS, channel_id
        assert isinstance(configuration["cleanup.policy"], list)
        assert set(configuration["cleanup.policy"]) <= {"compact", "delete"}
        if "retention.ms" in configuration:
            assert isinstance(configuration["retention.ms"], int) and configuration["retention.ms"] >= -1


def test_operations_point_at_their_own_channel_messages(asyncapi):
    for operation_id, operation in asyncapi["operations"].items():
        assert COMPONENT_KEY.match(operation_id), operation_id
        assert not unknown_fields(operation, OPERATION_FIELDS), operation_id
        assert operation["action"] in ("send", "receive"), operation_id
        channel_ref = operation["channel"]["$ref"]
        assert channel_ref.startswith("#/channels/"), operation_id
        channel = resolve_ref(asyncapi, operation["channel"])
        own = {f"{channel_ref}/messages/{name}" for name in channel["messages"]}
        listed = [message["$ref"] for message in operation["messages"]]
        # AsyncAPI 3: a subset of the channel's messages, as references into the channel. Here all
        # of them: whoever produces or consumes a topic handles (or knowingly skips) every type.
        assert set(listed) == own, operation_id
        assert len(listed) == len(own), operation_id


def test_operations_match_the_producers_and_consumers_of_each_channel(asyncapi):
    for channel_id, channel in asyncapi["channels"].items():
        by_action: dict[str, set[str]] = {"send": set(), "receive": set()}
        for operation in asyncapi["operations"].values():
            if operation["channel"]["$ref"] == f"#/channels/{channel_id}":
                by_action[operation["action"]].add(operation["x-service"])
        assert by_action["send"] == set(channel["x-producers"]), channel_id
        assert by_action["receive"] == set(channel["x-consumers"]), channel_id


def test_messages_are_protobuf_envelopes(asyncapi):
    components = asyncapi["components"]
    assert not unknown_fields(components, COMPONENT_FIELDS)
    for key, message in components["messages"].items():
        assert COMPONENT_KEY.match(key), key
        assert not unknown_fields(message, MESSAGE_FIELDS), key
        assert message["contentType"] == "application/x-protobuf", key
        assert re.fullmatch(r"oms\.[a-z]+\.v1\.[A-Z][A-Za-z0-9]*", message["x-protobuf-type"]), key
        if key != "DeadLetter":  # the original bytes of any topic, not one payload type
            assert key == message["x-protobuf-type"], key
            assert message["name"] == message["x-protobuf-type"].rsplit(".", 1)[1], key
        assert message.get("description") or message.get("summary"), key
        assert "payload" in message, key


def test_every_component_message_is_used_by_a_channel(asyncapi):
    used = {
        message["$ref"].removeprefix("#/components/messages/")
        for channel in asyncapi["channels"].values()
        for message in channel["messages"].values()
    }
    assert used == set(asyncapi["components"]["messages"])


def test_dead_letter_messages_declare_their_headers(asyncapi):
    headers = resolve_ref(asyncapi, asyncapi["components"]["messages"]["DeadLetter"]["headers"])
    assert set(headers["required"]) == {
        "dlq-reason", "dlq-source-topic", "dlq-source-partition", "dlq-source-offset", "dlq-consumer", "dlq-failed-at",
    }
    assert set(headers["properties"]) == set(headers["required"])
