"""The stock items one command touches, and the availability feed that must move with them."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from eventsourcing.application import AggregateNotFoundError, Repository

from services.inventory.domain.availability import SkuAvailability
from services.inventory.domain.stock import StockItem


class StockChanges:
    """Loads each stock item once per command; `aggregates()` is what to record in one transaction.

    Every changed stock item brings its SKU's availability with it, so the published feed and the
    low-stock alerts are written atomically with the stock they describe.
    """

    def __init__(self, repository: Repository, safety_stock_of: Callable[[str], int]):
        self._repository = repository
        self._safety_stock_of = safety_stock_of
        self._items: dict[tuple[str, str], StockItem | None] = {}

    def existing(self, sku: str, warehouse_id: str) -> StockItem | None:
        key = (sku, warehouse_id)
        if key not in self._items:
            self._items[key] = _get(self._repository, StockItem.create_id(sku, warehouse_id))
        return self._items[key]

    def item(self, sku: str, warehouse_id: str) -> StockItem:
        """The stock item, registered on first use."""
        item = self.existing(sku, warehouse_id)
        if item is None:
            item = self._items[(sku, warehouse_id)] = StockItem(sku, warehouse_id)
        return item

    def available(self, skus: Iterable[str], warehouse_ids: Iterable[str]) -> dict[tuple[str, str], int]:
        warehouses = list(warehouse_ids)
        return {
            (sku, w): item.available if (item := self.existing(sku, w)) else 0
            for sku in skus for w in warehouses
        }

    def aggregates(self) -> list[Any]:
        changed = [item for item in self._items.values() if item is not None and item.pending_events]
        feeds = []
        for sku in dict.fromkeys(item.sku for item in changed):
            feed = _get(self._repository, SkuAvailability.create_id(sku)) or SkuAvailability(sku)
            feed.observe({i.warehouse_id: i.level for i in changed if i.sku == sku}, self._safety_stock_of(sku))
            feeds.append(feed)
        return [*changed, *feeds]


def _get(repository: Repository, aggregate_id: Any) -> Any:
    try:
        return repository.get(aggregate_id)
    except AggregateNotFoundError:
        return None
