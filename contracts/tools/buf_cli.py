"""Finding and running the buf CLI for the contract tools (lint, build, breaking).

buf comes from the PyPI package `buf-bin` (the project's test extra), which installs the binary
next to the Python interpreter; the protobuf well-known types (google/protobuf/*.proto) are built
into buf, so every command here works offline.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
CONTRACTS_DIR = REPO_ROOT / "contracts"
BASELINE = CONTRACTS_DIR / "baseline.binpb"


class BufMissing(RuntimeError):
    """buf is not installed where the tools look for it."""


def find_buf() -> str:
    """The buf binary: $OMS_BUF, else the one beside this interpreter (a venv), else PATH."""
    explicit = os.environ.get("OMS_BUF")
    if explicit:
        return explicit
    beside_python = Path(sys.executable).parent / "buf"
    if beside_python.is_file() and os.access(beside_python, os.X_OK):
        return str(beside_python)
    on_path = shutil.which("buf")
    if on_path:
        return on_path
    raise BufMissing(
        "buf not found: install the test extra (`uv pip install buf-bin==1.75.0`) or set OMS_BUF"
    )


def run_buf(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run buf with the given arguments; never raises on a non-zero exit (callers decide)."""
    return subprocess.run(
        [find_buf(), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )


def build_image(contracts_dir: Path, output: Path) -> None:
    """Write a buf image of the workspace at `contracts_dir`: descriptors with imports, without
    comments (source info), so that editing a comment does not change the baseline."""
    result = run_buf("build", str(contracts_dir), "--exclude-source-info", "-o", str(output))
    if result.returncode != 0:
        raise RuntimeError(f"buf build {contracts_dir} failed:\n{result.stderr}{result.stdout}")
