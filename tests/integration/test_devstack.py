"""`make run` (python -m oms_dev.devstack) as a person runs it: a process, ports, Ctrl-C, kill -9."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from oms_dev.devstack import SERVICE_PORTS
from oms_platform.broker import free_port, port_is_free
from tests.support.processes import alive, descendants, http_ok, kill_all, wait_until

pytestmark = pytest.mark.kafka

REPO = Path(__file__).resolve().parents[2]

STUB_SERVICE = '''
import http.server, os
port = int(os.environ["OMS_{upper}_PORT"])
assert os.environ["KAFKA_BOOTSTRAP_SERVERS"] and os.path.isdir(os.environ["OMS_DATA_DIR"])
class Health(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200); self.end_headers(); self.wfile.write(b"{name} ok")
    def log_message(self, *args): pass
http.server.HTTPServer(("127.0.0.1", port), Health).serve_forever()
'''


# What `make` is to `make run`: a parent that starts the dev stack and waits for it.
WAITING_PARENT = "import subprocess, sys; sys.exit(subprocess.call(sys.argv[1:]))"


class DevStack:
    """The dev stack as a child process (or grandchild, under a parent like `make`), with every
    process it started remembered."""

    def __init__(self, tmp_path: Path, *args: str, cwd: Path = REPO, env: dict[str, str] | None = None,
                 under_a_parent: bool = False) -> None:
        self.ports = {name: free_port() for name in SERVICE_PORTS}
        self.broker_port = free_port()
        self.output = tmp_path / "devstack.out"
        child_env = {k: v for k, v in os.environ.items() if k not in ("KAFKA_BOOTSTRAP_SERVERS", "OMS_DATABASE_URL")}
        child_env.update({f"OMS_{name.upper()}_PORT": str(port) for name, port in self.ports.items()})
        self.identity_port = free_port()  # the embedded identity provider, started beside the services
        child_env["OMS_IDENTITY_PORT"] = str(self.identity_port)
        child_env["OMS_BROKER_PORT"] = str(self.broker_port)
        child_env.update(env or {})
        parent = [sys.executable, "-c", WAITING_PARENT] if under_a_parent else []
        with self.output.open("wb") as out:
            self.process = subprocess.Popen(
                [*parent, sys.executable, "-m", "oms_dev.devstack", "--data-dir", str(tmp_path / "data"), *args],
                cwd=cwd, env=child_env, stdout=out, stderr=subprocess.STDOUT,
            )
        self.seen: set[int] = set()

    def remember_children(self) -> None:
        self.seen |= descendants(self.process.pid)

    def answering(self, path: str) -> set[str]:
        self.remember_children()
        return {name for name, port in self.ports.items() if http_ok(f"http://127.0.0.1:{port}{path}")}

    def wait_for_all(self, path: str, timeout: float) -> set[str]:
        """Names of the services NOT answering `path` when everything answers or time is up."""
        wait_until(lambda: self.answering(path) == set(self.ports) or self.process.poll() is not None,
                   timeout=timeout, interval=0.5)
        return set(self.ports) - self.answering(path)

    def stop(self, signum: int, timeout: float = 30) -> int:
        self.remember_children()
        self.process.send_signal(signum)
        try:
            return self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            raise

    def text(self) -> str:
        return self.output.read_text(errors="replace")[-6000:]

    def cleanup(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        kill_all(self.seen)


def command_line(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


@pytest.fixture
def stub_services(tmp_path: Path) -> Path:
    """A folder whose `services` package shadows the real one: tiny HTTP servers, one per service."""
    root = tmp_path / "stubs"
    (root / "services").mkdir(parents=True)
    (root / "services" / "__init__.py").write_text("")
    for name in SERVICE_PORTS:
        (root / "services" / name).mkdir()
        (root / "services" / name / "__init__.py").write_text("")
        (root / "services" / name / "__main__.py").write_text(STUB_SERVICE.format(name=name, upper=name.upper()))
    return root


def test_every_service_answers_and_ctrl_c_stops_every_process(tmp_path):
    stack = DevStack(tmp_path)
    try:
        missing = stack.wait_for_all("/health/live", timeout=60)
        assert not missing, f"not answering /health/live after 60 s: {sorted(missing)}\n{stack.text()}"
        assert stack.seen, "the dev stack started no processes"
        # The embedded identity provider answers beside them, and told how to sign in the first time.
        issuer = f"http://127.0.0.1:{stack.identity_port}"
        assert wait_until(lambda: http_ok(f"{issuer}/.well-known/jwks.json"), timeout=30), stack.text()
        assert "one-time password" in stack.output.read_text(errors="replace")

        returncode = stack.stop(signal.SIGINT)

        assert returncode == 130, stack.text()
        assert wait_until(lambda: not alive(stack.seen), timeout=10), f"left running: {alive(stack.seen)}"
        # The identity provider is a real Kafka client: the broker's side of its connections may
        # outlive the broker for a moment in the kernel, holding the port.
        assert wait_until(lambda: port_is_free("127.0.0.1", stack.broker_port), timeout=10)
    finally:
        stack.cleanup()


def test_the_supervisor_runs_the_services_it_is_given_and_sigterm_stops_them(tmp_path, stub_services):
    # Independent of the real services: stubs shadow them (the dev stack runs services from its cwd).
    stack = DevStack(tmp_path, "--no-create-topics", cwd=stub_services)
    try:
        missing = stack.wait_for_all("/", timeout=30)
        assert not missing, f"stubs not answering: {sorted(missing)}\n{stack.text()}"
        assert len([pid for pid in stack.seen if "tansu" in command_line(pid)]) == 1

        returncode = stack.stop(signal.SIGTERM)

        assert returncode == 143, stack.text()
        assert wait_until(lambda: not alive(stack.seen), timeout=10), f"left running: {alive(stack.seen)}"
        output = stack.text()
        assert "embedded broker stopped" in output
        assert f"http://127.0.0.1:{stack.ports['projection']}" in output
    finally:
        stack.cleanup()


@pytest.mark.parametrize("under_a_parent", [False, True], ids=["the-stack-killed", "its-parent-killed"])
def test_a_killed_stack_leaves_no_broker_and_no_service_behind(tmp_path, stub_services, under_a_parent):
    # Every child runs in a session of its own: only the parent-death signals can end them once
    # the process that started them is gone without a word.
    stack = DevStack(tmp_path, "--no-create-topics", cwd=stub_services, under_a_parent=under_a_parent)
    try:
        missing = stack.wait_for_all("/", timeout=30)
        assert not missing, f"stubs not answering: {sorted(missing)}\n{stack.text()}"
        commands = [command_line(pid) for pid in stack.seen]
        assert len([c for c in commands if "tansu" in c]) == 1, commands
        assert len([c for c in commands if " -m services." in c]) == len(SERVICE_PORTS), commands

        stack.process.kill()
        stack.process.wait()

        assert wait_until(lambda: not alive(stack.seen), timeout=20), \
            f"left running: {[command_line(pid) for pid in alive(stack.seen)]}\n{stack.text()}"
        # The identity provider is a real Kafka client: the broker's side of its connections may
        # outlive the broker for a moment in the kernel, holding the port.
        assert wait_until(lambda: port_is_free("127.0.0.1", stack.broker_port), timeout=10)
    finally:
        stack.cleanup()


def test_a_subset_of_services_runs_alone(tmp_path, stub_services):
    stack = DevStack(tmp_path, "--no-create-topics", "--services", "order,ledger", cwd=stub_services)
    try:
        assert wait_until(lambda: stack.answering("/") == {"order", "ledger"}, timeout=30), stack.text()
        assert stack.answering("/") == {"order", "ledger"}
        assert stack.stop(signal.SIGINT) == 130
    finally:
        stack.cleanup()


def test_an_unreachable_external_broker_is_one_line_and_exit_code_2(tmp_path):
    dead = f"127.0.0.1:{free_port()}"
    result = subprocess.run(
        [sys.executable, "-m", "oms_dev.devstack", "--data-dir", str(tmp_path / "data")],
        env={**os.environ, "KAFKA_BOOTSTRAP_SERVERS": dead, "OMS_BROKER_WAIT_SECONDS": "1"},
        capture_output=True, text=True, timeout=60, cwd=REPO,
    )
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 2, result.stderr
    assert len(lines) == 1 and lines[0].startswith(f"devstack: cannot reach Kafka at {dead} after 1s: "), lines
