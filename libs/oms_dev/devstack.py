"""`make run`: the whole OMS on one machine, every service its own process under honcho.

With `KAFKA_BOOTSTRAP_SERVERS` unset it starts the embedded broker (Tansu) on port 9092
(`OMS_BROKER_PORT` overrides); set, it uses that broker and stops with exit code 2 when it cannot
reach it. It creates the catalogue's topics, then runs the embedded identity provider
(`python -m oms_identity`, port 8010) and `python -m services.<name>` for each service with honcho's
Manager, and tells the services to trust the provider's tokens (`OMS_AUTH_ISSUER`,
`OMS_AUTH_JWKS_URL`, `OMS_AUTH_AUDIENCE`). With `OMS_AUTH_ISSUER` set already (a provider of your
own), it starts no identity provider and passes your settings on unchanged. Ctrl-C or SIGTERM:
honcho stops the services, then the broker stops; the exit code is honcho's.

No orphans when the dev stack dies without stopping them (SIGKILL, the OOM killer), even though the
broker and every service run in sessions of their own. On Linux the kernel ends each child when its
parent dies (prctl PR_SET_PDEATHSIG): honcho's helper processes (one per service, forked from this
one; they pipe a service's output and ignore SIGINT/SIGTERM) get SIGKILL when this process dies,
and each service gets SIGKILL when its helper dies. SIGKILL rather than SIGTERM because nobody is
left to escalate if a service's orderly stop hangs on the broker, which is going away as well;
stores, relay and consumers are built to survive a kill. The broker gets SIGKILL too when this
process dies (`EmbeddedBroker(die_with_parent=True)`; with memory storage a stop keeps nothing a
kill loses). The mechanism, and why the thread that starts a child matters, is in
`oms_platform.parent_death`. When the parent of the dev stack dies (`make run` killed), the dev
stack gets SIGTERM and stops everything in order.
"""

from __future__ import annotations

import asyncio
import functools
import os
import shlex
import signal
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import Annotated

import typer
from honcho.manager import Manager
from honcho.printer import Printer
from honcho.process import Popen as HonchoPopen
from honcho.process import Process as HonchoProcess

from oms_dev.broker import EMBEDDED_CLIENT_ENV, EmbeddedBroker
from oms_platform.broker import BrokerError, wait_for_kafka
from oms_platform.parent_death import die_with_parent

# The projection service serves the dashboard, so it gets the first port.
SERVICE_PORTS: Mapping[str, int] = {
    "projection": 8000,
    "ingest": 8001,
    "order": 8002,
    "inventory": 8003,
    "fulfillment": 8004,
    "tracking": 8005,
    "ledger": 8006,
}
# The embedded identity provider (oms_identity): not a domain service, started beside them.
IDENTITY = "identity"
IDENTITY_PORT = 8010
IDENTITY_AUDIENCE = "oms"
DEFAULT_BROKER_PORT = 9092
# How long to wait for an external broker before giving up (the services' setting, shorter default).
DEFAULT_BROKER_WAIT_SECONDS = 10.0


@dataclass(frozen=True)
class ServiceProcess:
    name: str
    port: int
    command: str
    env: Mapping[str, str]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


def service_port(name: str, env: Mapping[str, str]) -> int:
    return int(env.get(f"OMS_{name.upper()}_PORT", SERVICE_PORTS[name]))


def plan_services(
    names: Sequence[str], *, bootstrap: str, data_dir: Path, base_env: Mapping[str, str]
) -> list[ServiceProcess]:
    """The honcho process of each service: its command and its whole environment."""
    env = dict(base_env)
    env["KAFKA_BOOTSTRAP_SERVERS"] = bootstrap
    env["OMS_DATA_DIR"] = str(data_dir)
    env["PYTHONUNBUFFERED"] = "1"  # lines reach honcho's pipe as they are written
    env.setdefault("OMS_LOG_JSON", "false")  # a person reads this terminal
    # Every service learns every port: the dashboard links to the others.
    for name in SERVICE_PORTS:
        env[f"OMS_{name.upper()}_PORT"] = str(service_port(name, base_env))
    return [
        ServiceProcess(
            name=name,
            port=service_port(name, base_env),
            # honcho runs commands through a shell; exec leaves one process per service.
            command="exec " + shlex.join([sys.executable, "-m", f"services.{name}"]),
            env=env,
        )
        for name in names
    ]


