"""Wires the fulfillment service: its store, what it publishes and consumes, and its HTTP routes."""

from oms_platform.service import ServiceDefinition
from services.fulfillment.application.service import FulfillmentApplication
from services.fulfillment.settings import FulfillmentSettings


def definition() -> ServiceDefinition:
    return ServiceDefinition(
        settings_class=FulfillmentSettings,
        application_class=FulfillmentApplication,
        description="The fulfillment service.",
    )
