"""A reservation of stock for an order (V2): made whole or failed whole, then released or consumed.

The reservation remembers what each warehouse still holds for each order line, so a release gives
back exactly that and a shipment consumes exactly what it took, once per shipment.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import asdict
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from eventsourcing.domain import Aggregate, event

from services.inventory.domain.errors import ReservationMismatch
from services.inventory.domain.sourcing import Allocation, LineShortfall, RequestedLine, SourcingPlan


class ReservationStatus(StrEnum):
    REQUESTED = "requested"
    FAILED = "failed"
    RESERVED = "reserved"
    RELEASED = "released"
    CONSUMED = "consumed"


class Reservation(Aggregate):
    if TYPE_CHECKING:
        # Made at run time by the `@event` decorators below, with the decorated method's
        # parameters as fields; declared for the type checker (tests/services/
        # test_declared_events.py keeps the declarations in step with them).
        class Made(Aggregate.Event):
            reservation_id: str
            order_id: str
            split_part_id: str
            allocations: list[dict[str, Any]]
            sourcing_rule: str

        class Failed(Aggregate.Event):
            reservation_id: str
            order_id: str
            split_part_id: str
            reason: str
            shortfalls: list[dict[str, Any]]

        class Released(Aggregate.Event):
            reservation_id: str
            order_id: str
            reason: str
            released: list[dict[str, Any]]

        class Consumed(Aggregate.Event):
            reservation_id: str
            order_id: str
            shipment_id: str
            consumed: dict[str, Any]

    @staticmethod
    def create_id(reservation_id: str) -> uuid.UUID:
        return uuid.UUID(reservation_id)

    @event("Requested")
    def __init__(self, reservation_id: str, order_id: str, split_part_id: str, lines: list[dict[str, Any]]):
        self.reservation_id = reservation_id
        self.order_id = order_id
        self.split_part_id = split_part_id
        self.requested = [_line(line) for line in lines]
        self.status = ReservationStatus.REQUESTED
        self.sourcing_rule = ""
        self.failure_reason = ""
        self.holdings: dict[tuple[str, str], RequestedLine] = {}  # (warehouse, line id) -> still held
        self.consumed_shipments: set[str] = set()

    @classmethod
    def request(cls, reservation_id: str, order_id: str, split_part_id: str,
                lines: Sequence[RequestedLine]) -> Reservation:
        return cls(reservation_id=reservation_id, order_id=order_id, split_part_id=split_part_id,
                   lines=[_line_data(line) for line in lines])

    @property
    def may_source(self) -> bool:
        """A new attempt is allowed only while nothing was reserved (a failed one may be retried)."""
        return self.status in (ReservationStatus.REQUESTED, ReservationStatus.FAILED)

    @property
    def holds_stock(self) -> bool:
        return bool(self.holdings)

    def held(self) -> tuple[Allocation, ...]:
        return _allocations(self.holdings.items())

    def make(self, plan: SourcingPlan) -> None:
        self._check_may_source()
        self._made(**self._names(), split_part_id=self.split_part_id,
                   allocations=[_allocation_data(a) for a in plan.allocations], sourcing_rule=plan.rule)

    @event("Made")
    def _made(self, reservation_id: str, order_id: str, split_part_id: str, allocations: list[dict[str, Any]],
              sourcing_rule: str) -> None:
        self.status = ReservationStatus.RESERVED
        self.sourcing_rule = sourcing_rule
        for allocation in allocations:
            for line in allocation["lines"]:
                self.holdings[(allocation["warehouse_id"], line["line_id"])] = _line(line)

    def fail(self, reason: str, shortfalls: Sequence[LineShortfall]) -> None:
        self._check_may_source()
        self._failed(**self._names(), split_part_id=self.split_part_id, reason=reason,
                     shortfalls=[asdict(s) for s in shortfalls])

    @event("Failed")
    def _failed(self, reservation_id: str, order_id: str, split_part_id: str, reason: str,
                shortfalls: list[dict[str, Any]]) -> None:
        self.status = ReservationStatus.FAILED
        self.failure_reason = reason

    def release(self, reason: str, lines: Sequence[RequestedLine] = ()) -> tuple[Allocation, ...]:
        """Give back the given lines, or all that is still held; returns what was given back."""
        if not self.holdings:
            return ()
        taken = self._take_lines(lines, self.holdings) if lines else list(self.holdings.items())
        released = _allocations(taken)
        self._released(**self._names(), reason=reason, released=[_allocation_data(a) for a in released])
        return released

    @event("Released")
    def _released(self, reservation_id: str, order_id: str, reason: str, released: list[dict[str, Any]]) -> None:
        self._give_up(released)
        if not self.holdings:
            self.status = ReservationStatus.RELEASED

    def consume(self, shipment_id: str, warehouse_id: str, lines: Sequence[RequestedLine] = ()) -> Allocation | None:
        """A shipment left `warehouse_id` with `lines` (all it held when empty); None if already seen."""
        if shipment_id in self.consumed_shipments:
            return None
        if self.status not in (ReservationStatus.RESERVED, ReservationStatus.CONSUMED):
            raise ReservationMismatch(f"reservation {self.reservation_id} is {self.status}; nothing to ship")
        here = {key: line for key, line in self.holdings.items() if key[0] == warehouse_id}
        if not here:
            raise ReservationMismatch(f"reservation {self.reservation_id} holds nothing in {warehouse_id}")
        taken = self._take_lines(lines, here) if lines else list(here.items())
        (consumed,) = _allocations(taken)
        self._consumed(**self._names(), shipment_id=shipment_id, consumed=_allocation_data(consumed))
        return consumed

    @event("Consumed")
    def _consumed(self, reservation_id: str, order_id: str, shipment_id: str, consumed: dict[str, Any]) -> None:
        self.consumed_shipments.add(shipment_id)
        self._give_up([consumed])
        if not self.holdings:
            self.status = ReservationStatus.CONSUMED

    def _names(self) -> dict[str, str]:
        # Outcome events name the reservation and order themselves: they are published one by one.
        return {"reservation_id": self.reservation_id, "order_id": self.order_id}

    def _check_may_source(self) -> None:
        if not self.may_source:
            raise ReservationMismatch(f"reservation {self.reservation_id} is already {self.status}")

    def _take_lines(self, lines: Sequence[RequestedLine],
                    holdings: dict[tuple[str, str], RequestedLine]) -> list[tuple[tuple[str, str], RequestedLine]]:
        """Which held quantities cover `lines`, warehouse by warehouse in the order they were made."""
        wanted: dict[str, int] = {}
        for line in lines:
            if line.quantity <= 0:
                raise ReservationMismatch(f"line {line.line_id!r}: quantity must be greater than 0")
            wanted[line.line_id] = wanted.get(line.line_id, 0) + line.quantity
        taken = []
        for line_id, needed in wanted.items():
            for key, held in holdings.items():
                if key[1] == line_id and needed > 0:
                    units = min(needed, held.quantity)
                    taken.append((key, RequestedLine(held.line_id, held.sku, units)))
                    needed -= units
            if needed > 0:
                raise ReservationMismatch(
                    f"reservation {self.reservation_id} does not hold {wanted[line_id]} of line {line_id!r}"
                )
        return taken

    def _give_up(self, allocations: list[dict[str, Any]]) -> None:
        for allocation in allocations:
            for line in allocation["lines"]:
                key = (allocation["warehouse_id"], line["line_id"])
                left = self.holdings[key].quantity - line["quantity"]
                if left:
                    self.holdings[key] = RequestedLine(line["line_id"], line["sku"], left)
                else:
                    del self.holdings[key]


def _line(data: dict[str, Any]) -> RequestedLine:
    return RequestedLine(data["line_id"], data["sku"], data["quantity"])


def _line_data(line: RequestedLine) -> dict[str, Any]:
    return {"line_id": line.line_id, "sku": line.sku, "quantity": line.quantity}


def _allocation_data(allocation: Allocation) -> dict[str, Any]:
    return {"warehouse_id": allocation.warehouse_id, "lines": [_line_data(line) for line in allocation.lines]}


def allocation_from_data(data: dict[str, Any]) -> Allocation:
    return Allocation(data["warehouse_id"], tuple(_line(line) for line in data["lines"]))


def _allocations(entries: Iterable[tuple[tuple[str, str], RequestedLine]]) -> tuple[Allocation, ...]:
    by_warehouse: dict[str, list[RequestedLine]] = {}
    for (warehouse_id, _line_id), line in entries:
        by_warehouse.setdefault(warehouse_id, []).append(line)
    return tuple(Allocation(w, tuple(lines)) for w, lines in by_warehouse.items())
