"""Fixtures for a real broker and a real PostgreSQL; nothing here skips a test.

- `kafka_bootstrap` (session): `OMS_TEST_KAFKA_BOOTSTRAP`, else a Kafka container when Docker
  answers, else the embedded Tansu broker.
- `fresh_topics`: creates uniquely named topics for one test (`await fresh_topics("orders", 3)`).
- `embedded_broker`: a Tansu broker of the test's own, to stop, kill or restart.

Brokers and service processes the tests start die with the test run, however it ends (a killed
run leaves nothing running: `oms_platform.parent_death`).
- `postgres_url` (session): a fresh database on a real server; no server at all fails the tests.
- `store_backend`: every store test runs twice, `[sqlite]` and `[postgres]`.

Tests that use these fixtures get the `kafka` / `postgres` marker automatically, so `-m kafka`
and `-m "not postgres"` select them without anyone remembering to mark them.
"""

from __future__ import annotations

import uuid
import warnings
from collections.abc import AsyncIterator, Iterator
from contextlib import ExitStack

import pytest

from oms_dev.broker import EmbeddedBroker
from tests.support.backends import StoreBackend
from tests.support.kafka import TopicFactory, kafka_for_tests
from tests.support.postgres import PostgresUnavailable, postgres_for_tests

_KAFKA_FIXTURES = {"kafka_bootstrap", "fresh_topics", "embedded_broker"}
_POSTGRES_FIXTURES = {"postgres_url"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        used = set(getattr(item, "fixturenames", ()))
        if used & _KAFKA_FIXTURES:
            item.add_marker(pytest.mark.kafka)
        if used & _POSTGRES_FIXTURES:
            item.add_marker(pytest.mark.postgres)


@pytest.fixture(scope="session")
def kafka_bootstrap(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with kafka_for_tests(tmp_path_factory.mktemp("kafka")) as bootstrap:
        yield bootstrap


@pytest.fixture
async def fresh_topics(kafka_bootstrap: str, request: pytest.FixtureRequest) -> AsyncIterator[TopicFactory]:
    factory = TopicFactory(kafka_bootstrap, request.node.name)
    yield factory
    try:
        await factory.cleanup()
    except Exception as error:  # noqa: BLE001 - names are unique; a leftover topic harms nobody
        warnings.warn(f"could not delete test topics {factory.created}: {error}", stacklevel=1)


@pytest.fixture
def embedded_broker(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmbeddedBroker]:
    with EmbeddedBroker(log_dir=tmp_path_factory.mktemp("tansu"), die_with_parent=True) as broker:
        yield broker


@pytest.fixture(scope="session")
def postgres_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with ExitStack() as stack:
        try:
            url = stack.enter_context(postgres_for_tests(tmp_path_factory.mktemp("postgres")))
        except PostgresUnavailable as error:
            pytest.fail(str(error), pytrace=False)
        yield url


@pytest.fixture(
    params=[
        pytest.param("sqlite", id="sqlite"),
        pytest.param("postgres", id="postgres", marks=pytest.mark.postgres),
    ]
)
def store_backend(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> StoreBackend:
    data_dir = tmp_path_factory.mktemp(f"store-{request.param}")
    suffix = uuid.uuid4().hex[:8]
    if request.param == "postgres":
        return StoreBackend("postgres", data_dir, request.getfixturevalue("postgres_url"), suffix)
    return StoreBackend("sqlite", data_dir, None, suffix)
