"""Stock of one SKU in one warehouse (V1): on hand, reserved, and what is left to promise.

Every event carries the level after it, so whoever reads one event knows the stock without
replaying the others.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from eventsourcing.domain import Aggregate, event

from services.inventory.domain.errors import (
    InsufficientStock,
    InvalidQuantity,
    ReceiptReferenceReused,
    StockBelowReserved,
)

STOCK_NAMESPACE = uuid.UUID("5a2c9e17-8d3b-4f60-a1e4-7b9d0c3f6e28")


class ReceiptKind(StrEnum):
    PURCHASE = "purchase"
    CUSTOMER_RETURN = "customer_return"
    TRANSFER = "transfer"
    PRODUCTION = "production"
    OPENING_BALANCE = "opening_balance"


class AdjustmentReason(StrEnum):
    DAMAGED = "damaged"
    LOST = "lost"
    FOUND = "found"
    EXPIRED = "expired"
    CORRECTION = "correction"
    SAMPLE = "sample"
    PICK_SHORTAGE = "pick_shortage"


@dataclass(frozen=True)
class StockLevel:
    on_hand: int
    reserved: int

    @property
    def available(self) -> int:
        return self.on_hand - self.reserved


class StockItem(Aggregate):
    if TYPE_CHECKING:
        # Made at run time by the `@event` decorators below, with the decorated method's
        # parameters as fields; declared for the type checker (tests/services/
        # test_declared_events.py keeps the declarations in step with them).
        class Received(Aggregate.Event):
            sku: str
            warehouse_id: str
            receipt_id: str
            quantity: int
            reference: str
            kind: str
            on_hand: int
            reserved: int

        class Adjusted(Aggregate.Event):
            sku: str
            warehouse_id: str
            adjustment_id: str
            delta: int
            reason: str
            note: str
            on_hand: int
            reserved: int

        class Counted(Aggregate.Event):
            sku: str
            warehouse_id: str
            count_id: str
            counted: int
            expected: int
            on_hand: int
            reserved: int

    @staticmethod
    def create_id(sku: str, warehouse_id: str) -> uuid.UUID:
        return uuid.uuid5(STOCK_NAMESPACE, f"{sku}@{warehouse_id}")

    @event("Registered")
    def __init__(self, sku: str, warehouse_id: str):
        self.sku = sku
        self.warehouse_id = warehouse_id
        self.on_hand = 0
        self.reserved = 0
        self.receipts: dict[str, int] = {}  # reference -> quantity booked

    @property
    def level(self) -> StockLevel:
        return StockLevel(self.on_hand, self.reserved)

    @property
    def available(self) -> int:
        return self.on_hand - self.reserved

    def receive(self, quantity: int, reference: str, kind: ReceiptKind) -> bool:
        """Book goods in; False when this reference was booked before (a repeated request)."""
        if quantity <= 0:
            raise InvalidQuantity("quantity", "must be greater than 0")
        booked = self.receipts.get(reference)
        if booked is not None:
            if booked != quantity:
                raise ReceiptReferenceReused(reference, booked)
            return False
        self._received(
            sku=self.sku, warehouse_id=self.warehouse_id,
            receipt_id=str(uuid.uuid5(self.id, f"receipt:{reference}")),
            quantity=quantity, reference=reference, kind=str(kind),
            on_hand=self.on_hand + quantity, reserved=self.reserved,
        )
        return True

    @event("Received")
    def _received(self, sku: str, warehouse_id: str, receipt_id: str, quantity: int, reference: str,
                  kind: str, on_hand: int, reserved: int) -> None:
        self.receipts[reference] = quantity
        self.on_hand = on_hand

    def adjust(self, delta: int, reason: AdjustmentReason, note: str = "") -> None:
        if delta == 0:
            raise InvalidQuantity("delta", "must not be 0")
        self._check_not_below_reserved(self.on_hand + delta)
        self._adjusted(
            sku=self.sku, warehouse_id=self.warehouse_id, adjustment_id=str(uuid.uuid4()),
            delta=delta, reason=str(reason), note=note,
            on_hand=self.on_hand + delta, reserved=self.reserved,
        )

    @event("Adjusted")
    def _adjusted(self, sku: str, warehouse_id: str, adjustment_id: str, delta: int, reason: str,
                  note: str, on_hand: int, reserved: int) -> None:
        self.on_hand = on_hand

    def count(self, counted: int) -> None:
        """A cycle count: what is on the shelf replaces the books; reservations stay."""
        if counted < 0:
            raise InvalidQuantity("counted", "must not be negative")
        self._check_not_below_reserved(counted)
        self._counted(
            sku=self.sku, warehouse_id=self.warehouse_id, count_id=str(uuid.uuid4()),
            counted=counted, expected=self.on_hand, on_hand=counted, reserved=self.reserved,
        )

    @event("Counted")
    def _counted(self, sku: str, warehouse_id: str, count_id: str, counted: int, expected: int,
                 on_hand: int, reserved: int) -> None:
        self.on_hand = on_hand

    def reserve(self, reservation_id: str, quantity: int) -> None:
        if quantity <= 0:
            raise InvalidQuantity("quantity", "must be greater than 0")
        if quantity > self.available:
            raise InsufficientStock(self.sku, self.warehouse_id, quantity, self.available)
        self._reserved(reservation_id=reservation_id, quantity=quantity, on_hand=self.on_hand,
                       reserved=self.reserved + quantity)

    @event("Reserved")
    def _reserved(self, reservation_id: str, quantity: int, on_hand: int, reserved: int) -> None:
        self.reserved = reserved

    def release(self, reservation_id: str, quantity: int) -> None:
        self._check_reserved(quantity)
        self._released(reservation_id=reservation_id, quantity=quantity, on_hand=self.on_hand,
                       reserved=self.reserved - quantity)

    @event("Released")
    def _released(self, reservation_id: str, quantity: int, on_hand: int, reserved: int) -> None:
        self.reserved = reserved

    def consume(self, reservation_id: str, shipment_id: str, quantity: int) -> None:
        """Reserved goods left with a shipment: they leave both the shelf and the promises."""
        self._check_reserved(quantity)
        self._consumed(reservation_id=reservation_id, shipment_id=shipment_id, quantity=quantity,
                       on_hand=self.on_hand - quantity, reserved=self.reserved - quantity)

    @event("Consumed")
    def _consumed(self, reservation_id: str, shipment_id: str, quantity: int, on_hand: int,
                  reserved: int) -> None:
        self.on_hand = on_hand
        self.reserved = reserved

    def _check_not_below_reserved(self, on_hand_after: int) -> None:
        if on_hand_after < self.reserved:
            raise StockBelowReserved(self.sku, self.warehouse_id, on_hand_after, self.reserved)

    def _check_reserved(self, quantity: int) -> None:
        if quantity <= 0 or quantity > self.reserved:
            raise InvalidQuantity("quantity", f"must be between 1 and the {self.reserved} reserved")
