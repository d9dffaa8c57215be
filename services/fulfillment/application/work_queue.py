"""The warehouse work queue (F5): shipments by priority, then age, kept in memory.

It follows the store's notification log, reloading each shipment that changed since the last
read, so a query sees every command recorded before it without a second database to keep in step.
"""

from __future__ import annotations

import threading
import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING

from services.fulfillment.domain.shipment import Shipment, ShipmentStatus

if TYPE_CHECKING:
    from services.fulfillment.application.service import FulfillmentApplication

CATCH_UP_BATCH = 500


@dataclass(frozen=True)
class QueueFilter:
    order_id: str | None = None
    status: ShipmentStatus | None = None
    warehouse_id: str | None = None

    def matches(self, shipment: Shipment) -> bool:
        return (
            (self.order_id is None or shipment.plan.order_id == self.order_id)
            and (self.status is None or shipment.status is self.status)
            and (self.warehouse_id is None or shipment.plan.warehouse_id == self.warehouse_id)
        )


class WorkQueue:
    def __init__(self, app: FulfillmentApplication) -> None:
        self._app = app
        self._position = 0
        self._shipments: dict[uuid.UUID, Shipment] = {}
        self._lock = threading.Lock()

    def select(self, wanted: QueueFilter, limit: int) -> list[Shipment]:
        """Matching shipments, the highest priority first and, within one priority, the oldest."""
        with self._lock:
            self._catch_up()
            matching = [shipment for shipment in self._shipments.values() if wanted.matches(shipment)]
        matching.sort(key=lambda shipment: (-shipment.plan.priority, shipment.created_on))
        return matching[:limit]

    def _catch_up(self) -> None:
        while batch := self._app.notifications_after(self._position, CATCH_UP_BATCH):
            for originator_id in {notification.originator_id for notification in batch}:
                shipment = self._app.repository.get(originator_id)
                if isinstance(shipment, Shipment):
                    self._shipments[shipment.id] = shipment
            self._position = batch[-1].id
