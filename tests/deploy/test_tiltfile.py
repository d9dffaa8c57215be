"""tilt/Tiltfile, checked without Tilt.

The Tiltfile is run with stand-ins for the Tilt builtins it calls, which record their arguments:
every service gets its own image build whose context holds only its folder and the shared code,
live update syncs paths that exist to the same place in the image, resources are labelled and
ordered. Starlark is a subset of Python; the checks below keep the file inside that subset, and
where the `starlark-go` package (the interpreter Tilt embeds) is installed the file is also run by it.
"""

from __future__ import annotations

import ast
import importlib
import posixpath
from functools import cache
from pathlib import Path

import pytest
import yaml

from oms_platform.settings import ServiceSettings

REPO = Path(__file__).resolve().parents[2]
TILT_DIR = REPO / "tilt"
TILTFILE = TILT_DIR / "Tiltfile"
APP_ROOT = "/app"  # WORKDIR of deploy/Dockerfile's runtime stage

# Stand-ins for the Tilt builtins, in the part of the language Python and Starlark share, so the
# same text runs in both. Each returns (and records) a dict of the arguments it was given.
STUBS = """
CALLS = []

def _record(kind, fields):
    fields["kind"] = kind
    CALLS.append(fields)
    return fields

def version_settings(check_updates = True, constraint = ""):
    return _record("version_settings", {"constraint": constraint})

def docker_compose(configPaths, env_file = None, project_name = ""):
    return _record("docker_compose", {"configPaths": configPaths, "project_name": project_name})

def docker_build(ref, context, **kwargs):
    fields = dict(kwargs)
    fields.update({"ref": ref, "context": context})
    return _record("docker_build", fields)

def dc_resource(name, **kwargs):
    fields = dict(kwargs)
    fields["name"] = name
    return _record("dc_resource", fields)

def local_resource(name, cmd, deps = None, **kwargs):
    fields = dict(kwargs)
    fields.update({"name": name, "cmd": cmd, "deps": deps})
    return _record("local_resource", fields)

def sync(local_path, remote_path):
    return {"step": "sync", "local_path": local_path, "remote_path": remote_path}

def run(cmd, trigger = []):
    return {"step": "run", "cmd": cmd, "trigger": trigger}

def fall_back_on(files):
    return {"step": "fall_back_on", "files": files}

def restart_container():
    return {"step": "restart_container"}
"""


def run_in_python(source: str) -> list[dict]:
    namespace: dict = {}
    exec(compile(STUBS, "stubs", "exec"), namespace)
    exec(compile(source, str(TILTFILE), "exec"), namespace)
    return namespace["CALLS"]


def run_in_starlark(source: str) -> list[dict]:
    starlark_go = pytest.importorskip("starlark_go")
    interpreter = starlark_go.Starlark()
    # One chunk: Starlark freezes a chunk's globals when it ends, and the stubs append to CALLS.
    try:
        interpreter.exec(STUBS + source, filename=str(TILTFILE))
    except starlark_go.StarlarkError as error:
        pytest.fail(f"{error}\n(line numbers count the {STUBS.count(chr(10))} lines of stubs first)")
    return interpreter.get("CALLS")


@cache
def calls() -> tuple[dict, ...]:
    return tuple(run_in_python(TILTFILE.read_text()))


def calls_of(kind: str) -> list[dict]:
    return [c for c in calls() if c["kind"] == kind]


def as_list(value) -> list[str]:
    return [value] if isinstance(value, str) else list(value or [])


def service_folders() -> list[str]:
    return sorted(
        p.name
        for p in (REPO / "services").iterdir()
        if (p / "__init__.py").is_file() and (p / "settings.py").is_file()
    )


def default_port(name: str) -> int:
    module = importlib.import_module(f"services.{name}.settings")
    (cls,) = [
        value
        for value in vars(module).values()
        if isinstance(value, type) and issubclass(value, ServiceSettings) and value is not ServiceSettings
    ]
    return cls.model_fields["port"].default


def from_tilt_dir(path: str) -> Path:
    return (TILT_DIR / path).resolve()


def image_build(name: str) -> dict:
    (build,) = [b for b in calls_of("docker_build") if b["ref"] == f"oms-{name}"]
    return build


def resource(name: str) -> dict:
    (found,) = [r for r in calls_of("dc_resource") if r["name"] == name]
    return found


# -- the language ------------------------------------------------------------------------------

NOT_STARLARK = (
    ast.Import, ast.ImportFrom, ast.ClassDef, ast.While, ast.Try, ast.With, ast.Raise, ast.Assert,
    ast.Global, ast.Nonlocal, ast.AsyncFunctionDef, ast.AsyncFor, ast.AsyncWith, ast.Yield,
    ast.YieldFrom, ast.Await, ast.Set, ast.SetComp, ast.GeneratorExp, ast.JoinedStr, ast.Delete,
    ast.NamedExpr, ast.Is, ast.IsNot, ast.Match,
)  # fmt: skip


