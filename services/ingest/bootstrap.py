"""Wires the ingest service: its store, what it publishes and consumes, and its HTTP routes."""

from oms_platform.service import ServiceDefinition
from services.ingest.adapters.publications import publications
from services.ingest.application.service import IngestApplication
from services.ingest.entrypoints.http import router
from services.ingest.entrypoints.kafka import HANDLERS
from services.ingest.settings import IngestSettings


def definition() -> ServiceDefinition:
    return ServiceDefinition(
        settings_class=IngestSettings,
        application_class=IngestApplication,
        description=(
            "One order pool from every channel: validates channel orders from adapters (Kafka) and "
            "forms or staff (HTTP), accepts them with an order number or rejects them with every "
            "reason, and applies later channel updates."
        ),
        publications=publications,
        handlers=HANDLERS,
        routers=[router],
    )
