"""libs/oms_platform/catalogue.py: loading, caching, lookups and clear errors."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
import yaml

from oms_platform.catalogue import (
    CATALOGUE_PATH_ENV,
    CatalogueError,
    default_catalogue_path,
    load_catalogue,
    parse_catalogue,
)
from tests.contracts.contract_tools import CATALOGUE


def minimal_document(**overrides) -> dict:
    """Two topics, one compacted, each with its dead-letter topic."""
    def channel(address: str, message: str, **extra) -> dict:
        return {
            "address": address,
            "messages": {message: {"$ref": f"#/components/messages/{message}"}},
            "bindings": {"kafka": {"partitions": 3,
                                   "topicConfiguration": {"cleanup.policy": ["delete"], "retention.ms": 1000}}},
            "x-key": "Order id.",
            "x-producers": ["order"],
            "x-consumers": ["projection"],
            "x-dead-letter": f"{address}.dlq",
            **extra,
        }

    def dead_letters(address: str) -> dict:
        return {
            "address": f"{address}.dlq",
            "messages": {"DeadLetter": {"$ref": "#/components/messages/DeadLetter"}},
            "bindings": {"kafka": {"partitions": 1, "topicConfiguration": {"cleanup.policy": ["delete"]}}},
            "x-key": "Original key.",
            "x-producers": ["projection"],
            "x-consumers": [],
            "x-dead-letter-of": address,
        }

    document = {
        "asyncapi": "3.0.0",
        "channels": {
            "orders": channel("orders.v1", "Placed"),
            "ordersDlq": dead_letters("orders.v1"),
            "stock": channel("stock.v1", "Changed"),
            "stockDlq": dead_letters("stock.v1"),
        },
        "components": {
            "messages": {
                "Placed": {"x-protobuf-type": "oms.order.v1.OrderPlaced"},
                "Changed": {"x-protobuf-type": "oms.inventory.v1.AvailabilityChanged"},
                "DeadLetter": {"x-protobuf-type": "oms.envelope.v1.Envelope"},
            }
        },
    }
    document["channels"]["stock"]["bindings"]["kafka"]["topicConfiguration"] = {"cleanup.policy": ["compact", "delete"]}
    document["channels"].update(overrides)
    return document


def test_a_minimal_document_becomes_topics():
    catalogue = parse_catalogue(minimal_document())
    orders = catalogue.topic("orders.v1")
    assert orders.partitions == 3 and orders.retention_ms == 1000 and orders.cleanup_policy == "delete"
    assert orders.message_types == ("oms.order.v1.OrderPlaced",)
    assert orders.dead_letter == "orders.v1.dlq" and not orders.is_dead_letter
    stock = catalogue.topic("stock.v1")
    assert stock.cleanup_policy == "compact" and stock.retention_ms is None
    dlq = catalogue.topic("orders.v1.dlq")
    # A dead-letter topic holds the source topic's records, so it carries the source's types.
    assert dlq.is_dead_letter and dlq.dead_letter is None
    assert dlq.message_types == ("oms.order.v1.OrderPlaced",)
    assert [t.name for t in catalogue.all_topics()] == ["orders.v1", "orders.v1.dlq", "stock.v1", "stock.v1.dlq"]
    assert [t.name for t in catalogue.produced_by("projection")] == ["orders.v1.dlq", "stock.v1.dlq"]
    assert [t.name for t in catalogue.consumed_by("projection")] == ["orders.v1", "stock.v1"]
    assert catalogue.consumed_by("ledger") == []


def test_an_unknown_topic_is_a_key_error_that_says_so():
    catalogue = parse_catalogue(minimal_document())
    with pytest.raises(KeyError, match=r"'oms.nothing.v1' is not in the catalogue.*known topics: orders.v1"):
        catalogue.topic("oms.nothing.v1")


def test_the_catalogue_is_immutable():
    catalogue = parse_catalogue(minimal_document())
    with pytest.raises(TypeError):
        catalogue.topics["x"] = catalogue.topic("orders.v1")  # type: ignore[index]
    with pytest.raises(dataclasses.FrozenInstanceError):
        catalogue.topic("orders.v1").partitions = 12  # type: ignore[misc]


@pytest.mark.parametrize(
    ("broken", "message"),
    [
        (lambda d: d["channels"]["orders"].pop("address"), "`address` must be a str"),
        (lambda d: d["channels"]["orders"].pop("x-key"), "`x-key` must be a str"),
        (lambda d: d["channels"]["orders"].pop("x-dead-letter"), "`x-dead-letter` must be a str"),
        (lambda d: d["channels"]["orders"].update({"x-dead-letter": "nowhere.dlq"}),
         "'nowhere.dlq', which is not listed"),
        (lambda d: d["channels"]["ordersDlq"].update({"x-dead-letter-of": "nowhere"}), "unknown topic 'nowhere'"),
        (lambda d: d["channels"]["orders"]["bindings"]["kafka"].update({"partitions": "six"}),
         "`partitions` must be a int"),
        (lambda d: d["channels"]["orders"]["bindings"]["kafka"].update({"partitions": 0}), "must be positive"),
        (lambda d: d["channels"]["orders"].pop("bindings"), "no bindings.kafka"),
        (lambda d: d["channels"]["orders"].update({"x-consumers": "projection"}), "`x-consumers` must be a list"),
        (lambda d: d["channels"]["orders"].update({"messages": {}}), "no messages"),
        (lambda d: d["channels"]["orders"]["messages"]["Placed"].update({"$ref": "#/components/messages/Gone"}),
         "unresolvable reference"),
        (lambda d: d["components"]["messages"]["Placed"].pop("x-protobuf-type"), "no x-protobuf-type"),
        (lambda d: d["channels"].update({"again": dict(d["channels"]["orders"])}), "listed twice"),
        (lambda d: d.pop("channels"), "no `channels` mapping"),
    ],
)
def test_a_broken_document_is_refused_with_the_reason(broken, message):
    document = minimal_document()
    broken(document)
    with pytest.raises(CatalogueError, match=message):
        parse_catalogue(document, source="test.yaml")


def test_load_reads_a_file_once_per_path(tmp_path: Path):
    path = tmp_path / "asyncapi.yaml"
    path.write_text(yaml.safe_dump(minimal_document()))
    first = load_catalogue(path)
    path.write_text("not: [valid")  # a cached catalogue is not read again
    assert load_catalogue(path) is first
    assert load_catalogue(tmp_path / "." / "asyncapi.yaml") is first  # same file, other spelling


def test_load_refuses_missing_files_and_bad_yaml(tmp_path: Path):
    with pytest.raises(CatalogueError, match="cannot read the topic catalogue"):
        load_catalogue(tmp_path / "absent.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_text("channels: [unclosed")
    with pytest.raises(CatalogueError, match="not valid YAML"):
        load_catalogue(bad)


def test_default_path_is_the_repository_catalogue_unless_overridden(monkeypatch, tmp_path: Path):
    monkeypatch.delenv(CATALOGUE_PATH_ENV, raising=False)
    assert default_catalogue_path() == CATALOGUE
    assert load_catalogue() is load_catalogue(CATALOGUE)
    other = tmp_path / "other.yaml"
    other.write_text(yaml.safe_dump(minimal_document()))
    monkeypatch.setenv(CATALOGUE_PATH_ENV, str(other))
    assert default_catalogue_path() == other
    assert next(t.name for t in load_catalogue().all_topics()) == "orders.v1"
