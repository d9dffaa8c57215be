from oms_platform.store import ServiceApplication


class FulfillmentApplication(ServiceApplication):
    """The fulfillment service's event-sourced store and its commands."""
