"""Wires the inventory service: its store, what it publishes and consumes, and its HTTP routes."""

from oms_platform.service import ServiceDefinition
from services.inventory.adapters.publications import publications
from services.inventory.application.service import InventoryApplication
from services.inventory.entrypoints.http import router
from services.inventory.entrypoints.kafka import HANDLERS
from services.inventory.settings import InventorySettings


def definition() -> ServiceDefinition:
    return ServiceDefinition(
        settings_class=InventorySettings,
        application_class=InventoryApplication,
        description=(
            "Inventory: the product catalogue, stock per SKU per warehouse (receipts, adjustments, "
            "cycle counts), atomic reservations with nearest-warehouse sourcing, low-stock alerts and "
            "the available-to-sell feed."
        ),
        publications=publications,
        handlers=HANDLERS,
        routers=[router],
    )
