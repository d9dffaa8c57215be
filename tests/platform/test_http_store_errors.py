"""A store that cannot take a request is a 503 problem with Retry-After, never a bare 500.

Real failures where the test can cause them: a SQLite store another connection keeps locked (it
refuses every write), writers that keep winning a conflict, a PostgreSQL server that is not there,
a pool that has no connection to give. Each is answered on sync endpoints (the threadpool) and
async ones alike, and logged once with its exception.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Callable, Iterator

import httpx
import psycopg
import psycopg_pool
import pytest
from eventsourcing.persistence import ConnectionUnavailableError, InterfaceError
from fastapi import APIRouter, FastAPI
from starlette.concurrency import run_in_threadpool

from oms_platform.broker import free_port
from oms_platform.http import PROBLEM_MEDIA_TYPE, create_http_app, problem_type
from oms_platform.metrics import ServiceMetrics
from oms_platform.store import open_application
from oms_platform.store.conflicts import retry_on_conflict
from oms_platform.store.factory import store_environment
from tests.unit.http.conftest import log_lines  # noqa: F401 - the fixture: JSON log lines of the test

# ruff: noqa: F811 - tests name the imported fixture as a parameter, which pyflakes reads as a redefinition
from .sample_domain import TallyBook, settings_for

SUBJECT = "parcel-7"
STORE_ERROR_LOGGED = "store error answered with 503"


@pytest.fixture
def settings(tmp_path):
    return settings_for(f"store_errors_{uuid.uuid4().hex[:8]}", data_dir=tmp_path, database_url=None)


@pytest.fixture
def book(settings) -> Iterator[TallyBook]:
    # A one-second lock timeout (the shortest SQLite takes) keeps the locked-store tests short.
    app = TallyBook(env={**store_environment(settings), "SQLITE_LOCK_TIMEOUT": "1"})
    app.record(app.tally_for(SUBJECT))
    yield app
    app.close()


@pytest.fixture
def other_writer(settings, book) -> Iterator[TallyBook]:
    """A second instance of the service on the same store: the writer that keeps winning."""
    app = open_application(TallyBook, settings)
    yield app
    app.close()


@pytest.fixture
def locked_store(settings, book) -> Iterator[None]:
    """Another connection holds the write lock: the store refuses every write until it lets go."""
    connection = sqlite3.connect(settings.data_dir / f"{settings.service_name}.sqlite3", isolation_level=None)
    connection.execute("BEGIN EXCLUSIVE")
    yield
    connection.execute("ROLLBACK")
    connection.close()


def label(book: TallyBook, text: str) -> None:
    tally = book.tally_for(SUBJECT)
    tally.label(text)
    book.record(tally)


def store_app(book: TallyBook, other_writer: TallyBook | None = None) -> FastAPI:
    router = APIRouter()

    @router.post("/sync/label")
    def label_in_threadpool() -> dict[str, str]:
        label(book, "sync")
        return {"labelled": "sync"}

    @router.post("/async/label")
    async def label_from_the_event_loop() -> dict[str, str]:
        await run_in_threadpool(label, book, "async")
        return {"labelled": "async"}

    @router.post("/sync/label-against-a-faster-writer")
    def label_losing_every_race() -> None:
        @retry_on_conflict
        def attempt() -> None:
            tally = book.tally_for(SUBJECT)
            label(other_writer, "elsewhere")  # commits first, every time
            tally.label("mine")
            book.record(tally)

        attempt()

    return create_http_app(service="order", version="1", metrics=ServiceMetrics("order"), routers=[router])


def failing_app(failure: Callable[[], None]) -> FastAPI:
    router = APIRouter()

    @router.get("/sync")
    def in_threadpool() -> None:
        failure()

    @router.get("/async")
    async def in_event_loop() -> None:
        failure()

    return create_http_app(service="order", version="1", metrics=ServiceMetrics("order"), routers=[router])


async def send(app: FastAPI, method: str, path: str) -> httpx.Response:
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://oms.test") as client:
        return await client.request(method, path)


def assert_store_problem(response: httpx.Response, slug: str, retry_after: str, log_lines, cause: str) -> None:
    assert response.status_code == 503, response.text
    assert response.headers["content-type"] == PROBLEM_MEDIA_TYPE
    assert response.headers["retry-after"] == retry_after
    problem = response.json()
    assert problem["type"] == problem_type(slug)
    assert problem["request_id"] == response.headers["x-request-id"]
    assert cause not in response.text  # the driver's words stay in the log
    lines = log_lines()
    logged = [line for line in lines if line["event"] == STORE_ERROR_LOGGED]
    assert len(logged) == 1, lines
    assert logged[0]["level"] == "error" and logged[0]["request_id"] == problem["request_id"]
    assert cause in logged[0]["exception"]
    assert not [line for line in lines if line["event"] == "unhandled error"]


@pytest.mark.parametrize("path", ["/sync/label", "/async/label"])
async def test_a_store_that_refuses_every_write_is_503_store_unavailable(book, locked_store, path, log_lines):
    response = await send(store_app(book), "POST", path)

    assert_store_problem(response, "store-unavailable", "5", log_lines, cause="database is locked")
    assert book.tally_for(SUBJECT).labels == []


async def test_a_conflict_that_outlives_the_retries_is_503_write_conflict(book, other_writer, log_lines):
    response = await send(store_app(book, other_writer), "POST", "/sync/label-against-a-faster-writer")

    assert_store_problem(response, "write-conflict", "1", log_lines, cause="UNIQUE constraint failed")
    assert "mine" not in other_writer.tally_for(SUBJECT).labels


def connect_to_a_postgres_that_is_not_there() -> None:
    psycopg.connect(f"host=127.0.0.1 port={free_port()} dbname=oms user=oms connect_timeout=2").close()


def wait_for_a_pool_without_connections() -> None:
    conninfo = f"host=127.0.0.1 port={free_port()} dbname=oms user=oms connect_timeout=2"
    with (psycopg_pool.ConnectionPool(conninfo, min_size=1, max_size=1, timeout=0.2, open=True) as pool,
          pool.connection()):
        pass


def raise_(error: Exception) -> Callable[[], None]:
    def fail() -> None:
        raise error
    return fail


@pytest.mark.parametrize("path", ["/sync", "/async"])
@pytest.mark.parametrize(("failure", "cause"), [
    (connect_to_a_postgres_that_is_not_there, "Connection refused"),
    (wait_for_a_pool_without_connections, "PoolTimeout"),
    # eventsourcing's own pool, timed out (an OperationalError), and its interface error
    (raise_(ConnectionUnavailableError("timed out waiting for a connection")), "timed out waiting"),
    (raise_(InterfaceError("connection already closed")), "connection already closed"),
], ids=["psycopg-operational", "psycopg-pool-timeout", "pool-exhausted", "interface-error"])
async def test_an_unreachable_store_is_503_store_unavailable(failure, cause, path, log_lines):
    response = await send(failing_app(failure), "GET", path)

    assert_store_problem(response, "store-unavailable", "5", log_lines, cause=cause)


async def test_other_errors_are_still_a_500(log_lines):
    response = await send(failing_app(raise_(sqlite3.IntegrityError("NOT NULL constraint failed"))), "GET", "/sync")

    assert response.status_code == 500
    assert response.json()["type"] == problem_type("internal-error")
    assert "retry-after" not in response.headers
