"""buf lint (STANDARD rules) and buf format over contracts/, offline."""

from __future__ import annotations

import json
import os
from pathlib import Path

from tests.contracts.contract_tools import CONTRACTS_DIR, run_buf


def test_contracts_pass_buf_lint_standard():
    result = run_buf("lint", CONTRACTS_DIR)
    assert result.returncode == 0, result.stdout + result.stderr


def test_contracts_are_buf_formatted():
    result = run_buf("format", "--diff", "--exit-code", CONTRACTS_DIR)
    assert result.returncode == 0, "run: .venv/bin/buf format -w contracts\n" + result.stdout


def test_lint_is_really_configured(workspace: Path):
    # An enum without an _UNSPECIFIED zero value and a package that does not match its directory:
    # if buf.yaml lost its lint section, these would pass and the check above would mean nothing.
    (workspace / "proto/oms/order/v1/misplaced.proto").write_text(
        'syntax = "proto3";\n\npackage oms.shipping.v1;\n\nenum Speed {\n  SPEED_SLOW = 0;\n}\n'
    )
    result = run_buf("lint", workspace, "--error-format", "json")
    assert result.returncode != 0
    rules = {json.loads(line)["type"] for line in result.stdout.splitlines() if line.strip()}
    assert {"ENUM_ZERO_VALUE_SUFFIX", "PACKAGE_DIRECTORY_MATCH"} <= rules, result.stdout


def test_buf_needs_no_network(tmp_path: Path):
    # The well-known types (timestamp, any, duration) are built into buf and there are no remote
    # dependencies, so a build succeeds even with every proxied request going nowhere.
    env = {**os.environ, "HTTPS_PROXY": "http://127.0.0.1:9", "HTTP_PROXY": "http://127.0.0.1:9"}
    env["BUF_CACHE_DIR"] = str(tmp_path / "empty-cache")
    result = run_buf("build", CONTRACTS_DIR, "-o", tmp_path / "image.binpb", env=env)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "image.binpb").stat().st_size > 0
