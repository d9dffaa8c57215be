"""The order state machine (O1): every status, and the one table of transitions allowed.

A row names the command that may take an order from one status to another. A row whose two
statuses are equal allows a command that keeps the status (a second partial shipment, an address
change). Anything not in the table is refused with IllegalTransition, before anything changes.
"""

from __future__ import annotations

from enum import StrEnum


class OrderStatus(StrEnum):
    RECEIVED = "RECEIVED"
    AWAITING_PAYMENT = "AWAITING_PAYMENT"
    PAID = "PAID"
    UNDER_REVIEW = "UNDER_REVIEW"
    ON_HOLD = "ON_HOLD"
    APPROVED = "APPROVED"
    ALLOCATED = "ALLOCATED"
    IN_FULFILMENT = "IN_FULFILMENT"
    PARTLY_SHIPPED = "PARTLY_SHIPPED"
    SHIPPED = "SHIPPED"
    DELIVERED = "DELIVERED"
    COMPLETED = "COMPLETED"
    CANCELLED = "CANCELLED"
    RETURNED = "RETURNED"
    REFUNDED = "REFUNDED"


S = OrderStatus

# Nothing has left a warehouse yet: the order may still be cancelled or re-addressed (O6).
BEFORE_DISPATCH = (S.RECEIVED, S.AWAITING_PAYMENT, S.PAID, S.UNDER_REVIEW, S.ON_HOLD, S.APPROVED,
                   S.ALLOCATED, S.IN_FULFILMENT)
# Goods have left: a change that needs them at the warehouse comes too late.
AFTER_DISPATCH = (S.PARTLY_SHIPPED, S.SHIPPED, S.DELIVERED, S.COMPLETED, S.RETURNED)

TRANSITIONS: frozenset[tuple[OrderStatus, OrderStatus, str]] = frozenset({
    (S.RECEIVED, S.AWAITING_PAYMENT, "await_payment"),
    (S.RECEIVED, S.PAID, "confirm_payment"),
    (S.AWAITING_PAYMENT, S.PAID, "confirm_payment"),
    # A payment that arrives while the order is held is kept; the order stays held.
    (S.ON_HOLD, S.ON_HOLD, "confirm_payment"),
    # Nothing is due before delivery (cash on delivery, credit terms): review at once.
    (S.RECEIVED, S.UNDER_REVIEW, "start_review"),
    (S.PAID, S.UNDER_REVIEW, "start_review"),
    (S.UNDER_REVIEW, S.APPROVED, "approve"),
    (S.ON_HOLD, S.APPROVED, "approve"),
    # Holds before stock is asked for; later, warehouses are already acting on the order.
    (S.AWAITING_PAYMENT, S.ON_HOLD, "hold"),
    (S.PAID, S.ON_HOLD, "hold"),
    (S.UNDER_REVIEW, S.ON_HOLD, "hold"),
    # Released orders go back to where they were held.
    (S.ON_HOLD, S.AWAITING_PAYMENT, "release"),
    (S.ON_HOLD, S.PAID, "release"),
    (S.ON_HOLD, S.UNDER_REVIEW, "release"),
    (S.ON_HOLD, S.APPROVED, "release"),
    # No stock: the order waits on hold in the review queue.
    (S.APPROVED, S.ON_HOLD, "backorder"),
    (S.APPROVED, S.ALLOCATED, "allocate"),
    (S.ALLOCATED, S.IN_FULFILMENT, "start_fulfilment"),
    (S.IN_FULFILMENT, S.PARTLY_SHIPPED, "ship_partly"),
    (S.PARTLY_SHIPPED, S.PARTLY_SHIPPED, "ship_partly"),
    (S.IN_FULFILMENT, S.SHIPPED, "ship"),
    (S.PARTLY_SHIPPED, S.SHIPPED, "ship"),
    (S.SHIPPED, S.DELIVERED, "deliver"),
    (S.DELIVERED, S.COMPLETED, "complete"),
    # Returns (O7).
    (S.DELIVERED, S.RETURNED, "return"),
    (S.COMPLETED, S.RETURNED, "return"),
    (S.RETURNED, S.REFUNDED, "refund"),
    (S.CANCELLED, S.REFUNDED, "refund"),
    *((status, S.CANCELLED, "cancel") for status in BEFORE_DISPATCH),
    *((status, status, "change_address") for status in BEFORE_DISPATCH),
})


class IllegalTransition(Exception):
    """The order's status does not allow the command; nothing was changed."""

    def __init__(self, current: OrderStatus, target: OrderStatus | None, command: str):
        self.current = current
        self.target = target
        self.command = command
        moving = f" (to {target})" if target is not None and target != current else ""
        super().__init__(f"{command}{moving} is not allowed when the order is {current}")


def check_transition(current: OrderStatus, target: OrderStatus, command: str) -> None:
    if (current, target, command) not in TRANSITIONS:
        raise IllegalTransition(current, target, command)
