from oms_platform.store import ServiceApplication


class IngestApplication(ServiceApplication):
    """The ingest service's event-sourced store and its commands."""
