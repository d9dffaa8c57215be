"""Contracts <-> the ingest domain: the same order reads the same from Kafka and HTTP, and domain
events become the messages the catalogue promises."""

import pytest

from oms.common.v1.channel_pb2 import Channel
from oms.common.v1.payment_pb2 import PaymentMethod, PaymentStatus
from oms.intake.v1 import intake_pb2
from oms_kernel.money import Money
from oms_platform.identity import order_id_for
from services.ingest import samples
from services.ingest.adapters.channel_orders import channel_order_update, reported_order, update_ref
from services.ingest.adapters.publications import INTAKE_EVENTS, publications
from services.ingest.adapters.reported_amounts import ReportedAmounts
from services.ingest.domain.catalogue import CatalogueEntry
from services.ingest.domain.channel_order import ChannelOrder
from services.ingest.domain.delivery import HTTP, KAFKA, Delivery
from services.ingest.domain.rejection import ORDER, UPDATE, Rejection
from services.ingest.domain.rejection_reasons import Reason, RejectionCode
from services.ingest.domain.reported_order import (
    CHANNELS,
    PAYMENT_METHODS,
    PAYMENT_STATUSES,
    ChannelOrderRef,
    ChannelOrderUpdate,
    Payment,
)
from services.ingest.domain.validation import validate_order
from services.ingest.entrypoints.order_forms import ChannelOrderForm

from .contract_messages import channel_order_message, updated
from .domain_examples import CATALOGUE, order


def names(enum_type, prefix):
    return tuple(n.removeprefix(prefix).lower() for n in enum_type.keys() if not n.endswith("_UNSPECIFIED"))  # noqa: SIM118 - protobuf enum


def test_the_domain_vocabularies_are_the_contracts_enumerations():
    assert names(Channel, "CHANNEL_") == CHANNELS
    assert names(PaymentStatus, "PAYMENT_STATUS_") == PAYMENT_STATUSES
    assert names(PaymentMethod, "PAYMENT_METHOD_") == PAYMENT_METHODS
    contract_codes = {n.removeprefix("REJECTION_CODE_") for n in intake_pb2.RejectionCode.keys()}  # noqa: SIM118 - protobuf enum
    assert {code.value for code in RejectionCode} <= contract_codes


@pytest.mark.parametrize("form", samples.orders() + samples.rejected_orders(), ids=lambda f: f["channel_order_id"])
def test_an_order_reads_the_same_from_kafka_and_from_http(form):
    kafka_amounts, http_amounts = ReportedAmounts(), ReportedAmounts()
    from_kafka = reported_order(channel_order_message(form), kafka_amounts)
    from_http = ChannelOrderForm.model_validate(form).to_domain(http_amounts)
    assert from_kafka == from_http
    assert kafka_amounts.unreadable == http_amounts.unreadable == ()
    assert from_kafka.fingerprint() == from_http.fingerprint()


def test_an_update_reads_from_its_contract_message():
    message = updated("webshop", "WS-1", {"update_id": "pay-1", "payment": {
        "status": "paid", "method": "online", "paid_amount": {"currency": "CNY", "minor_units": 22700}}})
    assert update_ref(message) == ChannelOrderRef("web_shop", "webshop", "WS-1")
    amounts = ReportedAmounts()
    assert channel_order_update(message, amounts) == ChannelOrderUpdate(
        "pay-1", Payment("paid", "online", Money("CNY", 22700)))
    assert amounts.unreadable == ()


def published(aggregate):
    return [p for event in aggregate.collect_events() for p in publications(event)]


