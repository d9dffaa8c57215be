from oms_platform.store import ServiceApplication


class OrderApplication(ServiceApplication):
    """The order service's event-sourced store and its commands."""
