"""A killed test run leaves no broker and no service behind (they would keep eating CPU).

A pytest run of its own starts the test broker (the `embedded_broker` fixture) and a service
process the way the system tests do (one from a worker thread, as a restart in a fault test is),
says which processes it started, and is SIGKILLed: no fixture teardown, no atexit.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

from tests.support.processes import alive, kill_all, wait_until

REPO = Path(__file__).resolve().parents[2]

KILLED_RUN = '''
import asyncio, json, os, sys, time
from pathlib import Path
from oms_dev.broker import EMBEDDED_CLIENT_ENV
from oms_platform.broker import free_port
from tests.support.stack import ServiceProcess

def test_started_then_killed(embedded_broker, tmp_path):
    env = {**os.environ, **EMBEDDED_CLIENT_ENV, "KAFKA_BOOTSTRAP_SERVERS": embedded_broker.bootstrap_servers,
           "OMS_DATA_DIR": str(tmp_path), "OMS_ORDER_PORT": str(free_port()), "OMS_LEDGER_PORT": str(free_port())}
    order = ServiceProcess("order", 0, env, tmp_path / "order.log")
    order.start()
    ledger = ServiceProcess("ledger", 0, env, tmp_path / "ledger.log")
    asyncio.run(asyncio.to_thread(ledger.start))  # the thread that started it is gone at once
    pids = [embedded_broker.pid, order.process.pid, ledger.process.pid]
    Path(os.environ["PIDS_FILE"]).write_text(json.dumps(pids))
    time.sleep(600)
'''


def test_a_killed_test_run_takes_its_broker_and_services_with_it(tmp_path):
    test_file, pids_file = tmp_path / "test_killed_run.py", tmp_path / "pids.json"
    test_file.write_text(KILLED_RUN)
    run = subprocess.Popen(
        [sys.executable, "-m", "pytest", str(test_file), "-q", "-p", "no:cacheprovider", "-p", "tests.conftest",
         "--rootdir", str(tmp_path), "--basetemp", str(tmp_path / "base")],
        cwd=REPO, env={**os.environ, "PIDS_FILE": str(pids_file)},
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )
    children: set[int] = set()
    try:
        assert wait_until(lambda: pids_file.exists() or run.poll() is not None, timeout=60) and pids_file.exists(), \
            run.communicate(timeout=10)[0].decode(errors="replace") if run.poll() is not None else "no pids yet"
        children = set(json.loads(pids_file.read_text()))
        # The ledger's starting thread ended: it must still run, or the next check proves nothing.
        assert alive(children) == children

        run.send_signal(signal.SIGKILL)
        run.wait()

        assert wait_until(lambda: not alive(children), timeout=20), f"left running: {sorted(alive(children))}"
    finally:
        if run.poll() is None:
            run.kill()
        kill_all(children)
