"""The order service's application: its store, the review policy, and the staff's commands."""

from __future__ import annotations

import uuid
from typing import Any

from eventsourcing.application import AggregateNotFoundError
from eventsourcing.persistence import JSONTranscoder

from oms_kernel.money import Money
from oms_platform.store import ServiceApplication
from oms_platform.store.conflicts import retry_on_conflict
from services.order.application.order_index import OrderIndex, OrderSummary
from services.order.application.transcodings import register_legacy_money, register_values
from services.order.domain.order import Order
from services.order.domain.reasons import CancellationReason, ChangeSource, HoldReason
from services.order.domain.review import ReviewPolicy
from services.order.domain.status import OrderStatus
from services.order.domain.values import Actor, Address, Contact
from services.order.settings import OrderSettings


class OrderNotFound(Exception):
    def __init__(self, order_id: str):
        super().__init__(f"order {order_id} is not known")
        self.order_id = order_id


def review_policy(settings: OrderSettings) -> ReviewPolicy:
    limit = Money(settings.review_cod_limit_currency, settings.review_cod_limit_minor_units)
    return ReviewPolicy(settings.review_rules_version, settings.review_max_line_quantity, limit)


class OrderApplication(ServiceApplication):
    """The order service's event-sourced store and its commands."""

    def __init__(self, env: Any = None):
        super().__init__(env)
        # The runtime builds the application from the store settings alone; the review thresholds
        # come from the same environment the service's settings are read from.
        self.review_policy = review_policy(OrderSettings.load())
        self.index = OrderIndex(self)

    def register_transcodings(self, transcoder: JSONTranscoder) -> None:
        register_legacy_money(transcoder)  # before the platform's Money, which then writes new events
        super().register_transcodings(transcoder)
        register_values(transcoder)

    def find_order(self, order_id: str | uuid.UUID) -> Order | None:
        try:
            return self.repository.get(uuid.UUID(str(order_id)))
        except (AggregateNotFoundError, ValueError):
            return None

    def order(self, order_id: str | uuid.UUID) -> Order:
        order = self.find_order(order_id)
        if order is None:
            raise OrderNotFound(str(order_id))
        return order

    def orders(self, status: OrderStatus | None, limit: int) -> list[OrderSummary]:
        return self.index.orders(status, limit)

    @retry_on_conflict
    def cancel(self, order_id: uuid.UUID, reason: CancellationReason, detail: str, actor: Actor) -> Order:
        order = self.order(order_id)
        order.cancel(reason, detail, actor)
        self.record(order)
        return order

    @retry_on_conflict
    def approve(self, order_id: uuid.UUID, actor: Actor) -> Order:
        order = self.order(order_id)
        order.approve(actor)
        self.record(order)
        return order

    @retry_on_conflict
    def hold(self, order_id: uuid.UUID, reason: HoldReason, detail: str, actor: Actor) -> Order:
        order = self.order(order_id)
        order.put_on_hold(reason, detail, actor)
        self.record(order)
        return order

    @retry_on_conflict
    def release(self, order_id: uuid.UUID, note: str, actor: Actor) -> Order:
        order = self.order(order_id)
        order.release(actor, note, self.review_policy)
        self.record(order)
        return order

    @retry_on_conflict
    def change_address(self, order_id: uuid.UUID, address: Address, contact: Contact | None,
                       actor: Actor) -> Order:
        order = self.order(order_id)
        order.change_address(address, contact, ChangeSource.STAFF, actor)
        self.record(order)
        return order
