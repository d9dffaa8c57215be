"""Children that end when the process that started them dies, however it dies (Linux).

A process killed outright (SIGKILL, the OOM killer, a test run killed) runs none of its cleanup,
so the brokers and services it started would keep running, holding ports and CPU. The kernel can
signal a child when its parent dies (prctl PR_SET_PDEATHSIG), set in the child between fork and
exec and kept across exec.

Strictly, the kernel signals the child when the parent's THREAD that started it exits, not the
process: a child started from a worker thread (`asyncio.to_thread`, a thread pool) would be
killed as soon as that thread ends. `spawn_dying_with_parent` therefore starts every such child
from one thread that lives as long as the process.
"""

from __future__ import annotations

import ctypes
import functools
import os
import signal
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from typing import Any

_PR_SET_PDEATHSIG = 1  # <linux/prctl.h>
# Loaded here, not in a child between fork and exec, where only the bare minimum should run.
_LIBC = ctypes.CDLL(None, use_errno=True) if sys.platform.startswith("linux") else None
# One per process (a forked child has the dict but not the thread). Idle workers of a
# ThreadPoolExecutor wait for work until the interpreter shuts down.
_spawners: dict[int, ThreadPoolExecutor] = {}


def die_with_parent(signum: int, parent: int) -> None:
    """Have the kernel send `signum` to this process when `parent` dies (Linux; elsewhere nothing).

    Runs in the child (a `preexec_fn`); see the module's note on threads.
    """
    if _LIBC is None:
        return
    if _LIBC.prctl(_PR_SET_PDEATHSIG, signum, 0, 0, 0) != 0:
        error = ctypes.get_errno()
        raise OSError(error, f"prctl(PR_SET_PDEATHSIG): {os.strerror(error)}")
    if os.getppid() != parent:  # the parent died before the kernel was asked to tell us
        os.kill(os.getpid(), signum)


def spawn_dying_with_parent(args: Any, *, signum: int = signal.SIGKILL, **popen: Any) -> subprocess.Popen[Any]:
    """`subprocess.Popen(args, **popen)` whose process gets `signum` when this process dies.

    SIGKILL by default: nobody is left to escalate if the child's orderly stop hangs.
    """
    pid = os.getpid()
    if pid not in _spawners:
        _spawners[pid] = ThreadPoolExecutor(max_workers=1, thread_name_prefix="spawner-of-children")
    preexec = functools.partial(die_with_parent, signum, pid)
    # typeshed's Popen overloads do not match submit's ParamSpec
    return _spawners[pid].submit(subprocess.Popen, args, preexec_fn=preexec, **popen).result()  # type: ignore[arg-type]
