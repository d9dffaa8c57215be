"""Many commands in one request, each with the outcome it would have had alone.

Partners send work in bulk (a carrier's scans, a warehouse wave's confirmations). Every accepted
command of a request is recorded in one unit of work (one commit); a refused one records nothing
and does not stop the others. When another writer changed one of the same aggregates meanwhile,
the commit fails on the version: the unit is run again on fresh state (the failed write dropped
the stale aggregates from memory), and only after repeated conflicts are the commands applied one
by one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any, Generic, TypeVar

from eventsourcing.persistence import IntegrityError
from fastapi import Request

from oms_platform.http.problems import Problem
from oms_platform.store import ServiceApplication

# A conflict is another writer touching the same aggregate at the same moment: running the unit
# again almost always succeeds, and is far cheaper than a commit per command.
UNIT_ATTEMPTS = 3

Item = TypeVar("Item")
Value = TypeVar("Value")


@dataclass(frozen=True)
class ItemOutcome(Generic[Value]):
    index: int
    status: int
    value: Value | None = None
    problem: dict[str, Any] | None = None


def apply_each(app: ServiceApplication, items: Sequence[Item], command: Callable[[Item], tuple[int, Value]],
               request: Request, *, field_prefix: str) -> list[ItemOutcome[Value]]:
    """Run `command` for every item; a Problem it raises becomes that item's outcome.

    Field errors in the body are renamed `<field_prefix>[<index>].<field>`.
    """
    for _ in range(UNIT_ATTEMPTS):
        try:
            with app.unit_of_work():
                return [_one(index, item, command, request, field_prefix) for index, item in enumerate(items)]
        except IntegrityError:
            continue
    return [_one(index, item, command, request, field_prefix) for index, item in enumerate(items)]


def _one(index: int, item: Any, command: Callable[[Any], tuple[int, Any]], request: Request,
         field_prefix: str) -> ItemOutcome[Any]:
    try:
        status, value = command(item)
    except Problem as refused:
        refused.errors = [replace(error, field=f"{field_prefix}[{index}].{error.field}".rstrip("."))
                          if error.location == "body" else error for error in refused.errors]
        problem = refused.to_dict(instance=request.url.path, request_id=getattr(request.state, "request_id", None))
        return ItemOutcome(index, refused.status, problem=problem)
    return ItemOutcome(index, status, value=value)
