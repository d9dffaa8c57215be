"""A small run of `make bench`, so the benchmark cannot rot. It times nothing itself."""

import json
import subprocess
import sys

import pytest

pytestmark = pytest.mark.kafka


def test_a_small_benchmark_runs_to_the_end_and_reports_every_figure(tmp_path):
    result = subprocess.run([sys.executable, "-m", "tests.bench", "--orders", "12", "--sample-every", "3",
                             "--output", str(tmp_path), "--timeout", "240", "--idle-seconds", "1"],
                            capture_output=True, text=True, timeout=400)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    [report_file] = tmp_path.glob("bench-*.json")
    report = json.loads(report_file.read_text())
    assert report["complete"] and report["orders"] == 12
    assert report["latency_intake_to_visible_seconds"]["samples"] == 4
    assert set(report["peak_memory_mib"]) == {"ingest", "order", "inventory", "fulfillment", "tracking", "ledger",
                                              "projection"}
    assert all(value > 0 for value in report["peak_memory_mib"].values())
    assert report["accepted_per_second"] > 0 and report["completed_per_second"] > 0
    assert set(report["idle"]) == set(report["cpu_ms_per_order_busy"]) == set(report["peak_memory_mib"])
    work = report["work_per_order"]
    # every service consumed in batches; the event-sourced ones relayed what they recorded (a
    # batch of events that publish nothing, such as reserved order numbers, sends no message)
    assert all(work[name]["records_per_consumer_batch"] >= 1 for name in report["peak_memory_mib"])
    relaying = [name for name in report["peak_memory_mib"] if name != "projection"]
    assert all(work[name]["messages_per_relay_batch"] > 0 for name in relaying)
    assert work["ledger"]["store_aggregate_loads_per_order"] > 0


def test_a_small_rebuild_benchmark_rebuilds_every_copy_of_the_seed(tmp_path):
    # One process here; the broker-loss fault test rebuilds with the default of several.
    result = subprocess.run([sys.executable, "-m", "tests.bench.rebuild", "--events", "3000", "--seed-orders", "8",
                             "--workers", "1", "--output", str(tmp_path)],
                            capture_output=True, text=True, timeout=400)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    [report_file] = tmp_path.glob("rebuild-*.json")
    report = json.loads(report_file.read_text())
    assert report["records"] >= 3000
    # every copy of the seed is a distinct set of orders in the rebuilt views
    assert report["orders_in_views"] == report["orders_expected"] > 8
    assert report["outcomes"]["processed"] > 0 and report["replay_events_per_second"] > 0
    assert report["workers"] == 1


def test_a_small_intake_benchmark_reports_statuses_latency_and_cpu(tmp_path):
    result = subprocess.run([sys.executable, "-m", "tests.bench.intake", "--orders", "40", "--clients", "8",
                             "--ingest-only", "--output", str(tmp_path)],
                            capture_output=True, text=True, timeout=400)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    [report_file] = tmp_path.glob("intake-*.json")
    report = json.loads(report_file.read_text())
    assert report["statuses"] == {"201": 40} and report["accepted"] == 40
    assert report["server_errors"] == 0 and report["transport_errors"] == 0
    assert report["request_latency_seconds"]["p99"] > 0
    assert set(report["cpu_seconds"]) == {"ingest", "bench clients"}
