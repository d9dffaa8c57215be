"""Wrong settings stop a service at once with one clear line, never a traceback."""

import os
import subprocess
import sys

import pytest

from oms_platform.broker import free_port


def start_order_service(tmp_path, **env: str) -> subprocess.CompletedProcess:
    environment = {**os.environ, "OMS_DATA_DIR": str(tmp_path), "OMS_BROKER_WAIT_SECONDS": "1", **env}
    return subprocess.run([sys.executable, "-m", "services.order"], env=environment,
                          capture_output=True, text=True, timeout=60)


def assert_one_line_failure(result: subprocess.CompletedProcess, expected: str) -> None:
    assert result.returncode == 2, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert expected in lines[0]


def test_unreachable_broker(tmp_path):
    result = start_order_service(tmp_path, KAFKA_BOOTSTRAP_SERVERS=f"127.0.0.1:{free_port()}")
    assert_one_line_failure(result, "cannot reach Kafka")


def test_port_that_is_not_a_number(tmp_path):
    result = start_order_service(tmp_path, OMS_ORDER_PORT="eighty")
    assert_one_line_failure(result, "invalid order settings")


@pytest.mark.kafka
def test_unreachable_database(tmp_path, embedded_broker):
    result = start_order_service(tmp_path, KAFKA_BOOTSTRAP_SERVERS=embedded_broker.bootstrap_servers,
                                 OMS_DATABASE_URL=f"postgresql://postgres@127.0.0.1:{free_port()}/oms")
    assert_one_line_failure(result, "cannot use PostgreSQL")


@pytest.mark.kafka
def test_database_url_of_another_kind(tmp_path, embedded_broker):
    result = start_order_service(tmp_path, KAFKA_BOOTSTRAP_SERVERS=embedded_broker.bootstrap_servers,
                                 OMS_DATABASE_URL="mysql://root@127.0.0.1/oms")
    assert_one_line_failure(result, "postgresql://")
