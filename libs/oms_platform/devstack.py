"""`make run`: the whole OMS on one machine, every service its own process under honcho.

With `KAFKA_BOOTSTRAP_SERVERS` unset it starts the embedded broker (Tansu) on port 9092
(`OMS_BROKER_PORT` overrides); set, it uses that broker and stops with exit code 2 when it cannot
reach it. It creates the catalogue's topics, then runs `python -m services.<name>` for each service
with honcho's Manager. Ctrl-C or SIGTERM: honcho stops the services, then the broker stops; the
exit code is honcho's.
"""

from __future__ import annotations

import asyncio
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

from oms_platform.broker import BrokerError, EmbeddedBroker, wait_for_kafka

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
        serves = "dashboard at /" if service.name == "projection" else "HTTP API"
        table.add_row(service.name, service.url, "/health/ready", serves)
    console = Console()
    console.print(table)
    broker = "embedded Tansu, memory storage: topics are lost when it stops" if embedded else "external"
    console.print(f"kafka: {bootstrap} ({broker})", soft_wrap=True)
    holds = "stores, broker log" if embedded else "stores"
    console.print(f"data:  {data_dir} ({holds})", soft_wrap=True)


def run_stack(
    names: Sequence[str], *, data_dir: Path, create_topics: bool = True, env: Mapping[str, str] | None = None
) -> int:
    """Start the broker (unless external), the topics and the services; block until they stop."""
    from honcho.manager import Manager
    from honcho.printer import Printer

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
            broker = EmbeddedBroker(port, log_dir=data_dir / "logs").start()
            bootstrap = broker.bootstrap_servers
            # Tansu holds a group join for about the session timeout and keeps a stopped member
            # until it expires; Apache Kafka refuses sessions under 6 s, so only the embedded
            # broker gets short ones.
            env.setdefault("OMS_CONSUMER_SESSION_TIMEOUT_MS", "1000")
            env.setdefault("OMS_CONSUMER_REBALANCE_TIMEOUT_MS", "1000")
        if create_topics:
            create_catalogue_topics(bootstrap)
        services = plan_services(names, bootstrap=bootstrap, data_dir=data_dir, base_env=env)
        print_summary(services, bootstrap=bootstrap, embedded=broker is not None, data_dir=data_dir)
        manager = Manager(Printer(sys.stdout))
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
    folder = data_dir or Path(os.environ.get("OMS_DATA_DIR") or Path.cwd() / "var" / "data")
    raise typer.Exit(run_stack(names, data_dir=folder, create_topics=create_topics))


def main() -> None:
    app()


if __name__ == "__main__":
    main()
