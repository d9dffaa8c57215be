"""Wires the ledger service: its store, what it publishes and consumes, and its HTTP routes."""

from oms_platform.service import ServiceDefinition
from services.ledger.application.service import LedgerApplication
from services.ledger.settings import LedgerSettings


def definition() -> ServiceDefinition:
    return ServiceDefinition(
        settings_class=LedgerSettings,
        application_class=LedgerApplication,
        description="The ledger service.",
    )
