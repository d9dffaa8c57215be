"""A picker's confirmation checked against the pick list: what was found, what is missing."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from services.fulfillment.domain.errors import PickProblem, PickRejected
from services.fulfillment.domain.values import LineQuantity, PickedUnits, PickItem


@dataclass(frozen=True)
class PickCount:
    found: tuple[LineQuantity, ...]
    missing: tuple[LineQuantity, ...]


def count_pick(pick_list: Sequence[PickItem], picked: Sequence[PickedUnits] | None) -> PickCount:
    """`None` means everything on the list was found; a line left out of a confirmation was not."""
    counted = _counted(pick_list, picked)
    return PickCount(
        found=tuple(LineQuantity(i.line_id, i.sku, counted[i.line_id]) for i in pick_list if counted[i.line_id]),
        missing=tuple(
            LineQuantity(i.line_id, i.sku, i.quantity - counted[i.line_id])
            for i in pick_list
            if counted[i.line_id] < i.quantity
        ),
    )


def _counted(pick_list: Sequence[PickItem], picked: Sequence[PickedUnits] | None) -> dict[str, int]:
    on_list = {item.line_id: item.quantity for item in pick_list}
    if picked is None:
        return on_list
    counted: dict[str, int] = {}
    problems = [problem for index, entry in enumerate(picked) if (problem := _problem(index, entry, on_list, counted))]
    if problems:
        raise PickRejected(tuple(problems))
    return {line_id: counted.get(line_id, 0) for line_id in on_list}


def _problem(index: int, entry: PickedUnits, on_list: dict[str, int], counted: dict[str, int]) -> PickProblem | None:
    """What is wrong with one confirmed line, if anything; counts it when it is right."""
    line_id = entry.line_id
    if line_id not in on_list:
        return PickProblem(index, line_id, "line_id", "not-on-pick-list", f"line {line_id!r} is not on the pick list")
    if line_id in counted:
        return PickProblem(index, line_id, "line_id", "duplicate-line", f"line {line_id!r} is confirmed twice")
    if entry.quantity > on_list[line_id]:
        return PickProblem(index, line_id, "quantity", "more-than-pick-list",
                           f"line {line_id!r} lists {on_list[line_id]} units, not {entry.quantity}")
    counted[line_id] = entry.quantity
    return None
