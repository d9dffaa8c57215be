"""Wires the ingest service: its store, what it publishes and consumes, and its HTTP routes."""

from oms_platform.service import ServiceDefinition
from services.ingest.application.service import IngestApplication
from services.ingest.settings import IngestSettings


def definition() -> ServiceDefinition:
    return ServiceDefinition(
        settings_class=IngestSettings,
        application_class=IngestApplication,
        description="The ingest service.",
    )
