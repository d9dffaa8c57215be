"""Wires the tracking service: its store, what it publishes and consumes, and its HTTP routes."""

from oms_platform.service import ServiceDefinition
from services.tracking.adapters.publications import publications
from services.tracking.application.service import TrackingApplication
from services.tracking.entrypoints.http import router
from services.tracking.entrypoints.kafka import HANDLERS
from services.tracking.settings import TrackingSettings


def definition() -> ServiceDefinition:
    return ServiceDefinition(
        settings_class=TrackingSettings,
        application_class=TrackingApplication,
        description=(
            "Order timelines of the nine checkpoints (T2) from upstream events, carrier webhooks "
            "and manual entry (T1); publishes CheckpointRecorded, CarrierEventReceived and "
            "ShipmentDelivered."
        ),
        publications=publications,
        handlers=HANDLERS,
        routers=[router],
    )
