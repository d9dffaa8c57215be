"""The commands fulfillment takes from the order service, in domain values only.

The Kafka entrypoint (`entrypoints/kafka.py`) translates the contract's messages on
oms.fulfillment.commands.v1 into these (through `adapters/commands.py`); the application's
handlers (`application/handlers.py`) carry them out without knowing about protobuf or Kafka.
"""

from __future__ import annotations

from dataclasses import dataclass

from services.fulfillment.domain.values import ShipmentPlan


@dataclass(frozen=True)
class ShipmentToCreate:
    shipment_id: str  # canonical (lower-case) UUID text
    plan: ShipmentPlan


@dataclass(frozen=True)
class CreateShipments:
    """One shipment per warehouse of an order's allocation, each with its pick list."""

    order_id: str
    shipments: tuple[ShipmentToCreate, ...]


@dataclass(frozen=True)
class CancelShipment:
    shipment_id: str
    order_id: str  # "" when the sender did not name the order: then any order's shipment
    reason: str
