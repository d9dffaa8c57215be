"""Plain values the tracking domain is written in: places and money."""

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


@dataclass(frozen=True)
class Money:
    """An amount in whole minor units of one currency (fen for CNY); never a float."""

    currency: str
    minor_units: int
