"""A `rebuild-projection` killed half way (issue 9): detected, never served as complete, completed.

The rebuild runs as the operator runs it (`omsctl rebuild-projection`, its own process with two
workers, small batches so that it commits many times) and is SIGKILLed as soon as the test sees
that it marked the views and wrote some of them: a moment the test does not pick precisely.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from collections.abc import AsyncIterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

import pytest
from aiokafka import AIOKafkaProducer

from oms.order.v1.order_pb2 import OrderStatus
from oms_dev.broker import EmbeddedBroker
from services.projection.adapters.rebuild_marker import unfinished_rebuild
from services.projection.adapters.view_store import ViewStore, open_view_store
from services.projection.bootstrap import definition
from services.projection.settings import ProjectionSettings
from tests.services.projection.messages import ORDER_EVENTS, new_order_id, order_placed, order_status_event, sealed
from tests.support.backends import StoreBackend
from tests.support.postgres import fresh_database
from tests.support.processes import alive, descendants, kill_all, wait_until
from tests.support.services import running_service

pytestmark = pytest.mark.fault

ORDERS = 1500  # two records each, ten records a batch: a rebuild of some 300 commits
OMSCTL = Path(sys.executable).parent / "omsctl"


@dataclass
class HalfRebuilt:
    settings: ProjectionSettings
    views: ViewStore
    order_ids: list[str]


@pytest.fixture
async def half_rebuilt(embedded_broker: EmbeddedBroker, store_backend: StoreBackend) -> AsyncIterator[HalfRebuilt]:
    """Views a killed `omsctl rebuild-projection` left behind, on a database of their own (the
    views' schema is the service's name, shared by every test of the session's database)."""
    with ExitStack() as stack:
        database_url = (stack.enter_context(fresh_database(store_backend.database_url, prefix="oms_rebuild"))
                        if store_backend.is_postgres else None)
        settings = ProjectionSettings(kafka_bootstrap_servers=embedded_broker.bootstrap_servers,
                                      data_dir=store_backend.data_dir, database_url=database_url)
        order_ids = await _publish_approved_orders(settings.kafka_bootstrap_servers, ORDERS)
        views = open_view_store(settings, bulk=True)
        stack.callback(views.close)
        await _rebuild_killed_midway(settings, views)
        yield HalfRebuilt(settings, views, order_ids)


async def _publish_approved_orders(bootstrap: str, count: int) -> list[str]:
    order_ids = [new_order_id() for _ in range(count)]
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, enable_idempotence=False, linger_ms=20)
    await producer.start()
    try:
        sent = []
        for order_id in order_ids:
            approved = order_status_event(order_id, "OrderApproved", OrderStatus.ORDER_STATUS_APPROVED,
                                          auto_approved=True)
            for version, payload in enumerate((order_placed(order_id), approved), start=1):
                value = sealed(payload, producer="order", aggregate_id=order_id, version=version)
                sent.append(await producer.send(ORDER_EVENTS, key=order_id.encode(), value=value))
        await asyncio.gather(*sent)
    finally:
        await producer.stop()
    return order_ids


def _environment(settings: ProjectionSettings, batch_records: int = 20000) -> dict[str, str]:
    env = {name: value for name, value in os.environ.items() if not name.startswith("OMS_")}
    env.update(KAFKA_BOOTSTRAP_SERVERS=settings.kafka_bootstrap_servers, OMS_DATA_DIR=str(settings.data_dir),
               OMS_REBUILD_BATCH_RECORDS=str(batch_records), OMS_LOG_JSON="false")
    if settings.database_url:
        env["OMS_DATABASE_URL"] = settings.database_url
    return env


