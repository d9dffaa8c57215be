"""Whether a Kafka API answers: what a service runs at start, against whichever broker it is
pointed at, and the port helpers the embedded broker (oms_dev.broker) and the tests use.
"""

from __future__ import annotations

import asyncio
import errno
import socket
import threading
import time
from collections.abc import Iterator


class BrokerError(RuntimeError):
    """A broker cannot be found, started or reached; the message is for an operator."""


class BrokerUnreachable(BrokerError):
    """No Kafka API answered at the given address in time (one-line message)."""


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port nothing listens on right now (the OS picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


def port_is_free(host: str, port: int) -> bool:
    # SO_REUSEADDR like Tansu's own listener: a port in TIME_WAIT is usable, a listening one is not.
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError as error:
            if error.errno == errno.EADDRINUSE:
                return False
            raise
    return True


def wait_for_kafka(bootstrap: str, timeout: float) -> None:
    """Return once a Kafka API answers at `bootstrap`; else raise BrokerUnreachable (one line).

    Safe to call with or without a running event loop in the calling thread: the probe runs on
    its own loop in a helper thread.
    """
    deadline = time.monotonic() + timeout
    reason = "no attempt made"
    while True:
        remaining = deadline - time.monotonic()
        try:
            probe_kafka(bootstrap, timeout=min(max(remaining, 0.2), 5.0))
            return
        except Exception as error:  # noqa: BLE001 - the reason goes into the one line
            reason = one_line_error(error)
        if time.monotonic() + 0.2 > deadline:
            raise BrokerUnreachable(f"cannot reach Kafka at {bootstrap} after {timeout:g}s: {reason}")
        time.sleep(0.2)


async def wait_for_kafka_async(bootstrap: str, timeout: float) -> None:
    """`wait_for_kafka` for code already inside an event loop."""
    await asyncio.to_thread(wait_for_kafka, bootstrap, timeout)


def probe_kafka(bootstrap: str, timeout: float) -> None:
    """One metadata request; raises on anything but an answer."""
    # A plain TCP connect first: it fails fast and quietly, where aiokafka logs an ERROR line
    # for every refused bootstrap (noise in a service's log while it waits for the broker).
    _tcp_reachable(bootstrap, timeout)
    result: list[BaseException | None] = [None]

    def run() -> None:
        try:
            asyncio.run(_metadata(bootstrap, timeout))
        except BaseException as error:  # noqa: BLE001 - handed back to the caller's thread
            result[0] = error

    thread = threading.Thread(target=run, name="kafka-probe", daemon=True)
    thread.start()
    thread.join(timeout + 2.0)
    if thread.is_alive():
        raise TimeoutError(f"no metadata answer within {timeout:g}s")
    if result[0] is not None:
        raise result[0]


async def _metadata(bootstrap: str, timeout: float) -> None:
    from aiokafka.admin import AIOKafkaAdminClient

    admin = AIOKafkaAdminClient(
        bootstrap_servers=bootstrap,
        client_id="oms-broker-probe",
        request_timeout_ms=max(int(timeout * 1000), 100),
    )
    try:
        async with asyncio.timeout(timeout):
            await admin.start()
            # Metadata for all topics: never auto-creates anything (naming a topic would, on Tansu).
            await admin.list_topics()
    finally:
        await admin.close()


def _tcp_reachable(bootstrap: str, timeout: float) -> None:
    errors = []
    for host, port in _addresses(bootstrap):
        try:
            socket.create_connection((host, port), timeout=timeout).close()
            return
        except OSError as error:
            errors.append(f"{host}:{port} {error.strerror or error}")
    raise ConnectionError("; ".join(errors) or "no address given")


def _addresses(bootstrap: str) -> Iterator[tuple[str, int]]:
    for entry in bootstrap.split(","):
        entry = entry.strip()
        if not entry:
            continue
        entry = entry.split("://", 1)[-1]
        host, _, port = entry.rpartition(":")
        if not host:
            host, port = port, "9092"
        yield host.strip("[]"), int(port)


def one_line_error(error: BaseException) -> str:
    text = " ".join(str(error).split()) or "no detail"
    return f"{type(error).__name__}: {text}"
