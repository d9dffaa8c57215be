"""Orders by status, for the review queue: a small read model kept beside the store.

It follows the store's notification log from where it last stopped and reloads the orders that
changed, so a query sees everything recorded before it, and a restart rebuilds it from the log.
"""

from __future__ import annotations

import threading
import uuid
from dataclasses import dataclass
from datetime import datetime

from oms_kernel.money import Money
from oms_platform.store import ServiceApplication
from services.order.domain.order import Order
from services.order.domain.status import OrderStatus
from services.order.domain.values import Hold

BATCH = 500


@dataclass(frozen=True)
class OrderSummary:
    order_id: str
    order_number: str
    status: OrderStatus
    status_since: datetime
    channel: str
    customer_name: str
    order_total: Money
    hold: Hold | None

    @classmethod
    def of(cls, order: Order) -> OrderSummary:
        return cls(order.order_id, order.order_number, order.status, order.history[-1].at,
                   order.placement.channel, order.placement.customer_name, order.order_total, order.hold)


class OrderIndex:
    def __init__(self, app: ServiceApplication):
        self._app = app
        self._position = 0
        self._summaries: dict[uuid.UUID, OrderSummary] = {}
        self._lock = threading.Lock()

    def orders(self, status: OrderStatus | None, limit: int) -> list[OrderSummary]:
        """Orders in the status (all when None), longest in it first."""
        with self._lock:
            self._catch_up()
            found = [s for s in self._summaries.values() if status is None or s.status == status]
        return sorted(found, key=lambda s: s.status_since)[:limit]

    def _catch_up(self) -> None:
        changed: set[uuid.UUID] = set()
        while notifications := self._app.notifications_after(self._position, BATCH):
            changed.update(uuid.UUID(str(n.originator_id)) for n in notifications)
            self._position = notifications[-1].id
        for order_id in changed:
            order: Order = self._app.repository.get(order_id)
            self._summaries[order_id] = OrderSummary.of(order)
