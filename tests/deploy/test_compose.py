"""docker-compose.yml and deploy/Dockerfile, checked without a Docker engine.

The services' settings classes are the source of truth: every compose service is a runnable
service folder and the other way round, ports equal the settings defaults, and every environment
variable set for a service is a name its settings class reads, so a typo fails here instead of
being silently ignored in a container. The health probes are run for real against a stub server.
"""

from __future__ import annotations

import importlib
import json
import os
import re
import subprocess
import sys
import threading
from functools import cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest
import yaml
from pydantic import AliasChoices, AliasPath

from oms_platform.settings import ServiceSettings

REPO = Path(__file__).resolve().parents[2]
COMPOSE_FILE = REPO / "docker-compose.yml"
DOCKERFILE = REPO / "deploy" / "Dockerfile"
INFRA = {"kafka", "postgres"}
# What the image's PYTHONPATH gives the probes (deploy/Dockerfile).
IMAGE_PYTHONPATH = os.pathsep.join(str(REPO / p) for p in ("", "libs", "contracts/gen"))


@cache
def compose() -> dict:
    return yaml.safe_load(COMPOSE_FILE.read_text())


def compose_services() -> list[str]:
    return sorted(set(compose()["services"]) - INFRA)


def service_folders() -> list[str]:
    return sorted(
        p.name
        for p in (REPO / "services").iterdir()
        if (p / "__init__.py").is_file() and (p / "settings.py").is_file()
    )


def settings_class(name: str) -> type[ServiceSettings]:
    module = importlib.import_module(f"services.{name}.settings")
    classes = [
        value
        for value in vars(module).values()
        if isinstance(value, type) and issubclass(value, ServiceSettings) and value is not ServiceSettings
    ]
    assert len(classes) == 1, f"services/{name}/settings.py should define one ServiceSettings subclass"
    return classes[0]


def default_port(name: str) -> int:
    return settings_class(name).model_fields["port"].default


def env_names(cls: type[ServiceSettings]) -> set[str]:
    """Every environment variable name the settings class reads."""
    prefix = cls.model_config.get("env_prefix", "")
    names: set[str] = set()
    for field_name, field in cls.model_fields.items():
        alias = field.validation_alias or field.alias
        choices = alias.choices if isinstance(alias, AliasChoices) else [alias]
        for choice in choices:
            if isinstance(choice, str):
                names.add(choice)
            elif isinstance(choice, AliasPath) and isinstance(choice.path[0], str):
                names.add(choice.path[0])
        if alias is None:
            names.add(f"{prefix}{field_name}".upper())
    return names


def environment(service: dict) -> dict[str, str]:
    env = service.get("environment") or {}
    if isinstance(env, list):
        env = dict(item.split("=", 1) if "=" in item else (item, None) for item in env)
    return {key: None if value is None else str(value) for key, value in env.items()}


def published_ports(service: dict) -> list[tuple[int, int]]:
    """(host, container) pairs from short ("8001:8001", "127.0.0.1:8001:8001/tcp") or long syntax."""
    pairs = []
    for port in service.get("ports", []):
        if isinstance(port, dict):
            pairs.append((int(port["published"]), int(port["target"])))
        else:
            parts = str(port).split("/")[0].split(":")
            assert len(parts) >= 2, f"port {port!r} is not published on the host"
            pairs.append((int(parts[-2]), int(parts[-1])))
    return pairs


def compose_service(name: str) -> dict:
    return compose()["services"][name]


# -- compose: which services -------------------------------------------------------------------


def test_compose_file_has_no_version_key_and_has_the_infrastructure():
    assert "version" not in compose(), "the Compose spec has no `version:` key"
    assert set(compose()["services"]) >= INFRA


@pytest.mark.parametrize("name", compose_services())
def test_each_compose_service_is_a_runnable_service_folder(name):
    folder = REPO / "services" / name
    assert (folder / "settings.py").is_file(), f"compose service {name!r} has no services/{name}/"
    main = folder / "__main__.py"
    assert main.is_file(), f"services/{name}/__main__.py missing: `python -m services.{name}` fails"


def test_every_service_folder_is_in_compose():
    missing = set(service_folders()) - set(compose_services())
    assert not missing, f"services without a docker-compose.yml entry: {sorted(missing)}"


# -- compose: each service ---------------------------------------------------------------------


@pytest.mark.parametrize("name", service_folders())
def test_ports_are_the_settings_defaults(name):
    service, port = compose_service(name), default_port(name)
    port_variable = settings_class(name).model_fields["port"].validation_alias
    assert port_variable == f"OMS_{name.upper()}_PORT"
    assert environment(service).get(port_variable) == str(port)
    assert published_ports(service) == [(port, port)]
    assert str(service["build"]["args"]["PORT"]) == str(port)


@pytest.mark.parametrize("name", service_folders())
def test_environment_names_are_settings_fields(name):
    unknown = set(environment(compose_service(name))) - env_names(settings_class(name))
    assert not unknown, f"{name}: not read by {settings_class(name).__name__}: {sorted(unknown)}"


