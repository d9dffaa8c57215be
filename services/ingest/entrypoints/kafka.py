"""Ingest's Kafka entrypoint: each consumed contract message, translated into an application command.

Protobuf and the envelope stop here. Channel orders and updates are channel input, never trusted:
whatever their content, they become a command, and the application accepts or rejects them with
every reason (I2), kept for staff. Only a catalogue message without a SKU or a usable price is
refused here (a dead letter), as before: inventory never sends one.
"""

from __future__ import annotations

from collections.abc import Mapping

from google.protobuf.message import Message

from oms.common.v1.money_pb2 import Money as MoneyMessage
from oms.intake.v1.channel_order_events_pb2 import ChannelOrderPlaced, ChannelOrderUpdated
from oms.inventory.v1.catalogue_events_pb2 import ProductCatalogued
from oms_platform.contract_values import money_from_contract
from oms_platform.messaging.consumer import Handler, Inbound, InvalidMessage, translated
from services.ingest.adapters.channel_orders import channel_order_update, reported_order, update_ref
from services.ingest.adapters.reported_amounts import ReportedAmounts
from services.ingest.application.commands import ApplyChannelUpdate, CatalogueProduct, TakeChannelOrder
from services.ingest.application.handlers import apply_update, catalogue_product, take_placed_order
from services.ingest.domain.delivery import KAFKA, Delivery

PROTOBUF = "application/x-protobuf"


def placed_order(message: ChannelOrderPlaced, inbound: Inbound) -> TakeChannelOrder:
    amounts = ReportedAmounts()
    order = reported_order(message.order, amounts)
    return TakeChannelOrder(order, _delivery(inbound, payload_root="order"), amounts.unreadable)


def channel_update(message: ChannelOrderUpdated, inbound: Inbound) -> ApplyChannelUpdate:
    amounts = ReportedAmounts()
    update = channel_order_update(message, amounts)
    return ApplyChannelUpdate(update_ref(message), update, _delivery(inbound), amounts.unreadable)


def catalogued_product(message: ProductCatalogued, inbound: Inbound) -> CatalogueProduct:
    """Inventory's catalogue; currency codes read case-insensitively, as ingest always took them.
    A currency that is no ISO 4217 code raises InvalidAmount: a dead letter naming it."""
    sku = message.sku.strip()
    currency = message.unit_price.currency_code.strip().upper()
    price = None
    if currency:  # none, or no currency: no price
        price = money_from_contract(MoneyMessage(currency_code=currency, minor_units=message.unit_price.minor_units))
    if not sku or price is None or price.is_negative:
        raise InvalidMessage(f"ProductCatalogued needs a sku and a unit price, got sku={message.sku!r}")
    return CatalogueProduct(sku=sku, name=message.name, unit_price=price, active=message.active)


def _delivery(inbound: Inbound, payload_root: str = "") -> Delivery:
    # The runtime hands over the opened envelope, not the record's bytes; serialising the parsed
    # envelope again gives the same content (unknown fields included).
    return Delivery(KAFKA, inbound.envelope.event_id, inbound.envelope.SerializeToString(), PROTOBUF, payload_root)


HANDLERS: Mapping[type[Message], Handler] = {
    ChannelOrderPlaced: translated(placed_order, take_placed_order),
    ChannelOrderUpdated: translated(channel_update, apply_update),
    ProductCatalogued: translated(catalogued_product, catalogue_product),
}
