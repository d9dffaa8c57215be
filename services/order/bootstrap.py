"""Wires the order service: its store, what it publishes and consumes, and its HTTP routes."""

from oms_platform.service import ServiceDefinition
from services.order.application.service import OrderApplication
from services.order.settings import OrderSettings


def definition() -> ServiceDefinition:
    return ServiceDefinition(
        settings_class=OrderSettings,
        application_class=OrderApplication,
        description="The order service.",
    )