def identity_port(env: Mapping[str, str]) -> int:
    return int(env.get("OMS_IDENTITY_PORT", IDENTITY_PORT))


def plan_identity(
    *, bootstrap: str, data_dir: Path, base_env: Mapping[str, str]
) -> tuple[ServiceProcess | None, dict[str, str]]:
    """The identity provider's process, and the settings that make the services trust its tokens.

    None and no settings when `OMS_AUTH_ISSUER` is set: the company brings its own provider.
    """
    if base_env.get("OMS_AUTH_ISSUER", "").strip():
        return None, {}
    port = identity_port(base_env)
    issuer = base_env.get("OMS_IDENTITY_ISSUER") or f"http://127.0.0.1:{port}"
    audience = base_env.get("OMS_IDENTITY_AUDIENCE") or IDENTITY_AUDIENCE
    trust = {"OMS_AUTH_ISSUER": issuer, "OMS_AUTH_JWKS_URL": f"{issuer}/.well-known/jwks.json",
             "OMS_AUTH_AUDIENCE": audience}
    env = {**base_env, "KAFKA_BOOTSTRAP_SERVERS": bootstrap, "OMS_DATA_DIR": str(data_dir),
           "PYTHONUNBUFFERED": "1", "OMS_IDENTITY_PORT": str(port), "OMS_IDENTITY_ISSUER": issuer,
           "OMS_IDENTITY_AUDIENCE": audience}
    env.setdefault("OMS_LOG_JSON", "false")
    command = "exec " + shlex.join([sys.executable, "-m", "oms_identity"])
    return ServiceProcess(name=IDENTITY, port=port, command=command, env=env), trust


def create_catalogue_topics(bootstrap: str) -> list[str]:
    from oms_platform.catalogue import load_catalogue
    from oms_platform.topics import ensure_topics, specs_from_catalogue

    specs = specs_from_catalogue(load_catalogue().all_topics())
    return asyncio.run(ensure_topics(bootstrap, specs, client_id="oms-devstack"))


def print_summary(services: Sequence[ServiceProcess], *, bootstrap: str, embedded: bool, data_dir: Path) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title="OMS dev stack", title_justify="left")
    table.add_column("service", no_wrap=True)
    table.add_column("listens on", no_wrap=True)
    table.add_column("health", no_wrap=True)
    table.add_column("serves", no_wrap=True)
    for service in services:
        serves = {"projection": "dashboard at /", IDENTITY: "sign-in, tokens"}.get(service.name, "HTTP API")
        table.add_row(service.name, service.url, "/health/ready", serves)
    console = Console()
    console.print(table)
    broker = "embedded Tansu, memory storage: topics are lost when it stops" if embedded else "external"
    console.print(f"kafka: {bootstrap} ({broker})", soft_wrap=True)
    holds = "stores, broker log" if embedded else "stores"
    console.print(f"data:  {data_dir} ({holds})", soft_wrap=True)
    issuer = next((service.url for service in services if service.name == IDENTITY), None)
    if issuer is not None:
        console.print(f"sign-in: {issuer} (embedded identity provider; its first start prints the admin's "
                      "one-time password)", soft_wrap=True)


