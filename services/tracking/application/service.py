from oms_platform.store import ServiceApplication


class TrackingApplication(ServiceApplication):
    """The tracking service's event-sourced store and its commands."""
