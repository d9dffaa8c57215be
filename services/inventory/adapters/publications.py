"""How inventory's domain events become contract messages on its three topics."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from oms.inventory.v1 import (
    availability_events_pb2,
    catalogue_events_pb2,
    inventory_pb2,
    reservation_events_pb2,
    stock_events_pb2,
)
from oms_kernel.money import Money
from oms_platform.contract_values import money_to_contract, timestamp_to_contract
from oms_platform.messaging.relay import Publication
from services.inventory.adapters.contract_values import (
    code_to_contract,
    contract_enum,
    stock_level,
    warehouse_allocation,
)
from services.inventory.domain.availability import SkuAvailability
from services.inventory.domain.catalogue import Product
from services.inventory.domain.reservation import Reservation
from services.inventory.domain.stock import AdjustmentReason, ReceiptKind, StockItem

EVENTS = "oms.inventory.events.v1"
AVAILABILITY = "oms.inventory.availability.v1"


def publications(domain_event: Any) -> Iterable[Publication]:
    translate = _TRANSLATIONS.get(type(domain_event))
    return translate(domain_event) if translate else ()


def _product_catalogued(e: Any) -> list[Publication]:
    unit_price = Money(e.currency, e.unit_price_minor_units)
    return [Publication(EVENTS, e.sku, catalogue_events_pb2.ProductCatalogued(
        sku=e.sku, name=e.name, unit_price=money_to_contract(unit_price), category=e.category,
        weight_grams=e.weight_grams, active=e.active, safety_stock=e.safety_stock,
    ))]


def _stock_received(e: StockItem.Received) -> list[Publication]:
    return [Publication(EVENTS, f"{e.sku}@{e.warehouse_id}", stock_events_pb2.StockReceived(
        sku=e.sku, warehouse_id=e.warehouse_id, quantity=e.quantity, receipt_id=e.receipt_id,
        kind=contract_enum(inventory_pb2.ReceiptKind, ReceiptKind(e.kind)), reference=e.reference,
        level_after=stock_level(e.on_hand, e.reserved), received_at=timestamp_to_contract(e.timestamp),
    ))]


def _stock_adjusted(e: StockItem.Adjusted) -> list[Publication]:
    return [Publication(EVENTS, f"{e.sku}@{e.warehouse_id}", stock_events_pb2.StockAdjusted(
        sku=e.sku, warehouse_id=e.warehouse_id, quantity_delta=e.delta, adjustment_id=e.adjustment_id,
        reason=contract_enum(inventory_pb2.AdjustmentReason, AdjustmentReason(e.reason)), note=e.note,
        level_after=stock_level(e.on_hand, e.reserved), adjusted_at=timestamp_to_contract(e.timestamp),
    ))]


def _stock_counted(e: StockItem.Counted) -> list[Publication]:
    return [Publication(EVENTS, f"{e.sku}@{e.warehouse_id}", stock_events_pb2.StockCounted(
        sku=e.sku, warehouse_id=e.warehouse_id, count_id=e.count_id, counted_quantity=e.counted,
        expected_quantity=e.expected, difference=e.counted - e.expected,
        level_after=stock_level(e.on_hand, e.reserved), counted_at=timestamp_to_contract(e.timestamp),
    ))]


def _availability_changed(e: SkuAvailability.Changed) -> list[Publication]:
    warehouses = [
        inventory_pb2.WarehouseAvailability(warehouse_id=w, on_hand=level["on_hand"], reserved=level["reserved"],
                                            available=level["available"])
        for w, level in sorted(e.warehouses.items())
    ]
    return [Publication(AVAILABILITY, e.sku, availability_events_pb2.AvailabilityChanged(
        sku=e.sku, available_to_sell=sum(w.available for w in warehouses), warehouses=warehouses,
        changed_at=timestamp_to_contract(e.timestamp),
    ))]


def _low_stock_detected(e: SkuAvailability.LowStockDetected) -> list[Publication]:
    return [Publication(EVENTS, f"{e.sku}@{e.warehouse_id}", stock_events_pb2.LowStockDetected(
        sku=e.sku, warehouse_id=e.warehouse_id, available=e.available, safety_stock=e.safety_stock,
        detected_at=timestamp_to_contract(e.timestamp),
    ))]


def _reservation_made(e: Reservation.Made) -> list[Publication]:
    return [Publication(EVENTS, e.order_id, reservation_events_pb2.ReservationMade(
        reservation_id=e.reservation_id, order_id=e.order_id, split_part_id=e.split_part_id,
        allocations=[warehouse_allocation(a) for a in e.allocations], sourcing_rule_id=e.sourcing_rule,
        reserved_at=timestamp_to_contract(e.timestamp),
    ))]


def _reservation_failed(e: Reservation.Failed) -> list[Publication]:
    shortfalls = [inventory_pb2.LineShortfall(**s) for s in e.shortfalls]
    return [Publication(EVENTS, e.order_id, reservation_events_pb2.ReservationFailed(
        reservation_id=e.reservation_id, order_id=e.order_id, split_part_id=e.split_part_id,
        reason=code_to_contract(inventory_pb2.ReservationFailureReason, e.reason),
        shortfalls=shortfalls, failed_at=timestamp_to_contract(e.timestamp),
    ))]


def _reservation_released(e: Reservation.Released) -> list[Publication]:
    return [Publication(EVENTS, e.order_id, reservation_events_pb2.ReservationReleased(
        reservation_id=e.reservation_id, order_id=e.order_id,
        reason=code_to_contract(inventory_pb2.ReleaseReason, e.reason),
        released=[warehouse_allocation(a) for a in e.released], released_at=timestamp_to_contract(e.timestamp),
    ))]


def _reservation_consumed(e: Reservation.Consumed) -> list[Publication]:
    return [Publication(EVENTS, e.order_id, reservation_events_pb2.ReservationConsumed(
        reservation_id=e.reservation_id, order_id=e.order_id, shipment_id=e.shipment_id,
        consumed=warehouse_allocation(e.consumed), consumed_at=timestamp_to_contract(e.timestamp),
    ))]


# Events not listed (registrations, stock reserved/released/consumed per item) publish nothing of
# their own: the reservation's events and the availability feed already say it.
_TRANSLATIONS: dict[type, Callable[[Any], list[Publication]]] = {
    Product.Catalogued: _product_catalogued,
    Product.ListingChanged: _product_catalogued,
    StockItem.Received: _stock_received,
    StockItem.Adjusted: _stock_adjusted,
    StockItem.Counted: _stock_counted,
    SkuAvailability.Changed: _availability_changed,
    SkuAvailability.LowStockDetected: _low_stock_detected,
    Reservation.Made: _reservation_made,
    Reservation.Failed: _reservation_failed,
    Reservation.Released: _reservation_released,
    Reservation.Consumed: _reservation_consumed,
}
