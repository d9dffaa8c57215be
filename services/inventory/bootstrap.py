"""Wires the inventory service: its store, what it publishes and consumes, and its HTTP routes."""

from oms_platform.service import ServiceDefinition
from services.inventory.application.service import InventoryApplication
from services.inventory.settings import InventorySettings


def definition() -> ServiceDefinition:
    return ServiceDefinition(
        settings_class=InventorySettings,
        application_class=InventoryApplication,
        description="The inventory service.",
    )
