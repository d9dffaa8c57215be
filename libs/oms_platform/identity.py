"""Identities every service derives the same way from what it already knows.

Deterministic ids make intake idempotent by construction (the same channel order is always the
same order) and let a service name another service's aggregate without asking it.
"""

from __future__ import annotations

import uuid

from oms_kernel.ids import name_based_id

ORDER_NAMESPACE = uuid.UUID("0b6f7a52-5d1e-4f1a-9a53-6d2f0c8e4a11")
SHIPMENT_NAMESPACE = uuid.UUID("3c9d2e61-8b4f-4c7e-a0d5-1f6e9b2c7d83")
RESERVATION_NAMESPACE = uuid.UUID("7e1a4c93-2f6b-4d8e-b5c1-9a0d3e6f2b54")


def order_id_for(channel_account: str, channel_order_id: str) -> str:
    return name_based_id(ORDER_NAMESPACE, f"{channel_account}:{channel_order_id}")


def shipment_id_for(order_id: str, warehouse_id: str) -> str:
    return name_based_id(SHIPMENT_NAMESPACE, f"{order_id}:{warehouse_id}")


def reservation_id_for(order_id: str) -> str:
    return name_based_id(RESERVATION_NAMESPACE, order_id)
