"""Fixtures of the contract tests (this folder only)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from google.protobuf import descriptor_pb2

from tests.contracts.contract_tools import CATALOGUE, compile_descriptor_set, copy_workspace


@pytest.fixture(scope="session")
def descriptors(tmp_path_factory: pytest.TempPathFactory) -> dict[str, descriptor_pb2.FileDescriptorProto]:
    """Every compiled .proto of contracts/proto (with comments), by file name."""
    output = tmp_path_factory.mktemp("descriptors") / "contracts.binpb"
    files = compile_descriptor_set(output).file
    return {file.name: file for file in files if file.name.startswith("oms/")}


@pytest.fixture(scope="session")
def asyncapi() -> dict:
    """contracts/asyncapi.yaml, parsed."""
    return yaml.safe_load(CATALOGUE.read_text(encoding="utf-8"))


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """A private copy of the buf workspace (buf.yaml + proto/) to edit."""
    return copy_workspace(tmp_path)
