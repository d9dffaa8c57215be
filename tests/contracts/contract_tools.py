"""Helpers shared by the contract tests: paths, running the contract tools, copying and editing
the proto tree in a temporary folder (the repository's files are never touched)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from google.protobuf import descriptor_pb2

REPO_ROOT = Path(__file__).resolve().parents[2]
CONTRACTS_DIR = REPO_ROOT / "contracts"
PROTO_DIR = CONTRACTS_DIR / "proto"
GEN_DIR = CONTRACTS_DIR / "gen"
TOOLS_DIR = CONTRACTS_DIR / "tools"
BASELINE = CONTRACTS_DIR / "baseline.binpb"
CATALOGUE = CONTRACTS_DIR / "asyncapi.yaml"

SERVICES = ("ingest", "order", "inventory", "fulfillment", "tracking", "ledger", "projection")
EXTERNAL_PARTIES = ("channel-adapters",)
# Processes of the OMS that are not domain services: the embedded identity provider (oms_identity).
PLATFORM_PARTIES = ("identity",)


def run_tool(script: str, *args: str | Path) -> subprocess.CompletedProcess[str]:
    """Run contracts/tools/<script> with this interpreter, as a developer or CI would."""
    return subprocess.run(
        [sys.executable, str(TOOLS_DIR / script), *map(str, args)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def find_buf() -> str:
    beside_python = Path(sys.executable).parent / "buf"
    if beside_python.is_file():
        return str(beside_python)
    found = shutil.which("buf")
    assert found, "buf is not installed: it comes with the test extra (buf-bin in pyproject.toml)"
    return found


def run_buf(*args: str | Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [find_buf(), *map(str, args)], capture_output=True, text=True, check=False, timeout=120, env=env
    )


def copy_workspace(destination: Path) -> Path:
    """Copy buf.yaml and proto/ (not the generated code) to destination/contracts; return it."""
    workspace = destination / "contracts"
    workspace.mkdir(parents=True)
    shutil.copy2(CONTRACTS_DIR / "buf.yaml", workspace / "buf.yaml")
    shutil.copytree(PROTO_DIR, workspace / "proto")
    return workspace


def edit(path: Path, old: str, new: str) -> None:
    """Replace exactly one occurrence of `old`; fails loudly if the snippet is gone or ambiguous,
    so an edit-based test can never pass by editing nothing."""
    text = path.read_text(encoding="utf-8")
    count = text.count(old)
    assert count == 1, f"expected exactly one {old!r} in {path}, found {count}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def remove_message(path: Path, name: str) -> None:
    """Delete `message <name> { ... }` (a message without nested braces) and its comment block."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.startswith(f"message {name} {{"))
    end = next(i for i in range(start, len(lines)) if lines[i].startswith("}"))
    while start > 0 and lines[start - 1].startswith("//"):
        start -= 1
    path.write_text("".join(lines[:start] + lines[end + 1 :]), encoding="utf-8")


def proto_files(proto_dir: Path = PROTO_DIR) -> list[str]:
    return sorted(p.relative_to(proto_dir).as_posix() for p in proto_dir.rglob("*.proto"))


def well_known_include() -> Path:
    from importlib import resources

    return Path(str(resources.files("grpc_tools") / "_proto"))


def compile_descriptor_set(output: Path, proto_dir: Path = PROTO_DIR) -> descriptor_pb2.FileDescriptorSet:
    """Compile every .proto with grpcio-tools' protoc (independent of buf), comments included."""
    result = subprocess.run(
        [
            sys.executable, "-m", "grpc_tools.protoc", "-I.", f"-I{well_known_include()}",
            "--include_source_info", "--include_imports", f"--descriptor_set_out={output}",
            *proto_files(proto_dir),
        ],
        cwd=proto_dir, capture_output=True, text=True, check=False, timeout=120,
    )
    assert result.returncode == 0, f"protoc failed:\n{result.stderr}"
    return descriptor_pb2.FileDescriptorSet.FromString(output.read_bytes())


def git(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """git in a throwaway repository, isolated from the caller's git environment and identity."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("GIT_")}
    env.update(GIT_CONFIG_NOSYSTEM="1", HOME=str(repo.parent))
    command = ["git", "-C", str(repo), "-c", "user.name=Contract Test", "-c", "user.email=contracts@example.invalid",
               "-c", "commit.gpgsign=false", *args]
    result = subprocess.run(command, capture_output=True, text=True, env=env, check=False, timeout=60)
    assert result.returncode == 0, f"git {' '.join(args)} failed:\n{result.stderr}"
    return result
