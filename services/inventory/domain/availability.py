"""The available-to-sell picture of one SKU across warehouses (V5) and its low-stock alerts (V4).

Stock items are per warehouse, but channels want one message per SKU with every warehouse in it
(the feed is compacted by SKU). This aggregate is written in the same transaction as the stock
items it mirrors, so the picture it publishes is never ahead of or behind the stock.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import TYPE_CHECKING

from eventsourcing.domain import Aggregate, event

from services.inventory.domain.stock import StockLevel

AVAILABILITY_NAMESPACE = uuid.UUID("c4e8a1f2-6b3d-4e97-8a05-2d1f9c7b3e64")


class SkuAvailability(Aggregate):
    if TYPE_CHECKING:
        # Made at run time by the `@event` decorators below, with the decorated method's
        # parameters as fields; declared for the type checker (tests/services/
        # test_declared_events.py keeps the declarations in step with them).
        class Changed(Aggregate.Event):
            sku: str
            warehouses: dict[str, dict[str, int]]

        class LowStockDetected(Aggregate.Event):
            sku: str
            warehouse_id: str
            available: int
            safety_stock: int

    @staticmethod
    def create_id(sku: str) -> uuid.UUID:
        return uuid.uuid5(AVAILABILITY_NAMESPACE, sku)

    @event("Opened")
    def __init__(self, sku: str):
        self.sku = sku
        self.warehouses: dict[str, dict[str, int]] = {}

    @property
    def available_to_sell(self) -> int:
        return sum(level["available"] for level in self.warehouses.values())

    def observe(self, levels: Mapping[str, StockLevel], safety_stock: int) -> None:
        """Take in the new levels of some warehouses; alert where available falls below safety stock.

        The alert fires when available crosses the threshold downwards, not on every change
        while it stays below: one alert per shortage, not one per order.
        """
        updated = {**self.warehouses, **{w: _as_dict(level) for w, level in levels.items()}}
        if updated == self.warehouses:
            return
        before = dict(self.warehouses)
        self._changed(sku=self.sku, warehouses=updated)
        for warehouse_id in sorted(levels):
            was = before.get(warehouse_id, {}).get("available", 0)
            now = levels[warehouse_id].available
            if now < safety_stock <= was:
                self._low_stock_detected(sku=self.sku, warehouse_id=warehouse_id, available=now,
                                         safety_stock=safety_stock)

    @event("Changed")
    def _changed(self, sku: str, warehouses: dict[str, dict[str, int]]) -> None:
        self.warehouses = warehouses

    @event("LowStockDetected")
    def _low_stock_detected(self, sku: str, warehouse_id: str, available: int, safety_stock: int) -> None:
        pass


def _as_dict(level: StockLevel) -> dict[str, int]:
    return {"on_hand": level.on_hand, "reserved": level.reserved, "available": level.available}
