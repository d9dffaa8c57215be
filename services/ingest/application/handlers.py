"""What ingest does with the messages it consumes.

Channel adapters publish without an aggregate version, so the runtime cannot deduplicate their
messages by position: these handlers are idempotent by the channel order, the update id and the
envelope's event id instead.
"""

from __future__ import annotations

from typing import Any

from oms.intake.v1.channel_order_events_pb2 import ChannelOrderPlaced, ChannelOrderUpdated
from oms.inventory.v1.catalogue_events_pb2 import ProductCatalogued
from oms_platform.messaging.consumer import Inbound, InvalidMessage
from services.ingest.adapters.channel_orders import channel_order_update, reported_order, update_ref
from services.ingest.adapters.contract_values import money
from services.ingest.application.intake import apply_channel_update, take_channel_order
from services.ingest.application.service import IngestApplication
from services.ingest.domain.catalogue import CatalogueEntry
from services.ingest.domain.delivery import KAFKA, Delivery

PROTOBUF = "application/x-protobuf"


def take_placed_order(app: IngestApplication, message: ChannelOrderPlaced, inbound: Inbound) -> list[Any]:
    delivery = _delivery(inbound, payload_root="order")
    return list(take_channel_order(app, reported_order(message.order), delivery).to_record)


def apply_update(app: IngestApplication, message: ChannelOrderUpdated, inbound: Inbound) -> list[Any]:
    decision = apply_channel_update(app, update_ref(message), channel_order_update(message), _delivery(inbound))
    return list(decision.to_record)


def catalogue_product(app: IngestApplication, message: ProductCatalogued, inbound: Inbound) -> list[Any]:
    sku = message.sku.strip()
    price = money(message, "unit_price")
    if not sku or price is None or not price.currency or price.minor_units < 0:
        raise InvalidMessage(f"ProductCatalogued needs a sku and a unit price, got sku={message.sku!r}")
    entry = app.catalogue_entry(sku)
    if entry is None:
        return [CatalogueEntry(sku=sku, name=message.name, unit_price=price, active=message.active)]
    entry.revise(message.name, price, message.active)
    return [entry]


def _delivery(inbound: Inbound, payload_root: str = "") -> Delivery:
    # The runtime hands over the opened envelope, not the record's bytes; serialising the parsed
    # envelope again gives the same content (unknown fields included).
    return Delivery(KAFKA, inbound.envelope.event_id, inbound.envelope.SerializeToString(), PROTOBUF, payload_root)


HANDLERS = {
    ChannelOrderPlaced: take_placed_order,
    ChannelOrderUpdated: apply_update,
    ProductCatalogued: catalogue_product,
}
