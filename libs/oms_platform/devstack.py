"""Moved to the development-only package: `python -m oms_dev.devstack` (`make run`).

Names still resolve here, lazily, until tests/platform/test_http_problems.py imports
SERVICE_PORTS from oms_dev.devstack; then this module goes.
"""

from __future__ import annotations

from typing import Any


def __getattr__(name: str) -> Any:
    from oms_dev import devstack

    return getattr(devstack, name)
