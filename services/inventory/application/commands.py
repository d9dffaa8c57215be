"""What the order service asks of inventory, in domain terms (translated from the contracts)."""

from __future__ import annotations

from dataclasses import dataclass

from services.inventory.domain.sourcing import Destination, Preference, RequestedLine


@dataclass(frozen=True)
class ReservationRequest:
    reservation_id: str
    order_id: str
    split_part_id: str
    lines: tuple[RequestedLine, ...]
    destination: Destination
    preference: Preference = Preference()