class _ServiceRunner(HonchoProcess):
    """honcho's runner of one service (a helper process forked from the dev stack), bound to the
    stack's life, and starting its service bound to the helper's life."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self._stack_pid = os.getpid()
        self._child_ctor = _popen_dying_with_parent  # honcho: how the service's process is made

    def run(self, events: object = None, ignore_signals: bool = False) -> None:
        # SIGKILL: honcho has this helper ignore SIGINT and SIGTERM.
        die_with_parent(signal.SIGKILL, self._stack_pid)
        super().run(events, ignore_signals)


def _popen_dying_with_parent(cmd: str, **kwargs: object) -> HonchoPopen:
    # honcho's shell `exec`s the service, which keeps the parent-death signal across exec.
    die = functools.partial(die_with_parent, signal.SIGKILL, os.getpid())
    return HonchoPopen(cmd, preexec_fn=die, **kwargs)


def _manager() -> Manager:
    manager = Manager(Printer(sys.stdout))
    # honcho 2.0 has no public hook for how it runs processes; `_process_ctor` is the seam its own
    # tests use. tests/integration/test_devstack.py kills the stack to prove it still works.
    manager._process_ctor = _ServiceRunner
    return manager


def run_stack(
    names: Sequence[str], *, data_dir: Path, create_topics: bool = True, env: Mapping[str, str] | None = None
) -> int:
    """Start the broker (unless external), the topics and the services; block until they stop."""
    env = dict(os.environ if env is None else env)
    data_dir = data_dir.resolve()
    data_dir.mkdir(parents=True, exist_ok=True)
    # Until honcho installs its own handlers, SIGTERM unwinds like Ctrl-C: the broker still stops.
    signal.signal(signal.SIGTERM, _exit_on_sigterm)
    broker: EmbeddedBroker | None = None
    try:
        bootstrap = env.get("KAFKA_BOOTSTRAP_SERVERS", "").strip()
        if bootstrap:
            wait_for_kafka(bootstrap, float(env.get("OMS_BROKER_WAIT_SECONDS", DEFAULT_BROKER_WAIT_SECONDS)))
        else:
            port = int(env.get("OMS_BROKER_PORT", DEFAULT_BROKER_PORT))
            broker = EmbeddedBroker(port, log_dir=data_dir / "logs", die_with_parent=True).start()
            bootstrap = broker.bootstrap_servers
            # The settings the defaults (made for Apache Kafka) need changed for this broker.
            for name, value in EMBEDDED_CLIENT_ENV.items():
                env.setdefault(name, value)
        if create_topics:
            create_catalogue_topics(bootstrap)
        identity, trust = plan_identity(bootstrap=bootstrap, data_dir=data_dir, base_env=env)
        services = plan_services(names, bootstrap=bootstrap, data_dir=data_dir, base_env={**env, **trust})
        if identity is not None:  # first: the services will fetch its keys
            services.insert(0, identity)
        print_summary(services, bootstrap=bootstrap, embedded=broker is not None, data_dir=data_dir)
        manager = _manager()
        for service in services:
            manager.add_process(service.name, service.command, env=dict(service.env), cwd=os.getcwd())
        manager.loop()
        return manager.returncode if manager.returncode is not None else 0
    except BrokerError as error:  # BrokerUnreachable included: one line, exit code 2
        print(f"devstack: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    finally:
        if broker is not None:
            broker.stop()
            print("devstack: embedded broker stopped", flush=True)


def _exit_on_sigterm(_signum: int, _frame: FrameType | None) -> None:
    raise SystemExit(143)  # honcho's code for SIGTERM


app = typer.Typer(add_completion=False, pretty_exceptions_enable=False)


@app.command()
def run(
    services: Annotated[
        str | None,
        typer.Option(help=f"Comma-separated subset of: {', '.join(SERVICE_PORTS)}."),
    ] = None,
    data_dir: Annotated[
        Path | None,
        typer.Option(help="Stores and logs; default $OMS_DATA_DIR or ./var/data."),
    ] = None,
    create_topics: Annotated[
        bool, typer.Option(help="Create the catalogue's topics before the services start.")
    ] = True,
) -> None:
    """Run the OMS: the broker (unless KAFKA_BOOTSTRAP_SERVERS is set) and every service."""
    names = list(SERVICE_PORTS) if not services else [s.strip() for s in services.split(",") if s.strip()]
    unknown = [name for name in names if name not in SERVICE_PORTS]
    if unknown or not names:
        raise typer.BadParameter(f"unknown services {unknown}; choose from {', '.join(SERVICE_PORTS)}")
    # `make run` killed, or the terminal's shell gone: stop everything in order, as on Ctrl-C.
    die_with_parent(signal.SIGTERM, os.getppid())
    folder = data_dir or Path(os.environ.get("OMS_DATA_DIR") or Path.cwd() / "var" / "data")
    raise typer.Exit(run_stack(names, data_dir=folder, create_topics=create_topics))


def main() -> None:
    app()


if __name__ == "__main__":
    main()
