"""Wires the projection service: its store, what it publishes and consumes, and its HTTP routes."""

from oms_platform.service import ServiceDefinition
from services.projection.application.service import ProjectionApplication
from services.projection.settings import ProjectionSettings


def definition() -> ServiceDefinition:
    return ServiceDefinition(
        settings_class=ProjectionSettings,
        application_class=ProjectionApplication,
        description="The projection service.",
    )
