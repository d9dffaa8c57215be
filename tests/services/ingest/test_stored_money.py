"""Amounts in ingest's store: events written before the kernel's Money still load, as kernel Money;
new ones are written as the platform's "oms.money"."""

from __future__ import annotations

import json
import uuid

import pytest
from eventsourcing.persistence import StoredEvent

from oms_kernel.money import Money
from services.ingest.application.service import IngestApplication
from services.ingest.domain.catalogue import CatalogueEntry, ListedProduct
from services.ingest.domain.channel_order import ChannelOrder
from services.ingest.domain.reported_order import ChannelOrderUpdate, Payment

# Exactly as ingest stored them before (its own Money, transcoding "ingest.Money"), produced by
# that code: a catalogue entry's first event, and an accepted channel order with amounts nested in
# a line, the reported totals and the payment.
OLD_CATALOGUED = (
    b'{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-02T21:42:06.038368+00:00"},'
    b'"originator_topic":"services.ingest.domain.catalogue:CatalogueEntry","sku":"TEA-250","name":"Tea",'
    b'"unit_price":{"_type_":"ingest.Money","_data_":{"currency":"CNY","minor_units":12900}},"active":true}'
)
OLD_ACCEPTED = (
    b'{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-02T21:42:06.038946+00:00"},'
    b'"originator_topic":"services.ingest.domain.channel_order:ChannelOrder",'
    b'"order_id":"4d1f0f3e-4f55-5b8e-9a5e-0c7e0c1d2a3b","order_number":"SO-20261122-000007",'
    b'"order":{"_type_":"ingest.ReportedOrder","_data_":{"ref":{"_type_":"ingest.ChannelOrderRef","_data_":'
    b'{"channel":"web_shop","channel_account":"webshop","channel_order_id":"WS-1"}},'
    b'"customer":{"_type_":"ingest.Customer","_data_":{"channel_customer_id":"","name":"","membership_level":"",'
    b'"company_name":""}},"contact":{"_type_":"ingest.Contact","_data_":{"name":"","phone":"","email":""}},'
    b'"shipping_address":null,"billing_address":null,"lines":[{"_type_":"ingest.OrderLine","_data_":'
    b'{"line_id":"1","sku":"TEA-250","quantity":1,'
    b'"unit_price":{"_type_":"ingest.Money","_data_":{"currency":"CNY","minor_units":12900}},"name":"",'
    b'"discount":{"_type_":"ingest.Money","_data_":{"currency":"CNY","minor_units":100}},"tax":null,'
    b'"attributes":{}}}],"reported_totals":{"_type_":"ingest.ReportedTotals","_data_":{"subtotal":null,'
    b'"discount_total":null,"shipping_fee":null,"tax_total":null,'
    b'"grand_total":{"_type_":"ingest.Money","_data_":{"currency":"CNY","minor_units":12800}}}},'
    b'"payment":{"_type_":"ingest.Payment","_data_":{"status":"paid","method":"online",'
    b'"paid_amount":{"_type_":"ingest.Money","_data_":{"currency":"CNY","minor_units":12800}},'
    b'"payment_reference":"","gateway":"","paid_at":null}},"placed_at":null,"buyer_note":"","seller_note":"",'
    b'"requested_delivery":null,"express_requested":false,"presale":false,"group_buy_id":"",'
    b'"purchase_order_number":"","invoice_request":null,"promotion_codes":[],"attributes":{}}},'
    b'"customer_id":"cust-1","fingerprint":"f","source":"kafka","source_event_id":"evt-1"}'
)
OLD_UPDATE = (
    b'{"_type_":"ingest.ChannelOrderUpdate","_data_":{"update_id":"pay-1","change":{"_type_":"ingest.Payment",'
    b'"_data_":{"status":"paid","method":"online","paid_amount":{"_type_":"ingest.Money","_data_":'
    b'{"currency":"CNY","minor_units":22700}},"payment_reference":"","gateway":"","paid_at":null}},'
    b'"updated_at":null}}'
)


@pytest.fixture
def ingest():
    app = IngestApplication(env={"PERSISTENCE_MODULE": "eventsourcing.popo"})
    yield app
    app.close()


def store_old(app: IngestApplication, aggregate_id: uuid.UUID, topic: str, state: bytes) -> None:
    app.recorder.insert_events([StoredEvent(originator_id=aggregate_id, originator_version=1, topic=topic,
                                            state=state)])


def test_a_catalogue_entry_stored_with_the_old_money_loads_with_the_kernels(ingest):
    store_old(ingest, CatalogueEntry.create_id("TEA-250"),
              "services.ingest.domain.catalogue:CatalogueEntry.Catalogued", OLD_CATALOGUED)

    listing = ingest.listings({"TEA-250"})["TEA-250"]

    assert listing == ListedProduct("TEA-250", "Tea", Money("CNY", 12900), True)
    assert type(listing.unit_price) is Money


def test_an_accepted_order_stored_with_the_old_money_loads_with_the_kernels(ingest):
    order_id = "4d1f0f3e-4f55-5b8e-9a5e-0c7e0c1d2a3b"
    store_old(ingest, ChannelOrder.create_id(order_id), "services.ingest.domain.channel_order:ChannelOrder.Accepted",
              OLD_ACCEPTED)

    order = ingest.channel_order(order_id).order

    [line] = order.lines
    assert (line.unit_price, line.discount, line.tax) == (Money("CNY", 12900), Money("CNY", 100), None)
    assert order.reported_totals.grand_total == Money("CNY", 12800)
    assert order.payment.paid_amount == Money("CNY", 12800)
    assert all(type(amount) is Money for amount in (line.unit_price, line.discount, order.payment.paid_amount))


def test_an_old_amount_nested_in_a_value_decodes_as_the_kernels_money(ingest):
    update = ingest.mapper.transcoder.decode(OLD_UPDATE)

    assert update == ChannelOrderUpdate("pay-1", Payment("paid", "online", Money("CNY", 22700)))
    assert type(update.change.paid_amount) is Money


def test_new_amounts_are_written_as_oms_money_and_read_back(ingest):
    entry = CatalogueEntry(sku="TEA-250", name="Tea", unit_price=Money("CNY", 12900), active=True)
    ingest.record(entry)

    [stored] = ingest.recorder.select_events(entry.id)

    assert json.loads(stored.state)["unit_price"] == {
        "_type_": "oms.money", "_data_": {"currency": "CNY", "minor_units": 12900}}
    assert b"ingest.Money" not in stored.state
    assert ingest.listings({"TEA-250"})["TEA-250"].unit_price == Money("CNY", 12900)


def test_money_nested_in_ingests_values_is_written_as_oms_money(ingest):
    state = ingest.mapper.transcoder.encode(ChannelOrderUpdate("pay-1", Payment("paid", "online", Money("CNY", 1))))
    assert b'"paid_amount":{"_type_":"oms.money","_data_":{"currency":"CNY","minor_units":1}}' in state
    assert b"ingest.Money" not in state
