"""Wires the tracking service: its store, what it publishes and consumes, and its HTTP routes."""

from oms_platform.service import ServiceDefinition
from services.tracking.application.service import TrackingApplication
from services.tracking.settings import TrackingSettings


def definition() -> ServiceDefinition:
    return ServiceDefinition(
        settings_class=TrackingSettings,
        application_class=TrackingApplication,
        description="The tracking service.",
    )
