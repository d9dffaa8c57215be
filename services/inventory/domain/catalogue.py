"""The product catalogue: what can be sold, at what price, and when stock runs low (V4)."""

from __future__ import annotations

import uuid
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from eventsourcing.domain import Aggregate, event

from oms_kernel.money import Money
from services.inventory.domain.errors import InvalidListing

PRODUCT_NAMESPACE = uuid.UUID("1d7b5e0a-4c2f-4a8e-9b61-3f0e7c2d9a15")
CATALOGUE_ID = uuid.uuid5(PRODUCT_NAMESPACE, "the catalogue")


@dataclass(frozen=True)
class Listing:
    """How a product is offered: everything a catalogue entry says besides its SKU."""

    name: str
    unit_price: Money
    category: str
    weight_grams: int
    active: bool
    safety_stock: int

    def check(self) -> None:
        if not self.name.strip():
            raise InvalidListing("name", "must not be empty")
        # The currency is an ISO 4217 code: Money refuses anything else.
        if self.unit_price.is_negative:
            raise InvalidListing("unit_price.minor_units", "must not be negative")
        if self.weight_grams < 0:
            raise InvalidListing("weight_grams", "must not be negative")
        if self.safety_stock < 0:
            raise InvalidListing("safety_stock", "must not be negative")

    def as_event_data(self) -> dict[str, Any]:
        data = asdict(self)
        price = data.pop("unit_price")
        return {**data, "currency": price["currency"], "unit_price_minor_units": price["minor_units"]}


class Product(Aggregate):
    """One SKU of the catalogue; its events carry the whole listing, as ingest needs it."""

    if TYPE_CHECKING:
        # Made at run time by the `@event` decorators below, with the decorated method's
        # parameters as fields; declared for the type checker (tests/services/
        # test_declared_events.py keeps the declarations in step with them).
        class Catalogued(Aggregate.Created): ...
        class ListingChanged(Aggregate.Event): ...

    @staticmethod
    def create_id(sku: str) -> uuid.UUID:
        return uuid.uuid5(PRODUCT_NAMESPACE, f"product:{sku}")

    @classmethod
    def catalogue(cls, sku: str, listing: Listing) -> Product:
        if not sku.strip():
            raise InvalidListing("sku", "must not be empty")
        listing.check()
        return cls(sku=sku, **listing.as_event_data())

    @event("Catalogued")
    def __init__(self, sku: str, name: str, currency: str, unit_price_minor_units: int, category: str,
                 weight_grams: int, active: bool, safety_stock: int):
        self.sku = sku
        self._apply_listing(name, currency, unit_price_minor_units, category, weight_grams, active, safety_stock)

    @property
    def listing(self) -> Listing:
        return self._listing

    def change_listing(self, listing: Listing) -> bool:
        """Change what the catalogue says; False (and no event) when nothing differs."""
        listing.check()
        if listing == self._listing:
            return False
        self._listing_changed(sku=self.sku, **listing.as_event_data())
        return True

    @event("ListingChanged")
    def _listing_changed(self, sku: str, name: str, currency: str, unit_price_minor_units: int, category: str,
                         weight_grams: int, active: bool, safety_stock: int) -> None:
        self._apply_listing(name, currency, unit_price_minor_units, category, weight_grams, active, safety_stock)

    def _apply_listing(self, name: str, currency: str, unit_price_minor_units: int, category: str,
                       weight_grams: int, active: bool, safety_stock: int) -> None:
        self._listing = Listing(name, Money(currency, unit_price_minor_units), category, weight_grams,
                                active, safety_stock)


class Catalogue(Aggregate):
    """The list of every SKU ever catalogued, so the catalogue can be listed without a scan."""

    @staticmethod
    def create_id() -> uuid.UUID:
        return CATALOGUE_ID

    @event("Opened")
    def __init__(self) -> None:
        self.skus: list[str] = []

    @event("SkuAdded")
    def add(self, sku: str) -> None:
        self.skus.append(sku)
