"""The committed Python code in contracts/gen matches contracts/proto, and generate.py writes it
deterministically. Every edit here happens on copies in a temporary folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.contracts.contract_tools import GEN_DIR, PROTO_DIR, edit, proto_files, run_tool

LIFECYCLE = "oms/order/v1/lifecycle_events.proto"


@pytest.fixture
def copies(tmp_path: Path) -> tuple[Path, Path]:
    """(proto dir, gen dir) copies: the committed state, free to edit."""
    proto, gen = tmp_path / "proto", tmp_path / "gen"
    shutil.copytree(PROTO_DIR, proto)
    shutil.copytree(GEN_DIR, gen, ignore=shutil.ignore_patterns("__pycache__"))
    return proto, gen


def check(proto: Path, gen: Path):
    return run_tool("generate.py", "--check", "--proto-dir", proto, "--gen-dir", gen)


def test_committed_generated_code_matches_the_protos():
    result = run_tool("generate.py", "--check")
    assert result.returncode == 0, result.stdout + result.stderr


def test_an_edited_proto_is_reported_with_the_files_to_regenerate(copies: tuple[Path, Path]):
    proto, gen = copies
    edit(proto / LIFECYCLE, "  string detail = 4;\n", "  string detail = 4;\n  // New.\n  string note = 99;\n")
    result = check(proto, gen)
    assert result.returncode == 1
    assert "out of date: oms/order/v1/lifecycle_events_pb2.py" in result.stdout
    assert "out of date: oms/order/v1/lifecycle_events_pb2.pyi" in result.stdout
    assert "money_pb2" not in result.stdout  # only what changed is named


def test_a_new_proto_without_generated_code_is_reported(copies: tuple[Path, Path]):
    proto, gen = copies
    (proto / "oms/order/v1/gift_events.proto").write_text(
        'syntax = "proto3";\n\npackage oms.order.v1;\n\nmessage GiftWrapped {\n  string order_id = 1;\n}\n'
    )
    result = check(proto, gen)
    assert result.returncode == 1
    assert "missing: oms/order/v1/gift_events_pb2.py" in result.stdout


def test_generated_code_without_a_proto_is_reported_as_stale(copies: tuple[Path, Path]):
    proto, gen = copies
    (gen / "oms/order/v1/old_events_pb2.py").write_text("# left over from a deleted .proto\n")
    result = check(proto, gen)
    assert result.returncode == 1
    assert "stale (no .proto generates it): oms/order/v1/old_events_pb2.py" in result.stdout


def test_generate_wipes_and_rewrites_the_package_identically(copies: tuple[Path, Path], tmp_path: Path):
    proto, gen = copies
    (gen / "oms/order/v1/old_events_pb2.py").write_text("# left over\n")
    result = run_tool("generate.py", "--proto-dir", proto, "--gen-dir", gen)
    assert result.returncode == 0, result.stderr
    assert not (gen / "oms/order/v1/old_events_pb2.py").exists()
    # Generated twice, from two places: the same bytes as the committed tree (determinism).
    assert check(proto, GEN_DIR).returncode == 0
    assert check(PROTO_DIR, gen).returncode == 0


def test_every_proto_has_a_module_a_stub_and_packages_to_import_it():
    for name in proto_files():
        stem = GEN_DIR / name.removesuffix(".proto")
        assert Path(f"{stem}_pb2.py").is_file(), name
        assert Path(f"{stem}_pb2.pyi").is_file(), name
        for package in stem.relative_to(GEN_DIR).parents:
            if str(package) != ".":
                assert (GEN_DIR / package / "__init__.py").is_file(), package


def test_generated_code_carries_no_machine_paths():
    for path in (GEN_DIR / "oms").rglob("*_pb2.py*"):
        text = path.read_text(encoding="utf-8")
        assert "/work/" not in text and "/tmp/" not in text and "/home/" not in text, path
