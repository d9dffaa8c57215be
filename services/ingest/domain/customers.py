"""The customer an order belongs to, until cross-channel matching (I4) refines it.

The id is derived from the buyer's normalised contact points, so the same phone number is the same
customer in every channel.
"""

from __future__ import annotations

import uuid

from services.ingest.domain.reported_order import ReportedOrder

_CUSTOMER_NAMESPACE = uuid.UUID("c1f2a8d4-7e36-4b90-a5d2-3e9b8c4f1a67")


def customer_id_for(order: ReportedOrder) -> str:
    """For a validated order: by phone, else e-mail, else the recipient's phone."""
    address_phone = order.shipping_address.phone if order.shipping_address else ""
    if order.contact.phone:
        key = f"phone:{order.contact.phone}"
    elif order.contact.email:
        key = f"email:{order.contact.email}"
    else:
        key = f"phone:{address_phone}"
    return str(uuid.uuid5(_CUSTOMER_NAMESPACE, key))
