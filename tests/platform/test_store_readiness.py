"""Readiness says whether the store can write, not only whether it answers reads."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from services.inventory.bootstrap import definition
from tests.support.services import running_service

pytestmark = pytest.mark.kafka


def test_readiness_fails_naming_the_store_while_it_cannot_write_and_recovers(embedded_broker, tmp_path):
    worker = Path(__file__).with_name("store_readiness_worker.py")
    result = subprocess.run([sys.executable, str(worker), str(tmp_path / "data"), embedded_broker.bootstrap_servers],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = (line for line in result.stdout.splitlines() if line.startswith("{"))
    phases = {p["phase"]: p for p in map(json.loads, lines)}
    assert phases["writable"]["status"] == 200, phases
    assert phases["limited"]["status"] == 503, phases
    assert phases["limited"]["checks"]["store"].startswith("StoreCannotWrite: write refused"), phases
    assert phases["limited"]["checks"]["kafka"] == "ok", "only the store is named"
    assert phases["restored"]["status"] == 200, phases


async def test_readiness_writes_its_probe_row_in_the_store(store_backend, embedded_broker):
    async with running_service(definition(), bootstrap=embedded_broker.bootstrap_servers,
                               data_dir=store_backend.data_dir, database_url=store_backend.database_url) as service:
        answer = await service.client.get("/health/ready")
        assert answer.status_code == 200, answer.text
        with service.app.recorder.datastore.transaction(commit=False) as cursor:
            table = "oms_inventory.oms_store_probe" if store_backend.is_postgres else "oms_store_probe"
            cursor.execute(f"SELECT count(*) AS probes FROM {table}")
            row = cursor.fetchone()
        assert (row["probes"] if isinstance(row, dict) else row[0]) == 1
