"""Plain values the tracking domain is written in: places (money is the kernel's `oms_kernel.money.Money`)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Place:
    """Where something happened: a warehouse, a carrier hub, a delivery point."""

    name: str = ""
    city: str = ""
    province: str = ""
    country_code: str = ""
    # A stable code when the source has one (a warehouse id, a hub code).
    code: str = ""


UNKNOWN_PLACE = Place()


def warehouse_place(warehouse_id: str) -> Place:
    """A warehouse as a place (no place at all when the id is empty)."""
    return Place(name=warehouse_id, code=warehouse_id)
