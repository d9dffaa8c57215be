"""Inventory events and the availability feed: stock per SKU and warehouse, products, and the
reservation facts that belong on an order's timeline."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from oms.inventory.v1 import availability_events_pb2 as availability
from oms.inventory.v1 import catalogue_events_pb2 as catalogue
from oms.inventory.v1 import reservation_events_pb2 as reservations
from oms.inventory.v1 import stock_events_pb2 as stock
from oms.inventory.v1.inventory_pb2 import ReleaseReason, ReservationFailureReason, StockLevel
from services.projection.adapters.view_store import Session
from services.projection.application.fact import Fact
from services.projection.application.views.common import Updater, add_to_timeline, enum_name, minor, time_or

# Levels come as snapshots from two topics (stock events, availability feed) that do not keep
# order between them: an older snapshot never overwrites a newer one.
_IF_NEWER = "WHERE excluded.as_of >= inventory.as_of"


def set_level(session: Session, sku: str, warehouse_id: str, level: StockLevel, as_of: str) -> None:
    session.execute(
        "INSERT INTO inventory (sku, warehouse_id, on_hand, reserved, available, incoming, safety_stock, as_of)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (sku, warehouse_id) DO UPDATE SET"
        " on_hand = excluded.on_hand, reserved = excluded.reserved, available = excluded.available,"
        f" incoming = excluded.incoming, safety_stock = excluded.safety_stock, as_of = excluded.as_of {_IF_NEWER}",
        (sku, warehouse_id, level.on_hand, level.reserved, level.available, level.incoming, level.safety_stock, as_of),
    )


def _level_updater(time_field: str, warehouse: Callable[[Any], str], level: Callable[[Any], StockLevel]) -> Updater:
    def update(session: Session, fact: Fact) -> None:
        m = fact.payload
        set_level(session, m.sku, warehouse(m), level(m), time_or(getattr(m, time_field), fact.occurred_at))
    return update


def availability_changed(session: Session, fact: Fact) -> None:
    m: availability.AvailabilityChanged = fact.payload
    at = time_or(m.changed_at, fact.occurred_at)
    warehouses = [{"warehouse_id": w.warehouse_id, "on_hand": w.on_hand, "reserved": w.reserved,
                   "available": w.available} for w in m.warehouses]
    session.execute(
        "INSERT INTO availability (sku, available_to_sell, presale, expected_restock_at, warehouses_json, changed_at)"
        " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (sku) DO UPDATE SET available_to_sell = excluded.available_to_sell,"
        " presale = excluded.presale, expected_restock_at = excluded.expected_restock_at,"
        " warehouses_json = excluded.warehouses_json, changed_at = excluded.changed_at"
        " WHERE excluded.changed_at >= availability.changed_at",
        (m.sku, m.available_to_sell, int(m.presale), time_or(m.expected_restock_at, "") or None,
         json.dumps(warehouses), at),
    )
    for w in m.warehouses:
        session.execute(
            "INSERT INTO inventory (sku, warehouse_id, on_hand, reserved, available, as_of) VALUES (?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (sku, warehouse_id) DO UPDATE SET on_hand = excluded.on_hand,"
            f" reserved = excluded.reserved, available = excluded.available, as_of = excluded.as_of {_IF_NEWER}",
            (m.sku, w.warehouse_id, w.on_hand, w.reserved, w.available, at),
        )


def low_stock_detected(session: Session, fact: Fact) -> None:
    m: stock.LowStockDetected = fact.payload
    session.execute(
        "INSERT INTO inventory (sku, warehouse_id, available, safety_stock, as_of) VALUES (?, ?, ?, ?, ?)"
        " ON CONFLICT (sku, warehouse_id) DO UPDATE SET safety_stock = excluded.safety_stock",
        (m.sku, m.warehouse_id, m.available, m.safety_stock, time_or(m.detected_at, fact.occurred_at)),
    )


def product_catalogued(session: Session, fact: Fact) -> None:
    m: catalogue.ProductCatalogued = fact.payload
    session.execute(
        "INSERT INTO products (sku, name, category, currency, unit_price_minor, active, safety_stock)"
        " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (sku) DO UPDATE SET name = excluded.name,"
        " category = excluded.category, currency = excluded.currency, unit_price_minor = excluded.unit_price_minor,"
        " active = excluded.active, safety_stock = excluded.safety_stock",
        (m.sku, m.name or None, m.category or None, m.unit_price.currency_code or None, minor(m.unit_price),
         int(m.active), m.safety_stock),
    )


def _on_order_timeline(time_field: str, detail: Callable[[Any], str | None]) -> Updater:
    def update(session: Session, fact: Fact) -> None:
        m = fact.payload
        add_to_timeline(session, fact, m.order_id, kind="inventory", detail=detail(m),
                        occurred_at=time_or(getattr(m, time_field), fact.occurred_at))
    return update


def _warehouses(allocations: Any) -> str:
    return ", ".join(a.warehouse_id for a in allocations) or "-"


UPDATERS: dict[str, Updater] = {
    stock.StockReceived.DESCRIPTOR.full_name: _level_updater("received_at", lambda m: m.warehouse_id,
                                                             lambda m: m.level_after),
    stock.StockAdjusted.DESCRIPTOR.full_name: _level_updater("adjusted_at", lambda m: m.warehouse_id,
                                                             lambda m: m.level_after),
    stock.StockCounted.DESCRIPTOR.full_name: _level_updater("counted_at", lambda m: m.warehouse_id,
                                                            lambda m: m.level_after),
    stock.TransferShipped.DESCRIPTOR.full_name: _level_updater("shipped_at", lambda m: m.from_warehouse_id,
                                                               lambda m: m.from_level_after),
    stock.TransferReceived.DESCRIPTOR.full_name: _level_updater("received_at", lambda m: m.to_warehouse_id,
                                                                lambda m: m.to_level_after),
    stock.LowStockDetected.DESCRIPTOR.full_name: low_stock_detected,
    availability.AvailabilityChanged.DESCRIPTOR.full_name: availability_changed,
    catalogue.ProductCatalogued.DESCRIPTOR.full_name: product_catalogued,
    reservations.ReservationMade.DESCRIPTOR.full_name: _on_order_timeline(
        "reserved_at", lambda m: f"in {_warehouses(m.allocations)}"),
    reservations.ReservationFailed.DESCRIPTOR.full_name: _on_order_timeline(
        "failed_at", lambda m: enum_name(ReservationFailureReason, m.reason)),
    reservations.ReservationReleased.DESCRIPTOR.full_name: _on_order_timeline(
        "released_at", lambda m: enum_name(ReleaseReason, m.reason)),
    reservations.ReservationConsumed.DESCRIPTOR.full_name: _on_order_timeline(
        "consumed_at", lambda m: f"by shipment {m.shipment_id}"),
    reservations.ReservationExpired.DESCRIPTOR.full_name: _on_order_timeline("expired_at", lambda m: None),
    reservations.Backordered.DESCRIPTOR.full_name: _on_order_timeline(
        "backordered_at", lambda m: ", ".join(f"{b.line.sku} x{b.line.quantity}" for b in m.lines) or None),
    reservations.ReturnedItemsRestocked.DESCRIPTOR.full_name: _on_order_timeline(
        "restocked_at", lambda m: f"into {m.warehouse_id}"),
}
