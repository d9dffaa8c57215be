"""The .proto files compile with compilers other than buf: grpcio-tools' protoc (which generates
the Python code) and, where installed, Debian's protoc."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from google.protobuf import descriptor_pb2

from tests.contracts.contract_tools import PROTO_DIR, compile_descriptor_set, proto_files, well_known_include


def test_grpc_tools_protoc_compiles_every_proto(tmp_path: Path):
    compiled = compile_descriptor_set(tmp_path / "set.binpb")
    names = {file.name for file in compiled.file}
    assert set(proto_files()) <= names
    for file in compiled.file:
        if file.name.startswith("oms/"):
            assert file.syntax == "proto3", file.name
            # Directory = package: oms/order/v1/x.proto is package oms.order.v1.
            assert file.package == str(Path(file.name).parent).replace("/", "."), file.name


def test_debian_protoc_compiles_every_proto(tmp_path: Path):
    protoc = shutil.which("protoc")
    if protoc is None:
        pytest.skip("Debian's protoc is not on PATH (apt package protobuf-compiler); grpc_tools' protoc is checked")
    system_include = Path("/usr/include/google/protobuf/timestamp.proto")
    include = "/usr/include" if system_include.exists() else str(well_known_include())
    output = tmp_path / "set.binpb"
    result = subprocess.run(
        [protoc, "-I.", f"-I{include}", f"--descriptor_set_out={output}", *proto_files()],
        cwd=PROTO_DIR, capture_output=True, text=True, check=False, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    compiled = descriptor_pb2.FileDescriptorSet.FromString(output.read_bytes())
    assert {file.name for file in compiled.file} == set(proto_files())
