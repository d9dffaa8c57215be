"""Inventory's domain errors as problem details: which refusal is which status, naming the fields."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from eventsourcing.persistence import IntegrityError

from oms_kernel.money import InvalidAmount
from oms_platform.http import Conflict, FieldError, UnprocessableContent
from services.inventory.domain import errors


@contextmanager
def refusals_as_problems(location: str = "body") -> Iterator[None]:
    """Run a command; turn what the domain refuses into the matching problem."""
    try:
        yield
    except errors.StockBelowReserved as refused:
        raise Conflict(str(refused), slug="stock-below-reserved",
                       extensions={"reserved": refused.reserved}) from None
    except errors.ReceiptReferenceReused as refused:
        raise Conflict(str(refused), slug="receipt-reference-reused") from None
    except InvalidAmount as refused:
        # A price that is not an amount (the request schema lets none through; this keeps it a 422).
        price = FieldError("unit_price", "invalid", str(refused), location)
        raise UnprocessableContent(str(refused), [price]) from None
    except IntegrityError:
        # Still losing the race after several retries: the client may simply try again.
        raise Conflict("the stock changed concurrently; try again", slug="concurrent-update") from None
    except errors.InventoryError as refused:
        field_errors = _field_errors(refused, location)
        if not field_errors:
            raise
        raise UnprocessableContent(str(refused), field_errors) from None


def _field_errors(error: errors.InventoryError, location: str) -> list[FieldError]:
    if isinstance(error, errors.InvalidStockRequest):
        return [e for inner in error.errors for e in _field_errors(inner, location)]
    if isinstance(error, errors.UnknownWarehouse):
        return [FieldError("warehouse_id", "unknown_warehouse", str(error), location)]
    if isinstance(error, errors.UnknownProduct):
        return [FieldError("sku", "unknown_sku", str(error), location)]
    if isinstance(error, (errors.InvalidListing, errors.InvalidQuantity)):
        return [FieldError(error.field, "invalid", error.message, location)]
    return []
