"""The ingest aggregates on their own: channel orders, order numbers, the catalogue."""

from datetime import UTC, datetime

import pytest

from oms_kernel.money import Money
from services.ingest.application.order_numbers import OrderNumberDispenser
from services.ingest.domain.catalogue import CatalogueEntry, ListedProduct
from services.ingest.domain.channel_order import CANCELLED, ChannelOrder
from services.ingest.domain.delivery import HTTP, KAFKA, Delivery
from services.ingest.domain.errors import DeliveryAlreadyRecorded, OrderNumbersExhausted, UpdateAlreadyRecorded
from services.ingest.domain.order_numbers import MAX_SERIAL, OrderNumberSequence, business_day
from services.ingest.domain.reported_order import AddressChange, Cancellation, ChannelOrderUpdate, Payment

from .domain_examples import order, shanghai_address

ORDER_ID = "4d1f0f3e-4f55-5b8e-9a5e-0c7e0c1d2a3b"


def accepted(source_event_id="event-1"):
    reported = order()
    return ChannelOrder(order_id=ORDER_ID, order_number="SO-20261122-000001", order=reported, customer_id="c-1",
                        fingerprint=reported.fingerprint(), source=KAFKA, source_event_id=source_event_id)


def kafka_delivery(event_id):
    return Delivery(KAFKA, event_id, b"bytes", "application/x-protobuf", "order")


def test_the_order_id_is_the_aggregate_id():
    assert str(accepted().id) == ORDER_ID


def test_a_second_delivery_is_noted_with_whether_it_is_identical():
    channel_order = accepted()
    channel_order.receive_again(order().fingerprint(), kafka_delivery("event-2"))
    channel_order.receive_again(order(buyer_note="other").fingerprint(), Delivery(HTTP, "", b"{}", "application/json"))

    noted = [event for event in channel_order.collect_events() if isinstance(event, ChannelOrder.DuplicateReceived)]
    assert [(event.source_event_id, event.identical) for event in noted] == [("event-2", True), ("", False)]
    assert channel_order.duplicates == 2


def test_the_same_delivery_is_never_noted_twice():
    channel_order = accepted("event-1")
    with pytest.raises(DeliveryAlreadyRecorded):
        channel_order.receive_again(order().fingerprint(), kafka_delivery("event-1"))
    assert channel_order.duplicates == 0


def test_updates_change_payment_address_and_status():
    channel_order = accepted()
    paid = Payment("paid", "online", Money("CNY", 22700), "ALI-1")
    moved = AddressChange(shanghai_address(city="苏州市"), None)
    channel_order.apply_update(ChannelOrderUpdate("u1", paid, datetime(2026, 11, 22, tzinfo=UTC)))
    channel_order.apply_update(ChannelOrderUpdate("u2", moved))
    channel_order.apply_update(ChannelOrderUpdate("u3", Cancellation("out of stock", False)))

    assert channel_order.payment == paid
    assert channel_order.shipping_address.city == "苏州市"
    assert channel_order.contact == order().contact  # unchanged: the change carried no contact
    assert channel_order.status == CANCELLED
    assert [u.update_id for u in channel_order.updates] == ["u1", "u2", "u3"]


def test_an_update_id_is_applied_once():
    channel_order = accepted()
    channel_order.apply_update(ChannelOrderUpdate("u1", Cancellation()))
    with pytest.raises(UpdateAlreadyRecorded):
        channel_order.apply_update(ChannelOrderUpdate("u1", Cancellation()))


def test_order_numbers_are_reserved_in_blocks_that_count_up_per_business_day():
    sequence = OrderNumberSequence("20261122")
    first, second = sequence.reserve_block(3), sequence.reserve_block(2)

    assert [first.take() for _ in range(3)] == ["SO-20261122-000001", "SO-20261122-000002", "SO-20261122-000003"]
    assert first.exhausted and [second.take(), second.take()] == ["SO-20261122-000004", "SO-20261122-000005"]
    with pytest.raises(OrderNumbersExhausted):
        second.take()
    assert OrderNumberSequence.create_id("20261122") == sequence.id != OrderNumberSequence.create_id("20261123")


def test_a_day_runs_out_of_order_numbers_loudly():
    sequence = OrderNumberSequence("20261122")
    sequence.last_serial = MAX_SERIAL - 2
    last = sequence.reserve_block(100)  # cut short at the day's last serial
    assert [last.take(), last.take()] == [f"SO-20261122-{MAX_SERIAL - 1}", f"SO-20261122-{MAX_SERIAL}"]
    with pytest.raises(OrderNumbersExhausted):
        sequence.reserve_block(100)


def test_a_sequence_recorded_one_number_at_a_time_goes_on_after_its_last_number():
    sequence = OrderNumberSequence("20261122")
    sequence._issued(41)  # as stores written before numbers came in blocks hold them
    assert sequence.reserve_block(10).take() == "SO-20261122-000042"


def test_an_instance_takes_a_new_block_only_when_its_block_is_used_up_or_the_day_changes():
    sequence = {"20261122": OrderNumberSequence("20261122"), "20261123": OrderNumberSequence("20261123")}
    reserved: list[str] = []

    def reserve(day: str, size: int):
        reserved.append(day)
        return sequence[day].reserve_block(size)

    numbers = OrderNumberDispenser(reserve, block_size=2)
    taken = [numbers.next_number("20261122") for _ in range(3)] + [numbers.next_number("20261123")]

    assert taken == ["SO-20261122-000001", "SO-20261122-000002", "SO-20261122-000003", "SO-20261123-000001"]
    assert reserved == ["20261122", "20261122", "20261123"]


def test_the_business_day_is_chinese_standard_time():
    assert business_day(datetime(2026, 11, 22, 15, 59, tzinfo=UTC)) == "20261122"
    assert business_day(datetime(2026, 11, 22, 16, 0, tzinfo=UTC)) == "20261123"


def test_a_catalogue_entry_changes_only_when_the_listing_does():
    entry = CatalogueEntry(sku="TEA-250", name="Tea", unit_price=Money("CNY", 12900), active=True)
    entry.revise("Tea", Money("CNY", 12900), True)
    entry.revise("Tea", Money("CNY", 11900), False)

    assert [type(e).__name__ for e in entry.collect_events()] == ["Catalogued", "Revised"]
    assert entry.listing == ListedProduct("TEA-250", "Tea", Money("CNY", 11900), False)
    assert CatalogueEntry.create_id("TEA-250") == entry.id
