"""What the Kafka entrypoint asks of the application, in domain terms (no protobuf, no envelope).

`entrypoints/kafka.py` translates each consumed contract message into one of these; the handlers
of `application/handlers.py` carry them out.
"""

from __future__ import annotations

from dataclasses import dataclass

from oms_kernel.money import Money
from services.ingest.domain.delivery import Delivery
from services.ingest.domain.reported_order import ChannelOrderRef, ChannelOrderUpdate, ReportedOrder
from services.ingest.domain.validation import UnreadableAmount


@dataclass(frozen=True)
class TakeChannelOrder:
    """A channel adapter reported a channel order (ChannelOrderPlaced)."""

    order: ReportedOrder
    # How it arrived: the envelope's event id and bytes, so a rejection shows staff what was sent.
    delivery: Delivery
    unreadable: tuple[UnreadableAmount, ...] = ()


@dataclass(frozen=True)
class ApplyChannelUpdate:
    """A channel adapter reported a change to a channel order (ChannelOrderUpdated)."""

    channel_order: ChannelOrderRef
    update: ChannelOrderUpdate
    delivery: Delivery
    unreadable: tuple[UnreadableAmount, ...] = ()


@dataclass(frozen=True)
class CatalogueProduct:
    """Inventory's newest word on a SKU (ProductCatalogued): its name, price and whether it sells."""

    sku: str
    name: str
    unit_price: Money
    active: bool
