"""What the order service asks of inventory, in domain terms: one command per message of
oms.inventory.commands.v1, translated at the Kafka edge (`adapters/commands.py`)."""

from __future__ import annotations

from dataclasses import dataclass

from services.inventory.domain.sourcing import Destination, Preference, RequestedLine


@dataclass(frozen=True)
class ReservationRequest:
    """ReserveStock: reserve these lines for the order, sourced for the destination."""

    reservation_id: str
    order_id: str
    split_part_id: str
    lines: tuple[RequestedLine, ...]
    destination: Destination
    preference: Preference = Preference()


@dataclass(frozen=True)
class ReleaseRequest:
    """ReleaseReservation: give back these lines of the reservation (none named: all it holds)."""

    reservation_id: str
    reason: str  # a release reason code, "order_cancelled"; "unspecified" when the sender gave none
    lines: tuple[RequestedLine, ...] = ()


@dataclass(frozen=True)
class ConsumptionRequest:
    """ConsumeReservation: a shipment left this warehouse with these lines (none named: all it holds there)."""

    reservation_id: str
    shipment_id: str
    warehouse_id: str
    lines: tuple[RequestedLine, ...] = ()