@pytest.mark.parametrize("name", service_folders())
def test_service_reaches_the_compose_infrastructure(name):
    env = environment(compose_service(name))
    kafka_env = environment(compose_service("kafka"))
    in_network_listener = kafka_env["KAFKA_ADVERTISED_LISTENERS"].split(",")[0].split("://")[1]
    assert env["KAFKA_BOOTSTRAP_SERVERS"] == in_network_listener == "kafka:9092"
    postgres_env = environment(compose_service("postgres"))
    user, password, db = (postgres_env[k] for k in ("POSTGRES_USER", "POSTGRES_PASSWORD", "POSTGRES_DB"))
    assert env["OMS_DATABASE_URL"] == f"postgresql://{user}:{password}@postgres:5432/{db}"
    assert env["OMS_HTTP_HOST"] == "0.0.0.0"


@pytest.mark.parametrize("name", service_folders())
def test_service_builds_from_the_shared_dockerfile(name):
    service = compose_service(name)
    build = service["build"]
    assert (REPO / build["context"]).resolve() == REPO
    assert (REPO / build["context"] / build["dockerfile"]).resolve() == DOCKERFILE
    assert build["args"]["SERVICE"] == name
    assert service["image"] == f"oms-{name}", "tilt/Tiltfile's docker_build matches on this name"


@pytest.mark.parametrize("name", service_folders())
def test_service_starts_after_healthy_infrastructure_and_is_probed_for_readiness(name):
    service = compose_service(name)
    assert service["depends_on"] == {
        "kafka": {"condition": "service_healthy"},
        "postgres": {"condition": "service_healthy"},
    }
    assert "/health/ready" in " ".join(service["healthcheck"]["test"])
    assert service["restart"] == "unless-stopped"
    limits = service["deploy"]["resources"]["limits"]
    assert limits["cpus"] and limits["memory"]


def test_kafka_is_single_node_kraft_without_topic_auto_creation():
    kafka = compose_service("kafka")
    env = environment(kafka)
    assert kafka["image"] == "apache/kafka:3.9.1"
    assert set(env["KAFKA_PROCESS_ROLES"].split(",")) == {"broker", "controller"}
    assert env["KAFKA_AUTO_CREATE_TOPICS_ENABLE"] == "false"
    assert set(env["KAFKA_ADVERTISED_LISTENERS"].split(",")) == {
        "PLAINTEXT://kafka:9092",
        "PLAINTEXT_HOST://localhost:29092",
    }
    assert (29092, 29092) in published_ports(kafka)
    assert "/opt/kafka/bin/kafka-topics.sh --bootstrap-server localhost:9092 --list" in " ".join(
        kafka["healthcheck"]["test"]
    )


def test_postgres_is_probed_and_keeps_its_data():
    postgres = compose_service("postgres")
    assert postgres["image"] == "postgres:16"
    assert "pg_isready" in " ".join(postgres["healthcheck"]["test"])
    assert any(str(v).endswith(":/var/lib/postgresql/data") for v in postgres["volumes"])


# -- Dockerfile --------------------------------------------------------------------------------


def dockerfile_stages() -> list[list[tuple[str, str]]]:
    """Instructions as (KEYWORD, arguments), continuation lines joined, grouped by FROM."""
    text = re.sub(r"\\\n", " ", DOCKERFILE.read_text())
    stages: list[list[tuple[str, str]]] = [[]]
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        keyword, _, args = line.partition(" ")
        if keyword.upper() == "FROM":
            stages.append([])
        stages[-1].append((keyword.upper(), args.strip()))
    return stages


def final_stage() -> list[tuple[str, str]]:
    return dockerfile_stages()[-1]


def instruction(stage, keyword: str) -> list[str]:
    return [args for kw, args in stage if kw == keyword]


def test_dockerfile_runtime_stage_runs_one_service_as_non_root():
    stage = final_stage()
    assert "SERVICE" in instruction(stage, "ARG")
    users = instruction(stage, "USER")
    assert users and users[-1].split(":")[0] not in {"root", "0"}
    assert instruction(stage, "HEALTHCHECK"), "no HEALTHCHECK in the runtime stage"
    assert instruction(stage, "EXPOSE")
    env = " ".join(instruction(stage, "ENV"))
    assert "OMS_SERVICE=${SERVICE}" in env and "OMS_HTTP_HOST=0.0.0.0" in env
    assert "services.${OMS_SERVICE}" in instruction(stage, "CMD")[-1]


def test_dockerfile_declares_service_in_every_stage_that_uses_it():
    for stage in dockerfile_stages()[1:]:
        uses = any("${SERVICE}" in args for _, args in stage)
        assert not uses or "SERVICE" in instruction(stage, "ARG"), f"ARG SERVICE missing in {stage[0][1]!r}"


