"""The ingest application against a real store, SQLite and PostgreSQL: intake, updates, rejections."""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace

import pytest

from oms_kernel.money import Money
from oms_platform.identity import order_id_for
from oms_platform.store import open_application
from oms_platform.store.factory import store_environment
from services.ingest.application.commands import CatalogueProduct
from services.ingest.application.handlers import catalogue_product
from services.ingest.application.intake import OrderTaken, Refused, UpdateTaken, take_channel_order
from services.ingest.application.service import IngestApplication
from services.ingest.domain.catalogue import CatalogueEntry, ListedProduct
from services.ingest.domain.delivery import HTTP, Delivery
from services.ingest.domain.errors import ChannelOrderContentDiffers, UpdateAlreadyRejected
from services.ingest.domain.reported_order import (
    Cancellation,
    ChannelOrderRef,
    ChannelOrderUpdate,
    Contact,
    Payment,
)
from services.ingest.settings import IngestSettings

from .domain_examples import CATALOGUE, line, order

ORDER_NUMBER = re.compile(r"SO-\d{8}-\d{6}")


def http(body: bytes = b"{}") -> Delivery:
    return Delivery(HTTP, "", body, "application/json")


@pytest.fixture
def settings(store_backend, ingest_database_url):
    return IngestSettings(data_dir=store_backend.data_dir, database_url=ingest_database_url)


@pytest.fixture
def ingest(settings):
    app = open_application(IngestApplication, settings)
    app.record(*(CatalogueEntry(sku=p.sku, name=p.name, unit_price=p.unit_price, active=p.active)
                 for p in CATALOGUE.values()))
    yield app
    app.close()


def test_an_order_is_accepted_once_with_an_order_number(ingest):
    first = ingest.take_order(order(), http())
    again = ingest.take_order(order(), http())

    assert isinstance(first, OrderTaken) and first.first_time
    assert first.order.order_id == order_id_for("webshop", "WS-1")
    assert ORDER_NUMBER.fullmatch(first.order.order_number)
    assert isinstance(again, OrderTaken) and not again.first_time
    stored = ingest.channel_order(first.order.order_id)
    assert (stored.order_number, stored.duplicates) == (first.order.order_number, 1)
    assert stored.order.contact.phone == "+8613800138000"


def test_other_content_under_the_same_channel_order_changes_nothing(ingest):
    ingest.take_order(order(), http())
    position = ingest.position()

    with pytest.raises(ChannelOrderContentDiffers):
        ingest.take_order(order(buyer_note="deliver to the back door"), http())

    assert ingest.position() == position


def take_at_once(instances, count: int, prefix: str) -> list[str]:
    """Take `count` orders from 16 threads spread over the instances; their order numbers."""
    orders = [order(ref=ChannelOrderRef("web_shop", "webshop", f"{prefix}-{n}")) for n in range(count)]
    with ThreadPoolExecutor(max_workers=16) as pool:
        taken = list(pool.map(lambda n: instances[n % len(instances)].take_order(orders[n], http()), range(count)))
    assert all(isinstance(t, OrderTaken) and t.first_time for t in taken)
    return [t.order.order_number for t in taken]


def test_orders_taken_at_once_get_unique_numbers_from_one_block(ingest):
    numbers = take_at_once([ingest], 40, "WS")

    assert len(set(numbers)) == 40 and all(ORDER_NUMBER.fullmatch(n) for n in numbers)
    # One instance numbers from its block in memory: 40 orders, consecutive, one reservation.
    assert sorted(int(n[-6:]) for n in numbers) == list(range(1, 41))


def test_two_instances_on_one_store_and_a_restart_never_hand_out_a_number_twice(ingest, settings):
    # Blocks of 7: the instances run out and reserve again many times, racing each other.
    small_blocks = {**store_environment(settings), IngestApplication.ORDER_NUMBER_BLOCK: "7"}
    first, second = IngestApplication(env=small_blocks), IngestApplication(env=small_blocks)
    try:
        numbers = take_at_once([first, second], 120, "TWO")
    finally:
        first.close()
        second.close()
    restarted = open_application(IngestApplication, settings)
    try:
        numbers += take_at_once([restarted], 10, "AFTER")
    finally:
        restarted.close()

    assert len(numbers) == len(set(numbers)) == 130
    assert ingest.order_number_sequence(numbers[0][3:11]).last_serial >= 120
    # The restarted instance starts a new block: what the others had left is skipped, not reused.
    assert min(int(n[-6:]) for n in numbers[-10:]) > max(int(n[-6:]) for n in numbers[:-10])


