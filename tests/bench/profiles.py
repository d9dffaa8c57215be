"""`make bench BENCH_ARGS="--profile DIR"`: sample every service with py-spy while the load runs.

py-spy is a development tool (pip install py-spy into the venv); it attaches to the running
services from outside, so the services run exactly as they do without it. Each service's stacks
go to DIR/<service>.txt in py-spy's collapsed format (flamegraph tools read it), and the summary
lists the leaf frames and the packages where each service spent its on-CPU samples.
"""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

SAMPLES_PER_SECOND = 50


@contextmanager
def profiling(pids: dict[str, int], folder: Path) -> Iterator[None]:
    py_spy = shutil.which("py-spy", path=str(Path(sys.executable).parent)) or shutil.which("py-spy")
    if py_spy is None:
        raise SystemExit("--profile needs py-spy in the venv: .venv/bin/pip install py-spy")
    folder.mkdir(parents=True, exist_ok=True)
    samplers = [
        subprocess.Popen([py_spy, "record", "--format", "raw", "--rate", str(SAMPLES_PER_SECOND), "--nonblocking",
                          "--pid", str(pid), "--output", str(folder / f"{name}.txt")],
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for name, pid in pids.items()]
    try:
        yield
    finally:
        for sampler in samplers:
            sampler.send_signal(signal.SIGINT)  # py-spy writes its file on SIGINT
        for sampler in samplers:
            sampler.wait(timeout=60)


def summarise(folder: Path, *, top: int = 12) -> dict[str, dict]:
    """Per service: the heaviest leaf frames and packages, as shares of its on-CPU samples."""
    return {path.stem: _summary(path, top) for path in sorted(folder.glob("*.txt"))}


def _summary(path: Path, top: int) -> dict:
    leaves: Counter[str] = Counter()
    packages: Counter[str] = Counter()
    for line in path.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        if not stack or not count.isdigit():
            continue
        leaf = stack.rsplit(";", 1)[-1]
        leaves[leaf] += int(count)
        packages[_package(leaf)] += int(count)
    total = sum(leaves.values()) or 1
    share = lambda counter: [(name, round(100 * n / total, 1)) for name, n in counter.most_common(top)]  # noqa: E731
    return {"samples": total, "leaf_frames_percent": share(leaves), "packages_percent": share(packages)}


def _package(frame: str) -> str:
    """`function (path/to/module.py:12)` -> the package the file belongs to."""
    location = frame.rpartition("(")[2]
    if "site-packages/" in location:
        return location.split("site-packages/", 1)[1].split("/", 1)[0]
    for ours in ("services/", "libs/", "contracts/"):
        if ours in location:
            return ours + location.split(ours, 1)[1].split("/", 1)[0]
    if "/lib/python" in location:
        return "stdlib:" + location.split("/lib/python", 1)[1].split("/")[1].removesuffix(".py")
    return location
