"""Wires the order service: its store, what it publishes and consumes, and its HTTP routes."""

from oms_platform.service import ServiceDefinition
from services.order.adapters.publications import publications
from services.order.application.service import OrderApplication
from services.order.entrypoints.http import router
from services.order.entrypoints.kafka import HANDLERS
from services.order.settings import OrderSettings


def definition() -> ServiceDefinition:
    return ServiceDefinition(
        settings_class=OrderSettings,
        application_class=OrderApplication,
        description=(
            "Orders from acceptance to completion: the state machine (O1), automatic review with a "
            "manual review queue (O3), cancellation and address changes (O6), and the process "
            "manager that asks inventory for stock and fulfillment for shipments."
        ),
        publications=publications,
        handlers=HANDLERS,
        routers=[router],
    )