def test_dockerfile_installs_dependencies_before_anything_service_specific():
    # A RUN after `ARG SERVICE` is cached per service: the lock must be installed above it, once
    # for all seven images.
    builder, runtime = dockerfile_stages()[1], final_stage()
    assert not {"SERVICE", "PORT"} & set(instruction(builder, "ARG"))
    assert any("requirements.lock" in args for kw, args in builder if kw == "RUN")
    steps = [f"{kw} {args}" for kw, args in runtime]
    first_service_arg = steps.index("ARG SERVICE")
    assert any("--from=builder" in step for step in steps[:first_service_arg])


def test_dockerfile_installs_wheels_only_and_has_no_compiler():
    # Every locked package has cp311 wheels for linux amd64 and arm64: a package added without
    # one must fail the build by name, not pull a toolchain into the builder.
    runs = [args for stage in dockerfile_stages() for kw, args in stage if kw == "RUN"]
    lock_installs = [args for args in runs if "-r /tmp/requirements.lock" in args]
    assert lock_installs and all("--only-binary=:all:" in args for args in lock_installs)
    assert not [args for args in runs if re.search(r"build-essential|\bgcc\b|\bg\+\+|\bclang\b", args)]


def test_dockerfile_base_image_is_pinned():
    preamble = dict(arg.split("=", 1) for kw, arg in dockerfile_stages()[0] if kw == "ARG" and "=" in arg)
    for stage in dockerfile_stages()[1:]:
        image = stage[0][1].split()[0]
        image = re.sub(r"\$\{(\w+)\}", lambda m: preamble[m.group(1)], image)
        assert re.fullmatch(r"python:3\.11\.\d+-slim(-\w+)?", image), image


@pytest.mark.parametrize("name", service_folders())
def test_dockerfile_copies_only_paths_that_exist(name):
    ignored = {
        line.strip().strip("/")
        for line in (REPO / ".dockerignore").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    }
    for stage in dockerfile_stages():
        for args in instruction(stage, "COPY"):
            if "--from=" in args:
                continue
            parts = [p for p in args.split() if not p.startswith("--")]
            for source in parts[:-1]:
                path = source.replace("${SERVICE}", name).rstrip("/")
                assert (REPO / path).exists(), f"COPY {source}: {path} does not exist"
                assert path.split("/")[0] not in ignored, f"COPY {source}: excluded by .dockerignore"


# -- the health probes, run against a stub HTTP server ------------------------------------------


class _Health(BaseHTTPRequestHandler):
    status = 200
    paths: ClassVar[list[str]] = []

    def do_GET(self):  # noqa: N802 (http.server's naming)
        type(self).paths.append(self.path)
        self.send_response(type(self).status)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def health_server():
    _Health.paths, _Health.status = [], 200
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Health)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def run_probe(argv: list[str], name: str, port_env: dict[str, str]) -> subprocess.CompletedProcess:
    """Run a healthcheck's exec form as the container would: its env, not this test's."""
    assert argv[0] == "CMD"
    env = {k: v for k, v in os.environ.items() if not k.upper().startswith("OMS_")}
    env.update(OMS_SERVICE=name, PYTHONPATH=IMAGE_PYTHONPATH, **port_env)
    command = [sys.executable if argv[1] == "python" else argv[1], *argv[2:]]
    return subprocess.run(command, env=env, cwd="/", capture_output=True, text=True, timeout=60)


def dockerfile_probe() -> list[str]:
    healthcheck = instruction(final_stage(), "HEALTHCHECK")[-1]
    return ["CMD", *json.loads(healthcheck.split(" CMD ", 1)[1])]


def compose_probe(name: str) -> list[str]:
    return compose_service(name)["healthcheck"]["test"]


def test_compose_and_dockerfile_probes_differ_only_in_the_endpoint():
    for name in service_folders():
        assert compose_probe(name) == [p.replace("/health/live", "/health/ready") for p in dockerfile_probe()]


@pytest.mark.parametrize("name", service_folders())
def test_compose_probe_calls_ready_on_the_service_port(name, health_server):
    port_env = {f"OMS_{name.upper()}_PORT": str(health_server.server_port)}
    result = run_probe(compose_probe(name), name, port_env)
    assert result.returncode == 0, result.stderr
    assert _Health.paths == ["/health/ready"]


def test_dockerfile_probe_calls_live_on_the_service_port(health_server):
    result = run_probe(dockerfile_probe(), "order", {"OMS_ORDER_PORT": str(health_server.server_port)})
    assert result.returncode == 0, result.stderr
    assert _Health.paths == ["/health/live"]


def test_probe_without_the_port_variable_asks_the_settings_class(health_server):
    # The settings read the environment case-insensitively, the probe's fast path does not: a
    # lower-case name is only found through the settings class.
    result = run_probe(dockerfile_probe(), "order", {"oms_order_port": str(health_server.server_port)})
    assert result.returncode == 0, result.stderr
    assert _Health.paths == ["/health/live"]


def test_probe_fails_when_the_service_is_not_ready(health_server):
    _Health.status = 503
    result = run_probe(compose_probe("order"), "order", {"OMS_ORDER_PORT": str(health_server.server_port)})
    assert result.returncode != 0
