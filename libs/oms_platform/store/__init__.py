"""Each service's own event-sourced store, on the eventsourcing library."""

from oms_platform.store.application import ServiceApplication, StoredMessageMeta
from oms_platform.store.factory import open_application, store_environment

__all__ = ["ServiceApplication", "StoredMessageMeta", "open_application", "store_environment"]
