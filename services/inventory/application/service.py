from oms_platform.store import ServiceApplication


class InventoryApplication(ServiceApplication):
    """The inventory service's event-sourced store and its commands."""
