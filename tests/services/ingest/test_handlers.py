"""The application's Kafka handlers with plain commands: no broker, no protobuf."""

from __future__ import annotations

from dataclasses import replace

import pytest

from oms_kernel.money import Money
from oms_platform.identity import order_id_for
from services.ingest.application.commands import ApplyChannelUpdate, CatalogueProduct, TakeChannelOrder
from services.ingest.application.handlers import apply_update, catalogue_product, take_placed_order
from services.ingest.application.service import IngestApplication
from services.ingest.domain.catalogue import CatalogueEntry, ListedProduct
from services.ingest.domain.channel_order import ChannelOrder
from services.ingest.domain.delivery import KAFKA, Delivery
from services.ingest.domain.rejection import ORDER, UPDATE, Rejection
from services.ingest.domain.reported_order import Cancellation, ChannelOrderRef, ChannelOrderUpdate, Contact, Payment
from services.ingest.domain.validation import UnreadableAmount

from .domain_examples import CATALOGUE, line, order

REF = ChannelOrderRef("web_shop", "webshop", "WS-1")
ORDER_ID = order_id_for("webshop", "WS-1")


def kafka(event_id: str, payload_root: str = "order") -> Delivery:
    return Delivery(KAFKA, event_id, f"envelope {event_id}".encode(), "application/x-protobuf", payload_root)


@pytest.fixture
def ingest():
    app = IngestApplication(env={"PERSISTENCE_MODULE": "eventsourcing.popo"})
    for listed in CATALOGUE.values():
        app.record(*catalogue_product(app, CatalogueProduct(listed.sku, listed.name, listed.unit_price, listed.active)))
    yield app
    app.close()


def handled(app, handler, command):
    """What the runtime does with a handler's aggregates: record them (with the position)."""
    aggregates = handler(app, command)
    app.record(*aggregates)
    return aggregates


def test_a_valid_order_is_accepted_once_and_a_redelivery_changes_nothing(ingest):
    [accepted] = handled(ingest, take_placed_order, TakeChannelOrder(order(), kafka("evt-1")))

    assert isinstance(accepted, ChannelOrder) and accepted.order_id == ORDER_ID
    assert (accepted.source, accepted.deliveries) == (KAFKA, ["evt-1"])
    assert handled(ingest, take_placed_order, TakeChannelOrder(order(), kafka("evt-1"))) == []
    [again] = handled(ingest, take_placed_order, TakeChannelOrder(order(), kafka("evt-2")))
    assert ingest.channel_order(ORDER_ID).duplicates == 1 and again.id == accepted.id


def test_an_invalid_order_is_rejected_once_with_reasons_under_the_payload_root(ingest):
    bad = TakeChannelOrder(order(contact=Contact("王小明", "123")), kafka("evt-bad"))

    [rejection] = handled(ingest, take_placed_order, bad)

    assert isinstance(rejection, Rejection) and rejection.subject == ORDER
    assert [(r.field_path, r.code) for r in rejection.reasons] == [("order.contact.phone", "INVALID_PHONE")]
    assert rejection.delivery == kafka("evt-bad")
    assert handled(ingest, take_placed_order, bad) == []  # the same delivery again
    assert ingest.channel_order(ORDER_ID) is None


def test_an_order_with_an_amount_that_is_no_money_is_rejected_naming_it(ingest):
    command = TakeChannelOrder(order(lines=(line(price=None),), payment=replace(order().payment, paid_amount=None)),
                               kafka("evt-yen"),
                               (UnreadableAmount("lines[0].unit_price", "¥", 12900),
                                UnreadableAmount("payment.paid_amount", "¥", 12900)))

    [rejection] = handled(ingest, take_placed_order, command)

    assert isinstance(rejection, Rejection)
    assert {(r.field_path, r.code) for r in rejection.reasons} == {
        ("order.lines[0].unit_price", "PRICE_MISMATCH"), ("order.lines[0].unit_price", "UNSUPPORTED_CURRENCY"),
        ("order.payment.paid_amount", "UNSUPPORTED_CURRENCY")}
    assert ingest.channel_order(ORDER_ID) is None


def test_an_update_is_applied_once(ingest):
    handled(ingest, take_placed_order, TakeChannelOrder(order(), kafka("evt-1")))
    paid = ApplyChannelUpdate(REF, ChannelOrderUpdate("pay-1", Payment("paid", "online", Money("CNY", 22700))),
                              kafka("evt-2", payload_root=""))

    [applied] = handled(ingest, apply_update, paid)

    assert applied.order_id == ORDER_ID
    assert ingest.channel_order(ORDER_ID).payment == Payment("paid", "online", Money("CNY", 22700))
    assert handled(ingest, apply_update, replace(paid, delivery=kafka("evt-3", ""))) == []  # same update id


def test_an_update_of_an_order_never_accepted_is_rejected(ingest):
    never = ApplyChannelUpdate(ChannelOrderRef("web_shop", "webshop", "NEVER"),
                               ChannelOrderUpdate("c-1", Cancellation("x")), kafka("evt-9", ""))

    [rejection] = handled(ingest, apply_update, never)

    assert (rejection.subject, rejection.order_id, rejection.update_id) == (UPDATE, "", "c-1")
    assert [r.code for r in rejection.reasons] == ["UNKNOWN_CHANNEL_ORDER"]


def test_an_update_paying_an_amount_that_is_no_money_is_rejected(ingest):
    handled(ingest, take_placed_order, TakeChannelOrder(order(), kafka("evt-1")))
    unreadable = ApplyChannelUpdate(REF, ChannelOrderUpdate("pay-1", Payment("paid", "online", None)),
                                    kafka("evt-2", ""), (UnreadableAmount("payment.paid_amount", "", 22700),))

    [rejection] = handled(ingest, apply_update, unreadable)

    assert isinstance(rejection, Rejection) and rejection.order_id == ORDER_ID
    assert [(r.field_path, r.code) for r in rejection.reasons] == [("payment.paid_amount", "UNSUPPORTED_CURRENCY")]
    assert ingest.channel_order(ORDER_ID).updates == []


def test_the_catalogue_takes_inventorys_newest_word_and_the_same_word_changes_nothing(ingest):
    tea = CatalogueProduct("TEA-250", "Longjing tea 250 g", Money("CNY", 12900), True)

    [same] = handled(ingest, catalogue_product, tea)
    version = same.version
    [cheaper] = handled(ingest, catalogue_product, replace(tea, unit_price=Money("CNY", 11900), active=False))
    [new] = handled(ingest, catalogue_product, CatalogueProduct("NEW-1", "New", Money("USD", 100), True))

    assert version == 1 and cheaper.version == 2
    assert ingest.listings({"TEA-250", "NEW-1"}) == {
        "TEA-250": ListedProduct("TEA-250", "Longjing tea 250 g", Money("CNY", 11900), False),
        "NEW-1": ListedProduct("NEW-1", "New", Money("USD", 100), True)}
    assert isinstance(new, CatalogueEntry)
