"""The whole system as separate processes, for end-to-end and crash tests.

Each service runs as `python -m services.<name>` on a free port with its own store under a test
folder, against one broker; a test can SIGKILL and restart any service on its own.
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from oms_dev.broker import EMBEDDED_CLIENT_ENV
from oms_platform.broker import free_port
from oms_platform.catalogue import load_catalogue
from oms_platform.parent_death import spawn_dying_with_parent
from oms_platform.topics import ensure_topics, specs_from_catalogue
from tests.support.processes import http_ok, wait_until

ALL_SERVICES = ("ingest", "order", "inventory", "fulfillment", "tracking", "ledger", "projection")


@dataclass
class ServiceProcess:
    name: str
    port: int
    env: Mapping[str, str]
    log_path: Path
    process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        # Gone with the test run if it is killed (a restart from a worker thread included).
        with self.log_path.open("ab") as log:
            self.process = spawn_dying_with_parent(
                [sys.executable, "-m", f"services.{self.name}"], env=dict(self.env), stdout=log,
                stderr=subprocess.STDOUT,
            )

    def wait_ready(self, timeout: float = 60.0) -> None:
        ready = wait_until(lambda: http_ok(f"{self.url}/health/ready") or self._exited(), timeout=timeout)
        if not ready or self._exited():
            raise AssertionError(f"{self.name} not ready; log tail:\n{self.log_tail()}")

    def kill(self) -> None:
        """SIGKILL: no shutdown code runs, as in a crash."""
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)

    def restart(self) -> None:
        self.kill()
        self.start()
        self.wait_ready()

    def _exited(self) -> bool:
        return self.process is not None and self.process.poll() is not None

    def log_tail(self, lines: int = 40) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"


@dataclass
class SystemStack:
    bootstrap: str
    data_dir: Path
    services: dict[str, ServiceProcess] = field(default_factory=dict)

    def url(self, name: str) -> str:
        return self.services[name].url


def _service_env(bootstrap: str, data_dir: Path, ports: Mapping[str, int], database_url: str | None) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("OMS_")}
    env.update({
        "KAFKA_BOOTSTRAP_SERVERS": bootstrap,
        "OMS_DATA_DIR": str(data_dir),
        "OMS_LOG_JSON": "true",
        **EMBEDDED_CLIENT_ENV,
    })
    env.update({f"OMS_{name.upper()}_PORT": str(port) for name, port in ports.items()})
    env.update({f"OMS_{name.upper()}_URL": f"http://127.0.0.1:{port}" for name, port in ports.items()})
    if database_url:
        env["OMS_DATABASE_URL"] = database_url
    return env


@contextmanager
def running_stack(bootstrap: str, data_dir: Path, *, services: Sequence[str] = ALL_SERVICES,
                  database_url: str | None = None) -> Iterator[SystemStack]:
    data_dir.mkdir(parents=True, exist_ok=True)
    asyncio.run(ensure_topics(bootstrap, specs_from_catalogue(load_catalogue().all_topics())))
    ports = {name: free_port() for name in ALL_SERVICES}
    env = _service_env(bootstrap, data_dir, ports, database_url)
    stack = SystemStack(bootstrap, data_dir)
    for name in services:
        stack.services[name] = ServiceProcess(name, ports[name], env, data_dir / f"{name}.log")
    try:
        for service in stack.services.values():
            service.start()
        for service in stack.services.values():
            service.wait_ready()
        yield stack
    finally:
        for service in stack.services.values():
            service.stop()
