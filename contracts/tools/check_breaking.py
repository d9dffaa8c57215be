#!/usr/bin/env python3
"""Fail when the contracts in contracts/proto break compatibility (buf breaking, rules in contracts/buf.yaml).

    .venv/bin/python contracts/tools/check_breaking.py

Two references, both with the rules configured in contracts/buf.yaml:
  (a) the committed baseline image contracts/baseline.binpb: always checked. It is refreshed only
      deliberately (`contracts/tools/generate.py --update-baseline`), so a break needs a reviewed
      commit that says so.
  (b) the `main` branch of the git repository: checked when that branch exists and already
      contains contracts/proto; otherwise the reason for skipping is printed.

Exit status: 0 when every check that ran passed, 1 when a check found breaking changes or could
not run. Each breaking change is printed as `file:line:col: [RULE] message`.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from buf_cli import BASELINE, CONTRACTS_DIR, REPO_ROOT, run_buf

BUF_BREAKING_FOUND = 100  # buf's exit status when it found breaking changes


@dataclass(frozen=True)
class Outcome:
    name: str
    status: str  # "ok", "breaking", "error", "skipped"
    detail: str = ""

    @property
    def failed(self) -> bool:
        return self.status in ("breaking", "error")


def breaking_against(contracts_dir: Path, against: str, name: str) -> Outcome:
    result = run_buf("breaking", str(contracts_dir), "--against", against, "--error-format", "json")
    if result.returncode == 0:
        return Outcome(name, "ok")
    if result.returncode == BUF_BREAKING_FOUND:
        annotations = [_annotation(line) for line in result.stdout.splitlines() if line.strip()]
        # buf reports .proto files that do not compile with the same exit status, as COMPILE.
        status = "error" if any(rule == "COMPILE" for rule, _ in annotations) else "breaking"
        return Outcome(name, status, "\n".join(text for _, text in annotations))
    return Outcome(name, "error", (result.stderr + result.stdout).strip())


def _annotation(json_line: str) -> tuple[str, str]:
    """One of buf's JSON annotations as (rule, `path:line:col: [RULE] message`)."""
    try:
        item = json.loads(json_line)
    except json.JSONDecodeError:
        return "?", json_line
    rule = item.get("type", "?")
    place = f"{item.get('path', '?')}:{item.get('start_line', 0)}:{item.get('start_column', 0)}"
    return rule, f"{place}: [{rule}] {item.get('message', '')}"


def check_baseline(contracts_dir: Path, baseline: Path) -> Outcome:
    name = f"baseline {baseline}"
    if not baseline.is_file():
        return Outcome(
            name, "error", "no baseline image: create it with contracts/tools/generate.py --update-baseline"
        )
    return breaking_against(contracts_dir, str(baseline), name)


def _git(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    # GIT_DIR and friends from a calling hook would point git somewhere else than `repo`.
    env = {key: value for key, value in os.environ.items() if not key.startswith("GIT_")}
    return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, env=env, check=False)


def check_git_branch(contracts_dir: Path, repo: Path, branch: str, proto_subdir: str) -> Outcome:
    name = f"git branch {branch!r} of {repo}"
    try:
        git_dir = _git(repo, "rev-parse", "--path-format=absolute", "--git-common-dir")
    except FileNotFoundError:
        return Outcome(name, "skipped", "git is not installed")
    if git_dir.returncode != 0:
        return Outcome(name, "skipped", f"{repo} is not a git repository")
    if _git(repo, "rev-parse", "--verify", "--quiet", f"refs/heads/{branch}").returncode != 0:
        return Outcome(name, "skipped", f"the repository has no local branch {branch!r}")
    listed = _git(repo, "ls-tree", "-r", "--name-only", branch, "--", proto_subdir)
    if not any(line.endswith(".proto") for line in listed.stdout.splitlines()):
        return Outcome(
            name, "skipped", f"{branch!r} has no .proto files under {proto_subdir} yet (first contracts commit)"
        )
    against = f"{git_dir.stdout.strip()}#branch={branch},subdir={proto_subdir}"
    return breaking_against(contracts_dir, against, name)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--contracts-dir", type=Path, default=CONTRACTS_DIR, help="buf workspace (holds buf.yaml)")
    parser.add_argument("--baseline", type=Path, default=BASELINE, help="baseline buf image")
    parser.add_argument("--repo", type=Path, default=REPO_ROOT, help="git repository whose branch is compared")
    parser.add_argument("--branch", default="main", help="branch to compare against")
    parser.add_argument(
        "--proto-subdir", default="contracts/proto", help="where the .proto root is inside the branch"
    )
    parser.add_argument("--no-git", action="store_true", help="check the baseline only")
    args = parser.parse_args(argv)

    outcomes = [check_baseline(args.contracts_dir, args.baseline)]
    if args.no_git:
        outcomes.append(Outcome(f"git branch {args.branch!r}", "skipped", "--no-git given"))
    else:
        outcomes.append(check_git_branch(args.contracts_dir, args.repo, args.branch, args.proto_subdir))

    for outcome in outcomes:
        print(f"{outcome.status.upper():9} {outcome.name}")
        if outcome.detail:
            print("\n".join(f"          {line}" for line in outcome.detail.splitlines()))
    if any(outcome.failed for outcome in outcomes):
        print("breaking-change check FAILED (rules: see contracts/buf.yaml)")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
