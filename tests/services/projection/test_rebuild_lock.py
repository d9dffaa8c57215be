"""One rebuild of the views at a time: a second one refuses before it empties anything."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from services.projection.adapters.rebuild_marker import rebuild_running, unfinished_rebuild
from services.projection.adapters.view_store import (
    PostgresViewStore,
    RebuildRunning,
    SqliteViewStore,
    ViewStore,
    open_view_store,
)
from services.projection.application.projector import Projector
from services.projection.entrypoints.rebuild import rebuild
from services.projection.settings import ProjectionSettings
from tests.services.projection.messages import ORDER_EVENTS, new_order_id, order_placed, record


def _same_views_again(views: ViewStore, store_backend) -> ViewStore:
    if isinstance(views, PostgresViewStore):
        return PostgresViewStore(store_backend.database_url, schema=f"projection_{store_backend.schema_suffix}")
    return SqliteViewStore(store_backend.data_dir / "projection.sqlite3")


def test_the_rebuild_lock_is_held_by_one_store_at_a_time(views, store_backend):
    other = _same_views_again(views, store_backend)
    try:
        with views.rebuild_lock():
            assert rebuild_running(other)
            with pytest.raises(RebuildRunning), other.rebuild_lock():
                pass
        assert not rebuild_running(other)
    finally:
        other.close()


async def test_a_rebuild_refuses_while_another_runs_and_leaves_the_views_as_they_are(tmp_path):
    settings = ProjectionSettings(kafka_bootstrap_servers="127.0.0.1:1", data_dir=tmp_path)
    views = open_view_store(settings)
    order_id = new_order_id()
    try:
        Projector(views, {ORDER_EVENTS: frozenset({"oms.order.v1.OrderPlaced"})}).project(
            record(ORDER_EVENTS, order_placed(order_id), aggregate_id=order_id, version=1))
        with views.rebuild_lock(), pytest.raises(RebuildRunning):
            await rebuild(settings)
        with views.read() as session:
            assert session.one("SELECT order_id FROM orders") == {"order_id": order_id}
        assert unfinished_rebuild(views) is None
    finally:
        views.close()


def test_omsctl_refuses_a_rebuild_while_another_runs(tmp_path):
    settings = ProjectionSettings(kafka_bootstrap_servers="127.0.0.1:1", data_dir=tmp_path)
    views = open_view_store(settings)
    env = {name: value for name, value in os.environ.items() if not name.startswith(("OMS_", "KAFKA_"))}
    env.update(OMS_DATA_DIR=str(tmp_path), KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:1", COLUMNS="200")
    try:
        with views.rebuild_lock():
            refused = subprocess.run([str(Path(sys.executable).parent / "omsctl"), "rebuild-projection"],
                                     env=env, capture_output=True, text=True, timeout=120)
    finally:
        views.close()
    assert refused.returncode == 1, refused.stdout + refused.stderr
    assert "another process is rebuilding" in refused.stdout and "wait for it to finish" in refused.stdout
