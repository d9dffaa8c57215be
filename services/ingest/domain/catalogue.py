"""The product catalogue as ingest knows it: the only source of "known SKU" and "catalogue price".

Kept from inventory's ProductCatalogued messages, one CatalogueEntry per SKU.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from eventsourcing.domain import Aggregate, event

from oms_kernel.money import Money

_CATALOGUE_NAMESPACE = uuid.UUID("5d0c6a8e-4b21-4f7e-9c3a-2e8f1b6d7a90")


@dataclass(frozen=True)
class ListedProduct:
    """What validation needs to know about a SKU."""

    sku: str
    name: str
    unit_price: Money
    active: bool


class CatalogueEntry(Aggregate):
    @staticmethod
    def create_id(sku: str) -> uuid.UUID:
        return uuid.uuid5(_CATALOGUE_NAMESPACE, sku)

    @event("Catalogued")
    def __init__(self, sku: str, name: str, unit_price: Money, active: bool) -> None:
        self.sku = sku
        self.listing = ListedProduct(sku, name, unit_price, active)

    def revise(self, name: str, unit_price: Money, active: bool) -> None:
        """Take the catalogue's newest word on this SKU; the same word again changes nothing."""
        if self.listing != ListedProduct(self.sku, name, unit_price, active):
            self._revised(name, unit_price, active)

    @event("Revised")
    def _revised(self, name: str, unit_price: Money, active: bool) -> None:
        self.listing = ListedProduct(self.sku, name, unit_price, active)
