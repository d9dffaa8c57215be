"""What the inventory refuses, by name: the entry points decide what each means to a client."""

from __future__ import annotations


class InventoryError(Exception):
    """Base of every rule the inventory domain enforces."""


class InvalidListing(InventoryError):
    """A catalogue entry that cannot be sold as given (empty name, negative price...)."""

    def __init__(self, field: str, message: str):
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


class UnknownProduct(InventoryError):
    def __init__(self, sku: str):
        super().__init__(f"SKU {sku!r} is not in the catalogue")
        self.sku = sku


class UnknownWarehouse(InventoryError):
    def __init__(self, warehouse_id: str):
        super().__init__(f"warehouse {warehouse_id!r} is not one of the configured warehouses")
        self.warehouse_id = warehouse_id


class InvalidQuantity(InventoryError):
    """A quantity that makes no sense for the command (zero receipt, negative count)."""

    def __init__(self, field: str, message: str):
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


class StockBelowReserved(InventoryError):
    """On-hand stock may never fall below what is already promised to orders."""

    def __init__(self, sku: str, warehouse_id: str, on_hand_after: int, reserved: int):
        super().__init__(
            f"{sku}@{warehouse_id}: on hand would be {on_hand_after}, below the {reserved} reserved"
        )
        self.on_hand_after = on_hand_after
        self.reserved = reserved


class InsufficientStock(InventoryError):
    def __init__(self, sku: str, warehouse_id: str, requested: int, available: int):
        super().__init__(f"{sku}@{warehouse_id}: {requested} requested, {available} available")


class ReceiptReferenceReused(InventoryError):
    """A receipt reference identifies one receipt; the same one with another quantity is a mistake."""

    def __init__(self, reference: str, booked_quantity: int):
        super().__init__(f"receipt {reference!r} was already booked with quantity {booked_quantity}")
        self.reference = reference
        self.booked_quantity = booked_quantity


class ReservationNotFound(InventoryError):
    def __init__(self, reservation_id: str):
        super().__init__(f"reservation {reservation_id!r} does not exist")
        self.reservation_id = reservation_id


class ReservationMismatch(InventoryError):
    """A release or consumption that does not fit what the reservation still holds."""


class InvalidStockRequest(InventoryError):
    """Several inputs of one stock command are unknown at once; each is reported."""

    def __init__(self, errors: list[InventoryError]):
        super().__init__("; ".join(str(error) for error in errors))
        self.errors = tuple(errors)