def test_a_rejection_is_kept_with_its_reasons_and_bytes_and_listed_newest_first(ingest, settings):
    bad = order(contact=Contact("王小明", "123"), lines=(line(sku="NOPE", price=Money("CNY", 1)),))
    first = ingest.take_order(bad, http(b'{"first": true}'))
    other_account = replace(bad, ref=ChannelOrderRef("marketplace", "tmall-flagship", "TM-1"))
    second = ingest.take_order(other_account, http(b'{"second": true}'))

    assert isinstance(first, Refused) and isinstance(second, Refused)
    assert {(r.field_path, r.code) for r in first.rejection.reasons} == {
        ("contact.phone", "INVALID_PHONE"), ("lines[0].sku", "UNKNOWN_SKU")}
    ingest.close()
    reopened = open_application(IngestApplication, settings)
    try:
        assert [r.rejection_id for r in reopened.rejections(10)] == [
            second.rejection.rejection_id, first.rejection.rejection_id]
        assert [r.rejection_id for r in reopened.rejections(1)] == [second.rejection.rejection_id]
        [only] = reopened.rejections(10, channel_account="webshop")
        assert only.delivery.payload == b'{"first": true}'
        assert reopened.rejection(first.rejection.rejection_id).reasons == first.rejection.reasons
    finally:
        reopened.close()


def test_a_rejected_channel_order_that_comes_back_valid_is_accepted(ingest):
    rejected = ingest.take_order(order(contact=Contact("王小明", "123")), http())
    accepted = ingest.take_order(order(), http())

    assert isinstance(rejected, Refused)
    assert isinstance(accepted, OrderTaken) and accepted.first_time
    assert ingest.rejection(rejected.rejection.rejection_id) is not None


def test_updates_apply_once_and_a_rejected_update_stays_rejected(ingest):
    taken = ingest.take_order(order(), http())
    ref = taken.order.ref
    paid = ChannelOrderUpdate("pay-1", Payment("paid", "online", Money("CNY", 22700)))

    applied = ingest.update_order(ref, paid, http())
    position = ingest.position()
    again = ingest.update_order(ref, paid, http())
    wrong_currency = ChannelOrderUpdate("pay-2", Payment("paid", "online", Money("USD", 1)))
    refused = ingest.update_order(ref, wrong_currency, http())

    assert isinstance(applied, UpdateTaken) and applied.first_time
    assert isinstance(again, UpdateTaken) and not again.first_time
    assert isinstance(refused, Refused)
    assert position == ingest.position() - 1  # only the rejection was recorded since
    with pytest.raises(UpdateAlreadyRejected):
        ingest.update_order(ref, wrong_currency, http())
    assert ingest.channel_order(taken.order.order_id).payment == paid.change


def test_an_update_for_an_order_never_accepted_is_rejected(ingest):
    ref = ChannelOrderRef("web_shop", "webshop", "NEVER")
    outcome = ingest.update_order(ref, ChannelOrderUpdate("c-1", Cancellation("x")), http())

    assert isinstance(outcome, Refused)
    assert [r.code for r in outcome.rejection.reasons] == ["UNKNOWN_CHANNEL_ORDER"]
    assert outcome.rejection.order_id == ""


def test_a_rejected_kafka_delivery_is_rejected_once_however_often_it_comes(ingest):
    unreadable = replace(order(), ref=ChannelOrderRef("", "", ""))
    delivery = Delivery("kafka", "evt-77", b"envelope bytes", "application/x-protobuf", payload_root="order")

    first = take_channel_order(ingest, unreadable, delivery)
    ingest.record(*first.to_record)
    again = take_channel_order(ingest, unreadable, delivery)

    assert isinstance(first.outcome, Refused)
    assert {r.field_path for r in first.outcome.rejection.reasons} >= {"order.channel", "order.channel_account"}
    assert isinstance(again.outcome, Refused) and again.outcome.earlier and again.to_record == ()


def test_the_catalogue_follows_inventory(ingest):
    ingest.record(*catalogue_product(ingest, CatalogueProduct("TEA-250", "Tea", Money("CNY", 11900), True)))
    ingest.record(*catalogue_product(ingest, CatalogueProduct("NEW-1", "New", Money("CNY", 100), False)))

    listings = ingest.listings({"TEA-250", "NEW-1"})
    assert listings["TEA-250"] == ListedProduct("TEA-250", "Tea", Money("CNY", 11900), True)
    assert not listings["NEW-1"].active
