"""contracts/tools/check_breaking.py really catches breaking changes (buf breaking, FILE rules).

Every edit happens in a copy of the proto tree in a temporary folder. The baseline is the
committed contracts/baseline.binpb, the same reference CI uses.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.contracts.contract_tools import BASELINE, copy_workspace, edit, git, remove_message, run_buf, run_tool

LIFECYCLE = "proto/oms/order/v1/lifecycle_events.proto"
ORDER_CANCELLED_DETAIL = "  // Free text for staff.\n  string detail = 4;\n"


def check(workspace: Path, *extra: str):
    return run_tool("check_breaking.py", "--contracts-dir", workspace, "--no-git", *extra)


def test_the_repository_contracts_are_compatible_with_baseline_and_main():
    # The check CI runs: the working tree against the committed baseline and against main.
    result = run_tool("check_breaking.py")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "OK        baseline" in result.stdout
    # Against main it either ran or printed why not; it never passes silently.
    assert "git branch 'main'" in result.stdout


def test_an_unchanged_copy_passes(workspace: Path):
    result = check(workspace)
    assert result.returncode == 0, result.stdout + result.stderr


def test_adding_fields_messages_and_files_is_compatible(workspace: Path):
    edit(workspace / LIFECYCLE, ORDER_CANCELLED_DETAIL, ORDER_CANCELLED_DETAIL + "  // New.\n  string note = 99;\n")
    (workspace / "proto/oms/order/v1/gift_events.proto").write_text(
        'syntax = "proto3";\n\npackage oms.order.v1;\n\n'
        '// New.\nmessage GiftWrapped {\n  // New.\n  string order_id = 1;\n}\n'
    )
    result = check(workspace)
    assert result.returncode == 0, result.stdout + result.stderr


def _delete_field(workspace: Path) -> None:
    edit(workspace / LIFECYCLE, ORDER_CANCELLED_DETAIL, "")


def _delete_field_reserving_it(workspace: Path) -> None:
    edit(workspace / LIFECYCLE, ORDER_CANCELLED_DETAIL, '  reserved 4;\n  reserved "detail";\n')


def test_a_field_removed_with_its_number_and_name_reserved_is_compatible(workspace: Path):
    _delete_field_reserving_it(workspace)
    result = check(workspace)
    assert result.returncode == 0, result.stdout + result.stderr


def _change_field_type(workspace: Path) -> None:
    edit(workspace / "proto/oms/common/v1/money.proto", "  int64 minor_units = 2;", "  double minor_units = 2;")


def _remove_message(workspace: Path) -> None:
    remove_message(workspace / LIFECYCLE, "OrderCompleted")


def _reuse_field_number(workspace: Path) -> None:
    # Field 4 deleted and its number given to a new field: old readers would misread it.
    edit(workspace / LIFECYCLE, ORDER_CANCELLED_DETAIL, "  // Reused number.\n  int64 refund_policy_code = 4;\n")


def _swap_envelope_field_numbers(workspace: Path) -> None:
    envelope = workspace / "proto/oms/envelope/v1/envelope.proto"
    edit(envelope, "string correlation_id = 5;", "string correlation_id = 6;")
    edit(envelope, "string causation_id = 6;", "string causation_id = 5;")


def _remove_enum_value(workspace: Path) -> None:
    edit(workspace / "proto/oms/tracking/v1/tracking.proto", "  // Delivered.\n  CHECKPOINT_DELIVERED = 9;\n", "")


def _delete_file(workspace: Path) -> None:
    (workspace / "proto/oms/order/v1/production_events.proto").unlink()


@pytest.mark.parametrize(
    ("breaking_edit", "rule"),
    [
        (_delete_field, "FIELD_NO_DELETE_UNLESS_NUMBER_RESERVED"),
        (_change_field_type, "FIELD_SAME_TYPE"),
        (_remove_message, "MESSAGE_NO_DELETE"),
        (_reuse_field_number, "FIELD_SAME_NAME"),
        (_swap_envelope_field_numbers, "FIELD_SAME_NAME"),
        (_remove_enum_value, "ENUM_VALUE_NO_DELETE_UNLESS_NUMBER_RESERVED"),
        (_delete_file, "FILE_NO_DELETE"),
    ],
    ids=lambda value: getattr(value, "__name__", value).strip("_"),
)
def test_a_breaking_edit_fails_the_check_naming_the_rule(workspace: Path, breaking_edit: Callable, rule: str):
    breaking_edit(workspace)
    result = check(workspace)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "BREAKING  baseline" in result.stdout
    assert f"[{rule}]" in result.stdout, result.stdout


def test_a_proto_that_does_not_compile_fails_the_check(workspace: Path):
    edit(workspace / LIFECYCLE, ORDER_CANCELLED_DETAIL, ORDER_CANCELLED_DETAIL + "  string duplicate_number = 4;\n")
    result = check(workspace)
    assert result.returncode == 1
    assert "ERROR     baseline" in result.stdout
    assert "[COMPILE] field number `4` used more than once" in result.stdout


def test_a_missing_baseline_fails_rather_than_passes(workspace: Path, tmp_path: Path):
    result = check(workspace, "--baseline", tmp_path / "absent.binpb")
    assert result.returncode == 1
    assert "no baseline image" in result.stdout


def _repository_with_contracts_on_main(root: Path) -> Path:
    repo = root / "repo"
    repo.mkdir()
    git(repo, "init", "--quiet", "--initial-branch=main")
    copy_workspace(repo)
    git(repo, "add", "contracts")
    git(repo, "commit", "--quiet", "-m", "contracts")
    return repo


def test_the_check_against_main_catches_a_break_the_baseline_does_not_see(tmp_path: Path):
    repo = _repository_with_contracts_on_main(tmp_path)
    workspace = repo / "contracts"
    _delete_field(workspace)
    # A baseline refreshed after the edit (say, carelessly): only the comparison with main is left.
    fresh_baseline = tmp_path / "fresh.binpb"
    assert run_buf("build", workspace, "-o", fresh_baseline).returncode == 0
    result = run_tool("check_breaking.py", "--contracts-dir", workspace, "--baseline", fresh_baseline, "--repo", repo)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "OK        baseline" in result.stdout
    assert "BREAKING  git branch 'main'" in result.stdout
    assert "[FIELD_NO_DELETE_UNLESS_NUMBER_RESERVED]" in result.stdout


def test_the_check_against_main_passes_for_the_committed_state(tmp_path: Path):
    repo = _repository_with_contracts_on_main(tmp_path)
    result = run_tool("check_breaking.py", "--contracts-dir", repo / "contracts", "--repo", repo)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "OK        git branch 'main'" in result.stdout


def test_main_without_contracts_is_skipped_with_a_reason(tmp_path: Path, workspace: Path):
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "--quiet", "--initial-branch=main")
    (repo / "README.md").write_text("no contracts yet\n")
    git(repo, "add", "README.md")
    git(repo, "commit", "--quiet", "-m", "start")
    result = run_tool("check_breaking.py", "--contracts-dir", workspace, "--repo", repo)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "SKIPPED   git branch 'main'" in result.stdout
    assert "has no .proto files under contracts/proto" in result.stdout


def test_a_repository_without_main_is_skipped_with_a_reason(tmp_path: Path, workspace: Path):
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "--quiet", "--initial-branch=trunk")
    result = run_tool("check_breaking.py", "--contracts-dir", workspace, "--repo", repo)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no local branch 'main'" in result.stdout


def test_the_baseline_is_a_buf_image_of_the_contracts(tmp_path: Path):
    # The committed baseline must be readable by buf and describe the oms packages.
    listed = run_buf("ls-files", BASELINE)
    assert listed.returncode == 0, listed.stderr
    assert "oms/envelope/v1/envelope.proto" in listed.stdout
    assert "oms/order/v1/lifecycle_events.proto" in listed.stdout


def test_refreshing_the_baseline_is_what_accepts_a_break(workspace: Path):
    baseline = workspace / "baseline.binpb"
    gen = workspace / "gen"
    refresh = ("generate.py", "--proto-dir", workspace / "proto", "--gen-dir", gen, "--update-baseline")
    assert run_tool(*refresh).returncode == 0
    assert baseline.is_file() and (gen / "oms/envelope/v1/envelope_pb2.py").is_file()
    _delete_field(workspace)
    assert check(workspace, "--baseline", baseline).returncode == 1
    # Regenerating code alone accepts nothing; only the deliberate refresh moves the reference.
    assert run_tool("generate.py", "--proto-dir", workspace / "proto", "--gen-dir", gen).returncode == 0
    assert check(workspace, "--baseline", baseline).returncode == 1
    assert run_tool(*refresh).returncode == 0
    assert check(workspace, "--baseline", baseline).returncode == 0
