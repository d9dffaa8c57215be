"""Wires the fulfillment service: its store, what it publishes and consumes, and its HTTP routes."""

from oms_platform.service import ServiceDefinition
from services.fulfillment.adapters.publications import publications
from services.fulfillment.application.service import FulfillmentApplication
from services.fulfillment.entrypoints.http import router, waves
from services.fulfillment.entrypoints.kafka import HANDLERS
from services.fulfillment.settings import FulfillmentSettings


def definition() -> ServiceDefinition:
    return ServiceDefinition(
        settings_class=FulfillmentSettings,
        application_class=FulfillmentApplication,
        description="Shipments from allocations: pick lists, pick, pack with a quality check, carrier choice, "
                    "tracking numbers and the outbound scan (F1-F3, F5).",
        publications=publications,
        handlers=HANDLERS,
        routers=[router, waves],
    )
