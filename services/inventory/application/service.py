"""The inventory application: catalogue and stock commands, and the reservation steps of V2."""

from __future__ import annotations

from typing import Any, ClassVar, Literal

from eventsourcing.application import AggregateNotFoundError

from oms_platform.store import ServiceApplication
from oms_platform.store.conflicts import retry_on_conflict
from services.inventory.application.commands import ReservationRequest
from services.inventory.application.stock_changes import StockChanges
from services.inventory.domain.availability import SkuAvailability
from services.inventory.domain.catalogue import Catalogue, Listing, Product
from services.inventory.domain.errors import (
    InvalidStockRequest,
    InventoryError,
    ReservationNotFound,
    UnknownProduct,
    UnknownWarehouse,
)
from services.inventory.domain.reservation import Reservation
from services.inventory.domain.sourcing import (
    INSUFFICIENT_STOCK,
    RequestedLine,
    Unfillable,
    source,
)
from services.inventory.domain.stock import (
    AdjustmentReason,
    ReceiptKind,
    StockItem,
    StockLevel,
)
from services.inventory.domain.warehouses import WAREHOUSE_IDS, check_warehouse

UNKNOWN_SKU = "unknown_sku"
CatalogueOutcome = Literal["created", "changed", "unchanged"]


class InventoryApplication(ServiceApplication):
    """The inventory service's event-sourced store and its commands."""

    # Stock per SKU and warehouse, its availability and the catalogue's SKU list change with every
    # order for as long as the business runs: loaded after a restart or a cache eviction, each
    # replays at most this many events after its latest snapshot.
    snapshotting_intervals: ClassVar[dict[type[Any], int]] = {StockItem: 100, SkuAvailability: 100, Catalogue: 100}

    # --- catalogue ---------------------------------------------------------------------------

    @retry_on_conflict
    def catalogue_product(self, sku: str, listing: Listing) -> tuple[Product, CatalogueOutcome]:
        product = self._find(Product.create_id(sku))
        if product is not None:
            changed = product.change_listing(listing)
            if changed:
                self.record(product)
            return product, "changed" if changed else "unchanged"
        product = Product.catalogue(sku, listing)
        catalogue = self._find(Catalogue.create_id()) or Catalogue()
        catalogue.add(sku)
        self.record(product, catalogue)
        return product, "created"

    def product(self, sku: str) -> Product:
        product = self._find(Product.create_id(sku))
        if product is None:
            raise UnknownProduct(sku)
        return product

    def products(self) -> list[Product]:
        catalogue = self._find(Catalogue.create_id())
        return [self.product(sku) for sku in catalogue.skus] if catalogue else []

    def safety_stock(self, sku: str) -> int:
        product = self._find(Product.create_id(sku))
        return product.listing.safety_stock if product else 0

    # --- stock -------------------------------------------------------------------------------

    @retry_on_conflict
    def receive_stock(self, sku: str, warehouse_id: str, quantity: int, reference: str,
                      kind: ReceiptKind = ReceiptKind.PURCHASE) -> tuple[StockItem, bool]:
        """Book a receipt; the flag is False when the reference was booked before."""
        changes = self._stock_changes()
        item = changes.item(*self._stocked(sku, warehouse_id))
        booked = item.receive(quantity, reference, kind)
        self.record(*changes.aggregates())
        return item, booked

    @retry_on_conflict
    def adjust_stock(self, sku: str, warehouse_id: str, delta: int, reason: AdjustmentReason,
                     note: str = "") -> StockItem:
        changes = self._stock_changes()
        item = changes.item(*self._stocked(sku, warehouse_id))
        item.adjust(delta, reason, note)
        self.record(*changes.aggregates())
        return item

    @retry_on_conflict
    def count_stock(self, sku: str, warehouse_id: str, counted: int) -> StockItem:
        changes = self._stock_changes()
        item = changes.item(*self._stocked(sku, warehouse_id))
        item.count(counted)
        self.record(*changes.aggregates())
        return item

    def stock_of(self, sku: str) -> dict[str, StockLevel]:
        """The SKU's level in every warehouse, never-stocked ones at zero."""
        self.product(sku)
        changes = self._stock_changes()
        return {w: item.level if (item := changes.existing(sku, w)) else StockLevel(0, 0) for w in WAREHOUSE_IDS}

    def stock_in(self, warehouse_id: str | None = None) -> list[StockItem]:
        """Every stocked SKU, in one warehouse or all of them."""
        warehouses = [check_warehouse(warehouse_id)] if warehouse_id else list(WAREHOUSE_IDS)
        changes = self._stock_changes()
        catalogue = self._find(Catalogue.create_id())
        skus = catalogue.skus if catalogue else []
        return [item for sku in skus for w in warehouses if (item := changes.existing(sku, w))]

    # --- reservations: each returns the aggregates to record with the command's position ------

    def reserve_stock(self, request: ReservationRequest) -> list[Any]:
        reservation = self._find(Reservation.create_id(request.reservation_id))
        if reservation is not None and not reservation.may_source:
            return []  # already made, released or consumed: a repeated command
        reservation = reservation or Reservation.request(
            request.reservation_id, request.order_id, request.split_part_id, request.lines)
        changes = self._stock_changes()
        supply = changes.available({line.sku for line in request.lines}, WAREHOUSE_IDS)
        outcome = source(request.lines, supply, request.destination, request.preference)
        if isinstance(outcome, Unfillable):
            reservation.fail(self._failure_reason(outcome), outcome.shortfalls)
            return [reservation]
        for allocation in outcome.allocations:
            for line in allocation.lines:
                changes.item(line.sku, allocation.warehouse_id).reserve(request.reservation_id, line.quantity)
        reservation.make(outcome)
        return [reservation, *changes.aggregates()]

    def release_reservation(self, reservation_id: str, reason: str,
                            lines: tuple[RequestedLine, ...] = ()) -> list[Any]:
        reservation = self._find(Reservation.create_id(reservation_id))
        if reservation is None:
            return []  # nothing was ever reserved under this id, so nothing to give back
        released = reservation.release(reason, lines)
        changes = self._stock_changes()
        for allocation in released:
            for line in allocation.lines:
                changes.item(line.sku, allocation.warehouse_id).release(reservation_id, line.quantity)
        return [reservation, *changes.aggregates()] if released else []

    def consume_reservation(self, reservation_id: str, shipment_id: str, warehouse_id: str,
                            lines: tuple[RequestedLine, ...] = ()) -> list[Any]:
        reservation = self.reservation(reservation_id)
        consumed = reservation.consume(shipment_id, warehouse_id, lines)
        if consumed is None:
            return []  # this shipment was consumed before
        changes = self._stock_changes()
        for line in consumed.lines:
            changes.item(line.sku, warehouse_id).consume(reservation_id, shipment_id, line.quantity)
        return [reservation, *changes.aggregates()]

    def reservation(self, reservation_id: str) -> Reservation:
        try:
            reservation = self._find(Reservation.create_id(reservation_id))
        except ValueError:  # not a UUID: cannot name any reservation
            reservation = None
        if reservation is None:
            raise ReservationNotFound(reservation_id)
        return reservation

    # --- helpers -----------------------------------------------------------------------------

    def _stock_changes(self) -> StockChanges:
        return StockChanges(self.repository, self.safety_stock)

    def _stocked(self, sku: str, warehouse_id: str) -> tuple[str, str]:
        """Stock is kept only for catalogued SKUs in configured warehouses."""
        errors: list[InventoryError] = []
        if warehouse_id not in WAREHOUSE_IDS:
            errors.append(UnknownWarehouse(warehouse_id))
        if self._find(Product.create_id(sku)) is None:
            errors.append(UnknownProduct(sku))
        if len(errors) > 1:
            raise InvalidStockRequest(errors)
        if errors:
            raise errors[0]
        return sku, warehouse_id

    def _failure_reason(self, outcome: Unfillable) -> str:
        if outcome.reason == INSUFFICIENT_STOCK and any(
            self._find(Product.create_id(s.sku)) is None for s in outcome.shortfalls
        ):
            return UNKNOWN_SKU
        return outcome.reason

    def _find(self, aggregate_id: Any) -> Any:
        try:
            return self.repository.get(aggregate_id)
        except AggregateNotFoundError:
            return None
