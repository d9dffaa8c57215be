"""The Kafka edge: each consumed contract message becomes an application command, or is refused
(InvalidMessage, a dead letter) naming why. Also the HTTP forms' amounts, read the same way."""

from __future__ import annotations

import copy

import pytest

from oms.common.v1.money_pb2 import Money as MoneyMessage
from oms.envelope.v1.envelope_pb2 import Envelope
from oms.intake.v1.channel_order_events_pb2 import ChannelOrderPlaced, ChannelOrderUpdated
from oms.inventory.v1.catalogue_events_pb2 import ProductCatalogued
from oms_kernel.money import Money
from oms_platform.messaging.consumer import Inbound, InvalidMessage, Translated
from services.ingest import samples
from services.ingest.adapters.channel_orders import reported_order
from services.ingest.adapters.reported_amounts import ReportedAmounts
from services.ingest.application.commands import ApplyChannelUpdate, CatalogueProduct, TakeChannelOrder
from services.ingest.domain.delivery import KAFKA, Delivery
from services.ingest.domain.reported_order import ChannelOrderRef, ChannelOrderUpdate, Payment
from services.ingest.domain.validation import UnreadableAmount
from services.ingest.entrypoints.kafka import HANDLERS, catalogued_product, channel_update, placed_order
from services.ingest.entrypoints.order_forms import ChannelOrderForm, ChannelOrderUpdateForm

from .contract_messages import channel_order_message, placed, updated

ENVELOPE = Envelope(event_id="evt-42", producer="douyin-adapter")
INBOUND = Inbound(ENVELOPE, "oms.intake.channel-orders.v1", 0, 7, "webshop:WS-1")
NOT_USED = object()  # the refusals below happen before the application is asked


def test_every_consumed_message_has_a_translated_handler():
    assert set(HANDLERS) == {ChannelOrderPlaced, ChannelOrderUpdated, ProductCatalogued}
    assert all(isinstance(handler, Translated) for handler in HANDLERS.values())


# -- ChannelOrderPlaced ----------------------------------------------------------------------------

def test_a_placed_order_becomes_take_channel_order_with_its_delivery():
    form = samples.orders()[0]

    command = placed_order(placed(form), INBOUND)

    assert command == TakeChannelOrder(
        order=reported_order(channel_order_message(form), ReportedAmounts()),
        delivery=Delivery(KAFKA, "evt-42", ENVELOPE.SerializeToString(), "application/x-protobuf", "order"),
    )
    assert command.order.ref.channel_account == form["channel_account"]
    assert command.unreadable == ()


def with_prices(form, *currencies):
    changed = copy.deepcopy(form)
    for line, currency in zip(changed["lines"], currencies, strict=False):
        line["unit_price"]["currency"] = currency
    return changed


def test_currency_codes_are_read_case_insensitively():
    command = placed_order(placed(with_prices(samples.orders()[0], " cny ")), INBOUND)
    units = samples.orders()[0]["lines"][0]["unit_price"]["minor_units"]
    assert command.order.lines[0].unit_price == Money("CNY", units)
    assert command.unreadable == ()


def test_an_amount_that_is_no_money_is_handed_over_for_validation_not_dead_lettered():
    form = with_prices(samples.orders()[0], "¥")
    form["reported_totals"] = {"grand_total": {"currency": "", "minor_units": 500}}

    command = placed_order(placed(form), INBOUND)

    units = form["lines"][0]["unit_price"]["minor_units"]
    assert command.order.lines[0].unit_price is None
    assert command.order.reported_totals.grand_total is None
    assert command.unreadable == (UnreadableAmount("lines[0].unit_price", "¥", units),
                                  UnreadableAmount("reported_totals.grand_total", "", 500))


def test_an_empty_amount_is_no_amount():
    form = copy.deepcopy(samples.orders()[0])
    form["reported_totals"] = {"discount_total": {"currency": "", "minor_units": 0}}
    command = placed_order(placed(form), INBOUND)
    assert (command.order.reported_totals.discount_total, command.unreadable) == (None, ())


# -- ChannelOrderUpdated ---------------------------------------------------------------------------

PAID = {"update_id": "pay-1", "payment": {"status": "paid", "method": "online",
                                          "paid_amount": {"currency": "cny", "minor_units": 22700}}}