def test_an_accepted_order_is_published_normalised_under_its_order_id():
    normalised = validate_order(order(), CATALOGUE).order
    order_id = order_id_for("webshop", "WS-1")
    accepted = ChannelOrder(order_id=order_id, order_number="SO-20261122-000007", order=normalised,
                            customer_id="cust-1", fingerprint="f", source=KAFKA, source_event_id="evt-1")

    [publication] = published(accepted)

    assert (publication.topic, publication.key) == (INTAKE_EVENTS, order_id)
    message = publication.message
    assert (message.order_id, message.order_number, message.source_event_id) == (
        order_id, "SO-20261122-000007", "evt-1")
    assert message.source == intake_pb2.INTAKE_SOURCE_KAFKA
    assert message.order.channel_order.channel == Channel.CHANNEL_WEB_SHOP
    assert message.order.customer_id == "cust-1"
    assert message.order.contact.phone == "+8613800138000"
    assert message.order.shipping_address.district == "浦东新区"
    assert [(ln.line_id, ln.sku, ln.quantity, ln.unit_price.minor_units) for ln in message.order.lines] == [
        ("1", "TEA-250", 1, 12900), ("2", "MUG-350", 2, 4900)]
    assert message.order.payment.status == PaymentStatus.PAYMENT_STATUS_PAID
    assert message.order.payment.paid_amount.currency_code == "CNY"
    assert message.accepted_at.seconds > 0


def test_a_rejected_order_is_published_with_every_reason_and_the_original_bytes():
    reasons = (Reason("order.lines[0].sku", RejectionCode.UNKNOWN_SKU, "not listed"),
               Reason("order.contact.phone", RejectionCode.INVALID_PHONE, "bad"))
    rejection = Rejection(rejection_id="0b5e1d8c-8a3f-4c61-9d2e-1f0a7b6c5d4e", subject=ORDER,
                          channel_order=ChannelOrderRef("web_shop", "webshop", "WS-9"), order_id="", update_id="",
                          reasons=reasons, delivery=Delivery(KAFKA, "evt-9", b"\x0a\x01raw", "application/x-protobuf"))

    [publication] = published(rejection)

    assert publication.key == "webshop:WS-9"
    message = publication.message
    assert message.DESCRIPTOR.full_name == "oms.intake.v1.OrderRejected"
    assert [(r.field_path, intake_pb2.RejectionCode.Name(r.code)) for r in message.reasons] == [
        ("order.lines[0].sku", "REJECTION_CODE_UNKNOWN_SKU"), ("order.contact.phone", "REJECTION_CODE_INVALID_PHONE")]
    assert (message.original_payload, message.original_content_type) == (b"\x0a\x01raw", "application/x-protobuf")


def test_an_unreadable_order_is_keyed_by_its_rejection_id():
    rejection = Rejection(rejection_id="0b5e1d8c-8a3f-4c61-9d2e-1f0a7b6c5d4e", subject=ORDER,
                          channel_order=ChannelOrderRef("", "", ""), order_id="", update_id="",
                          reasons=(Reason("order.channel_account", RejectionCode.REQUIRED_FIELD_MISSING, "x"),),
                          delivery=Delivery(HTTP, "", b"{}", "application/json"))
    assert published(rejection)[0].key == "0b5e1d8c-8a3f-4c61-9d2e-1f0a7b6c5d4e"


def test_a_rejected_update_of_an_unknown_order_is_keyed_by_its_channel_order():
    rejection = Rejection(rejection_id="0b5e1d8c-8a3f-4c61-9d2e-1f0a7b6c5d4e", subject=UPDATE,
                          channel_order=ChannelOrderRef("web_shop", "webshop", "WS-404"), order_id="",
                          update_id="u-1",
                          reasons=(Reason("", RejectionCode.UNKNOWN_CHANNEL_ORDER, "never accepted"),),
                          delivery=Delivery(KAFKA, "evt-1", b"raw", "application/x-protobuf"))

    [publication] = published(rejection)

    assert publication.key == "webshop:WS-404"
    assert publication.message.DESCRIPTOR.full_name == "oms.intake.v1.ChannelOrderUpdateRejected"
    assert publication.message.update_id == "u-1"
    assert publication.message.reasons[0].code == intake_pb2.REJECTION_CODE_UNKNOWN_CHANNEL_ORDER


def test_the_catalogue_stays_inside_ingest():
    assert published(CatalogueEntry(sku="TEA-250", name="Tea", unit_price=Money("CNY", 1), active=True)) == []
