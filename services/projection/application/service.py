from oms_platform.store import ServiceApplication


class ProjectionApplication(ServiceApplication):
    """The projection service's event-sourced store and its commands."""
