from oms_platform.store import ServiceApplication


class ProjectionApplication(ServiceApplication):
    """The projection's event store, which the runtime opens for every service.

    The projection records no events of its own: its state is its query views
    (adapters/view_store.py), rebuilt from the topics whenever they are dropped.
    """