async def _rebuild_killed_midway(settings: ProjectionSettings, views: ViewStore) -> None:
    rebuilding = await asyncio.create_subprocess_exec(
        str(OMSCTL), "rebuild-projection", "--workers", "2", env=_environment(settings, batch_records=10),
        stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL)
    workers: set[int] = set()
    try:
        deadline = asyncio.get_running_loop().time() + 120
        while not await asyncio.to_thread(_marked_and_partly_written, views):
            assert rebuilding.returncode is None, "the rebuild ended before the test saw it half way"
            assert asyncio.get_running_loop().time() < deadline, "the rebuild never wrote a batch"
            workers |= descendants(rebuilding.pid)
            await asyncio.sleep(0.01)
        workers |= descendants(rebuilding.pid)
        rebuilding.send_signal(signal.SIGKILL)  # the parent only, as the OOM killer would
        await rebuilding.wait()
        # Its workers notice and stop: none goes on writing under the feet of the next rebuild.
        assert await asyncio.to_thread(wait_until, lambda: not alive(workers), timeout=30), [
            Path(f"/proc/{pid}/cmdline").read_bytes() for pid in alive(workers)]
    finally:
        if rebuilding.returncode is None:
            rebuilding.kill()
            await rebuilding.wait()
        kill_all(workers)


def _marked_and_partly_written(views: ViewStore) -> bool:
    with views.read() as session:
        marked = session.one("SELECT COUNT(*) AS n FROM view_rebuild")["n"]
        written = session.one("SELECT COUNT(*) AS n FROM orders")["n"]
    return bool(marked and written)


def _approved_orders(views: ViewStore, order_ids: list[str]) -> int:
    with views.read() as session:
        statuses = {row["order_id"]: row["status"] for row in session.all("SELECT order_id, status FROM orders")}
    return sum(1 for order_id in order_ids if statuses.get(order_id) == "approved")


async def test_omsctl_run_again_completes_the_views_a_killed_rebuild_left_half_full(half_rebuilt):
    views = half_rebuilt.views
    assert unfinished_rebuild(views) is not None
    assert _approved_orders(views, half_rebuilt.order_ids) < ORDERS

    again = await asyncio.create_subprocess_exec(
        str(OMSCTL), "rebuild-projection", "--workers", "2", env=_environment(half_rebuilt.settings),
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT)
    output, _ = await again.communicate()

    assert again.returncode == 0, output.decode(errors="replace")
    assert unfinished_rebuild(views) is None
    assert _approved_orders(views, half_rebuilt.order_ids) == ORDERS


async def test_a_projection_started_on_half_rebuilt_views_is_not_ready_and_redoes_the_rebuild(
        half_rebuilt, embedded_broker: EmbeddedBroker):
    settings, views = half_rebuilt.settings, half_rebuilt.views
    operator = ExitStack()
    # While a rebuild holds the lock (as an operator's rerun would), the service only waits.
    operator.enter_context(views.rebuild_lock())
    try:
        async with running_service(definition(), bootstrap=embedded_broker.bootstrap_servers,
                                   data_dir=settings.data_dir, database_url=settings.database_url) as service:
            readiness = await service.client.get("/health/ready")
            orders = await service.client.get("/api/orders")
            checks = readiness.json()["checks"]
            assert readiness.status_code == 503 and checks["tasks"] == "ok", checks
            assert checks["views"].startswith("RuntimeError: The views are incomplete: the rebuild started at"), checks
            assert orders.status_code == 503 and orders.json()["type"].endswith("views-incomplete")
            assert "The views are incomplete: the rebuild started at" in orders.json()["detail"]

            operator.close()  # nobody rebuilds any more: the interrupted rebuild is the service's to redo
            await _until_ready(service)
            listed = (await service.client.get("/api/orders", params={"status": "approved", "limit": 1})).json()
    finally:
        operator.close()
    assert listed["total"] == ORDERS
    assert unfinished_rebuild(views) is None


async def _until_ready(service, timeout: float = 120.0) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while (answer := await service.client.get("/health/ready")).status_code != 200:
        assert asyncio.get_running_loop().time() < deadline, f"never ready: {answer.json()}"
        await asyncio.sleep(0.2)
