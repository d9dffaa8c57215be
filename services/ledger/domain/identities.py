"""Deterministic ids: the same business fact always gets the same id, so it is booked once.

An entry's id derives from the order, the posting rule and the upstream event it was posted for,
so a redelivered event can never post a second entry even if it slipped past the consumer's
tracking; a payment's id derives from its reference at the gateway or channel.
"""

from __future__ import annotations

import uuid

LEDGER_NAMESPACE = uuid.UUID("5a0e7c2d-9b41-4e8f-a6d3-2c7b1f9e0d58")


def order_account_id(order_id: str) -> uuid.UUID:
    return uuid.uuid5(LEDGER_NAMESPACE, f"order-account:{order_id}")


def entry_id_for(order_id: str, rule: str, source_event_id: str, part: str = "") -> str:
    return str(uuid.uuid5(LEDGER_NAMESPACE, f"entry:{order_id}:{rule}:{source_event_id}:{part}"))


def payment_id_for(order_id: str, reference: str) -> str:
    return str(uuid.uuid5(LEDGER_NAMESPACE, f"payment:{order_id}:{reference}"))


def refund_id_for(order_id: str, reason: str) -> str:
    return str(uuid.uuid5(LEDGER_NAMESPACE, f"refund:{order_id}:{reason}"))
