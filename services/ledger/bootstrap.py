"""Wires the ledger service: its store, what it publishes and consumes, and its HTTP routes."""

from oms_platform.service import ServiceDefinition
from services.ledger.adapters.publications import publications
from services.ledger.application.service import LedgerApplication
from services.ledger.entrypoints.http import router
from services.ledger.entrypoints.kafka import HANDLERS
from services.ledger.settings import LedgerSettings


def definition() -> ServiceDefinition:
    return ServiceDefinition(
        settings_class=LedgerSettings,
        application_class=LedgerApplication,
        description="The ledger: a double-entry journal booked from order events, with payment "
                    "matching, cash on delivery, refunds and a trial balance (L1, L2).",
        publications=publications,
        handlers=HANDLERS,
        routers=[router],
    )
