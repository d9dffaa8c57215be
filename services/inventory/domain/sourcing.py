"""Sourcing (V3 basic): which warehouses reserve which lines of an order, as one pure function.

Rules, in order: the warehouse serving the destination's region if it can fill every line; else
any single warehouse that can; else a split over the fewest warehouses, the region's warehouse
first; else a shortfall per line. One parcel is cheaper and faster than two, so a single far
warehouse beats a split with a near one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations

from services.inventory.domain.warehouses import WAREHOUSE_IDS, region_warehouse

RULE_PREFERRED = "preferred-warehouse"
RULE_REGION = "region-warehouse"
RULE_ANY_SINGLE = "any-single-warehouse"
RULE_SPLIT = "split-fewest-warehouses"

INSUFFICIENT_STOCK = "insufficient_stock"
SPLIT_NOT_ALLOWED = "split_not_allowed"

Supply = Mapping[tuple[str, str], int]  # (sku, warehouse_id) -> units available


@dataclass(frozen=True)
class RequestedLine:
    line_id: str
    sku: str
    quantity: int


@dataclass(frozen=True)
class Destination:
    country_code: str = ""
    province: str = ""


@dataclass(frozen=True)
class Preference:
    preferred: tuple[str, ...] = ()
    excluded: frozenset[str] = field(default_factory=frozenset)
    allow_split: bool = True


@dataclass(frozen=True)
class Allocation:
    warehouse_id: str
    lines: tuple[RequestedLine, ...]


@dataclass(frozen=True)
class SourcingPlan:
    allocations: tuple[Allocation, ...]
    rule: str


@dataclass(frozen=True)
class LineShortfall:
    line_id: str
    sku: str
    requested: int
    available: int


@dataclass(frozen=True)
class Unfillable:
    reason: str
    shortfalls: tuple[LineShortfall, ...]


def source(lines: Sequence[RequestedLine], supply: Supply, destination: Destination,
           preference: Preference = Preference(), warehouses: Sequence[str] = WAREHOUSE_IDS,
           ) -> SourcingPlan | Unfillable:
    candidates = _candidates(destination, preference, warehouses)
    demand: Counter[str] = Counter()
    for line in lines:
        demand[line.sku] += line.quantity
    single = next((w for w in candidates if _covers((w,), demand, supply)), None)
    if single is not None:
        return SourcingPlan((Allocation(single, tuple(lines)),), _single_rule(single, destination, preference))
    shortfalls = _shortfalls(lines, demand, supply, candidates)
    if shortfalls:
        return Unfillable(INSUFFICIENT_STOCK, shortfalls)
    if not preference.allow_split:
        return Unfillable(SPLIT_NOT_ALLOWED, ())
    return SourcingPlan(_split(lines, supply, candidates, demand), RULE_SPLIT)


def _candidates(destination: Destination, preference: Preference, warehouses: Sequence[str]) -> list[str]:
    region = region_warehouse(destination.country_code, destination.province)
    ordered = [*preference.preferred, *([region] if region else []), *warehouses]
    allowed = [w for w in dict.fromkeys(ordered) if w in warehouses and w not in preference.excluded]
    return allowed


def _single_rule(chosen: str, destination: Destination, preference: Preference) -> str:
    if chosen in preference.preferred:
        return RULE_PREFERRED
    if chosen == region_warehouse(destination.country_code, destination.province):
        return RULE_REGION
    return RULE_ANY_SINGLE


def _covers(group: Sequence[str], demand: Counter, supply: Supply) -> bool:
    return all(sum(supply.get((sku, w), 0) for w in group) >= units for sku, units in demand.items())


def _shortfalls(lines: Sequence[RequestedLine], demand: Counter, supply: Supply,
                candidates: Sequence[str]) -> tuple[LineShortfall, ...]:
    total = {sku: sum(max(supply.get((sku, w), 0), 0) for w in candidates) for sku in demand}
    return tuple(
        LineShortfall(line.line_id, line.sku, line.quantity, total[line.sku])
        for line in lines if total[line.sku] < demand[line.sku]
    )


def _split(lines: Sequence[RequestedLine], supply: Supply, candidates: Sequence[str],
           demand: Counter) -> tuple[Allocation, ...]:
    # combinations() keeps the candidates' order, so groups with the region's warehouse come first.
    group = next(
        g for size in range(2, len(candidates) + 1) for g in combinations(candidates, size)
        if _covers(g, demand, supply)
    )
    left = {(sku, w): supply.get((sku, w), 0) for sku in demand for w in group}
    taken: dict[str, list[RequestedLine]] = {w: [] for w in group}
    for line in lines:
        needed = line.quantity
        for w in group:
            units = min(needed, left[(line.sku, w)])
            if units > 0:
                taken[w].append(RequestedLine(line.line_id, line.sku, units))
                left[(line.sku, w)] -= units
                needed -= units
    return tuple(Allocation(w, tuple(taken[w])) for w in group if taken[w])