def test_tiltfile_stays_inside_starlark():
    tree = ast.parse(TILTFILE.read_text())
    for node in ast.walk(tree):
        where = f"line {getattr(node, 'lineno', '?')}"
        assert not isinstance(node, NOT_STARLARK), f"{where}: {type(node).__name__} is not Starlark"
    # Plain Starlark allows control flow only inside functions (Tilt relaxes this; stay portable).
    for node in tree.body:
        top_level = (ast.Expr, ast.Assign, ast.FunctionDef)
        assert isinstance(node, top_level), f"line {node.lineno}: top-level {type(node).__name__}"


def test_tiltfile_runs_in_starlark_as_in_python():
    assert run_in_starlark(TILTFILE.read_text()) == [dict(c) for c in calls()]


# -- what it declares --------------------------------------------------------------------------


def test_tiltfile_runs_the_compose_file():
    (compose_call,) = calls_of("docker_compose")
    (path,) = as_list(compose_call["configPaths"])
    assert from_tilt_dir(path) == REPO / "docker-compose.yml"


def test_tiltfile_names_every_service():
    text = TILTFILE.read_text()
    for name in service_folders():
        assert f"'{name}'" in text or f'"{name}"' in text, f"{name} is not named in tilt/Tiltfile"
    assert sorted(b["ref"] for b in calls_of("docker_build")) == sorted(f"oms-{n}" for n in service_folders())


def test_image_names_match_the_compose_services():
    compose = yaml.safe_load((REPO / "docker-compose.yml").read_text())["services"]
    for name in service_folders():
        assert compose[name]["image"] == image_build(name)["ref"]


@pytest.mark.parametrize("name", service_folders())
def test_image_build_is_one_service_and_the_shared_code(name):
    build = image_build(name)
    context = from_tilt_dir(build["context"])
    assert context == REPO
    assert from_tilt_dir(build["dockerfile"]) == REPO / "deploy" / "Dockerfile"
    assert build["build_args"] == {"SERVICE": name, "PORT": str(default_port(name))}
    only = as_list(build["only"])
    for path in only:
        assert (context / path).exists(), f"only= {path!r} does not exist"
    service_paths = {p for p in only if p.startswith("services/") and p != "services/__init__.py"}
    assert service_paths == {f"services/{name}"}, "one service folder per image: an edit rebuilds one service"
    for shared in ("libs", "contracts", "pyproject.toml", "requirements.lock"):
        assert shared in only


@pytest.mark.parametrize("name", service_folders())
def test_live_update_syncs_existing_paths_to_the_same_place_in_the_image(name):
    steps = image_build(name)["live_update"]
    syncs = [s for s in steps if s["step"] == "sync"]
    for step in syncs:
        local = from_tilt_dir(step["local_path"])
        assert local.exists(), f"sync source {step['local_path']!r} does not exist"
        relative = local.relative_to(REPO).as_posix()
        assert step["remote_path"] == posixpath.join(APP_ROOT, relative)
    synced = {from_tilt_dir(s["local_path"]) for s in syncs}
    assert {REPO / "services" / name, REPO / "libs", REPO / "contracts"} <= synced

    runs = [s for s in steps if s["step"] == "run"]
    assert runs, "dependencies are reinstalled in place when requirements.lock changes"
    for step in runs:
        triggers = [from_tilt_dir(t) for t in as_list(step["trigger"])]
        assert triggers == [REPO / "requirements.lock"], "pip runs only when requirements change"
        assert all(t in synced for t in triggers), "a run trigger must be synced first"
    order = [s["step"] for s in steps]
    assert order[-1] == "restart_container"
    assert order.index("run") > max(i for i, s in enumerate(order) if s == "sync")


@pytest.mark.parametrize("name", service_folders())
def test_service_resources_are_labelled_and_wait_for_infrastructure(name):
    found = resource(name)
    assert as_list(found["labels"]) == ["services"]
    assert {"kafka", "postgres"} <= set(found["resource_deps"])


def test_infrastructure_resources_are_labelled():
    for name in ("kafka", "postgres"):
        assert as_list(resource(name)["labels"]) == ["infra"]


def test_contracts_are_regenerated_when_a_proto_changes():
    (contracts,) = [r for r in calls_of("local_resource") if r["name"] == "contracts"]
    workdir = from_tilt_dir(contracts.get("dir") or ".")
    assert workdir == REPO
    assert contracts["cmd"].split()[1] == "contracts/tools/generate.py"
    assert [from_tilt_dir(d) for d in as_list(contracts["deps"])] == [REPO / "contracts" / "proto"]
    assert (REPO / "contracts" / "proto").is_dir()


def test_every_resource_dependency_is_a_resource():
    known = {r["name"] for r in calls_of("dc_resource")} | {r["name"] for r in calls_of("local_resource")}
    for found in calls_of("dc_resource") + calls_of("local_resource"):
        missing = set(found.get("resource_deps", [])) - known
        assert not missing, f"{found['name']}: unknown resource_deps {sorted(missing)}"