def test_an_update_becomes_apply_channel_update_with_its_channel_order_and_delivery():
    command = channel_update(updated("webshop", "WS-1", PAID), INBOUND)

    assert command == ApplyChannelUpdate(
        channel_order=ChannelOrderRef("web_shop", "webshop", "WS-1"),
        update=ChannelOrderUpdate("pay-1", Payment("paid", "online", Money("CNY", 22700))),
        delivery=Delivery(KAFKA, "evt-42", ENVELOPE.SerializeToString(), "application/x-protobuf"),
    )


def test_an_update_paying_an_amount_that_is_no_money_is_handed_over_for_validation():
    bad = copy.deepcopy(PAID)
    bad["payment"]["paid_amount"]["currency"] = "RMB¥"

    command = channel_update(updated("webshop", "WS-1", bad), INBOUND)

    assert command.update.change.paid_amount is None
    assert command.unreadable == (UnreadableAmount("payment.paid_amount", "RMB¥", 22700),)


# -- ProductCatalogued ----------------------------------------------------------------------------

def product(sku="TEA-250", currency="CNY", minor_units=12900, price=True, active=True) -> ProductCatalogued:
    unit_price = MoneyMessage(currency_code=currency, minor_units=minor_units) if price else None
    return ProductCatalogued(sku=sku, name="Longjing tea", active=active, unit_price=unit_price)


def test_a_catalogued_product_becomes_catalogue_product():
    assert catalogued_product(product(sku=" TEA-250 ", currency="cny", active=False), INBOUND) == CatalogueProduct(
        "TEA-250", "Longjing tea", Money("CNY", 12900), False)


def test_a_free_product_is_catalogued():
    assert catalogued_product(product(minor_units=0), INBOUND).unit_price == Money("CNY", 0)


@pytest.mark.parametrize(("message", "reason"), [
    (product(price=False), "ProductCatalogued needs a sku and a unit price, got sku='TEA-250'"),
    (product(currency="", minor_units=0), "ProductCatalogued needs a sku and a unit price"),
    (product(currency=" "), "ProductCatalogued needs a sku and a unit price"),
    (product(sku=" "), "ProductCatalogued needs a sku and a unit price, got sku=' '"),
    (product(minor_units=-1), "ProductCatalogued needs a sku and a unit price"),
    (product(currency="元"), "ProductCatalogued: currency must be an ISO 4217 code like 'CNY', got '元'"),
])
def test_a_product_without_sku_or_usable_price_is_a_dead_letter_naming_why(message, reason):
    with pytest.raises(InvalidMessage) as refused:
        HANDLERS[ProductCatalogued](NOT_USED, message, INBOUND)
    assert str(refused.value).startswith(reason)


# -- the HTTP forms read amounts the same way -----------------------------------------------------

@pytest.mark.parametrize("currency", [" usd", "¥", ""])
def test_an_order_form_reads_its_amounts_as_the_kafka_edge_does(currency):
    form = with_prices(samples.orders()[0], currency)
    form["payment"] = {"status": "paid", "paid_amount": {"currency": currency, "minor_units": 1}}
    http_amounts, kafka_amounts = ReportedAmounts(), ReportedAmounts()

    from_http = ChannelOrderForm.model_validate(form).to_domain(http_amounts)
    from_kafka = reported_order(channel_order_message(form), kafka_amounts)

    assert from_http == from_kafka
    assert http_amounts.unreadable == kafka_amounts.unreadable
    assert from_http.payment.paid_amount == (Money("USD", 1) if currency == " usd" else None)
    assert bool(http_amounts.unreadable) == (currency != " usd")


def test_an_update_form_reads_its_amount_normalised_or_as_unreadable():
    amounts = ReportedAmounts()
    update = ChannelOrderUpdateForm.model_validate(PAID).to_domain(amounts)
    assert (update.change.paid_amount, amounts.unreadable) == (Money("CNY", 22700), ())

    bad = copy.deepcopy(PAID)
    bad["payment"]["paid_amount"]["currency"] = "C N Y"
    update = ChannelOrderUpdateForm.model_validate(bad).to_domain(amounts)
    assert update.change.paid_amount is None
    assert amounts.unreadable == (UnreadableAmount("payment.paid_amount", "C N Y", 22700),)
