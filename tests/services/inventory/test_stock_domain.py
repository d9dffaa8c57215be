"""Stock items, the availability feed and the catalogue: the rules, without a store."""

import pytest

from oms_kernel.money import Money
from services.inventory.domain.availability import SkuAvailability
from services.inventory.domain.catalogue import Listing, Product
from services.inventory.domain.errors import (
    InsufficientStock,
    InvalidListing,
    InvalidQuantity,
    ReceiptReferenceReused,
    StockBelowReserved,
)
from services.inventory.domain.stock import AdjustmentReason, ReceiptKind, StockItem, StockLevel


def stocked(on_hand: int, reserved: int = 0) -> StockItem:
    item = StockItem("TEA", "WH-SH")
    if on_hand:
        item.receive(on_hand, "opening", ReceiptKind.OPENING_BALANCE)
    if reserved:
        item.reserve("r-0", reserved)
    item.collect_events()
    return item


def test_receipts_add_to_on_hand_once_per_reference():
    item = stocked(0)

    assert item.receive(10, "PO-1", ReceiptKind.PURCHASE) is True
    assert item.receive(10, "PO-1", ReceiptKind.PURCHASE) is False
    assert item.level == StockLevel(10, 0)
    assert len(item.collect_events()) == 1
    with pytest.raises(ReceiptReferenceReused):
        item.receive(11, "PO-1", ReceiptKind.PURCHASE)


def test_a_receipt_of_nothing_is_refused():
    with pytest.raises(InvalidQuantity):
        stocked(0).receive(0, "PO-1", ReceiptKind.PURCHASE)


def test_available_is_on_hand_minus_reserved_and_reserving_beyond_it_is_refused():
    item = stocked(5, reserved=3)

    assert item.available == 2
    with pytest.raises(InsufficientStock):
        item.reserve("r-1", 3)
    assert item.level == StockLevel(5, 3)


def test_an_adjustment_may_not_take_on_hand_below_reserved():
    item = stocked(5, reserved=3)

    item.adjust(-2, AdjustmentReason.DAMAGED)
    with pytest.raises(StockBelowReserved):
        item.adjust(-1, AdjustmentReason.LOST)
    with pytest.raises(InvalidQuantity):
        item.adjust(0, AdjustmentReason.CORRECTION)
    assert item.level == StockLevel(3, 3)


def test_a_count_sets_on_hand_and_keeps_reservations():
    item = stocked(8, reserved=2)

    item.count(6)
    (event,) = item.collect_events()

    assert item.level == StockLevel(6, 2)
    assert (event.counted, event.expected, event.on_hand, event.reserved) == (6, 8, 6, 2)
    with pytest.raises(StockBelowReserved):
        item.count(1)


def test_release_and_consume_move_reserved_stock():
    item = stocked(10, reserved=4)

    item.release("r-0", 1)
    item.consume("r-0", "shipment-1", 3)

    assert item.level == StockLevel(7, 0)
    with pytest.raises(InvalidQuantity):
        item.release("r-0", 1)


def test_the_feed_alerts_once_when_available_falls_below_safety_stock():
    feed = SkuAvailability("TEA")
    feed.observe({"WH-SH": StockLevel(10, 0)}, safety_stock=5)
    feed.observe({"WH-SH": StockLevel(10, 5)}, safety_stock=5)  # 5 left: at the threshold, not below
    feed.observe({"WH-SH": StockLevel(10, 6)}, safety_stock=5)  # 4 left: below
    feed.observe({"WH-SH": StockLevel(10, 7)}, safety_stock=5)  # still below: no second alert

    alerts = [e for e in feed.collect_events() if isinstance(e, SkuAvailability.LowStockDetected)]

    assert [(a.warehouse_id, a.available, a.safety_stock) for a in alerts] == [("WH-SH", 4, 5)]


def test_the_feed_keeps_every_warehouse_and_changes_only_when_something_moved():
    feed = SkuAvailability("TEA")
    feed.observe({"WH-SH": StockLevel(10, 2)}, safety_stock=0)
    feed.observe({"WH-GZ": StockLevel(4, 0)}, safety_stock=0)
    feed.observe({"WH-GZ": StockLevel(4, 0)}, safety_stock=0)

    changes = [e for e in feed.collect_events() if isinstance(e, SkuAvailability.Changed)]

    assert len(changes) == 2
    assert changes[-1].warehouses == {"WH-SH": {"on_hand": 10, "reserved": 2, "available": 8},
                                      "WH-GZ": {"on_hand": 4, "reserved": 0, "available": 4}}
    assert feed.available_to_sell == 12


def listing(**changes) -> Listing:
    values = dict(name="龙井茶 Longjing tea", unit_price=Money("CNY", 16800), category="food/tea",
                  weight_grams=300, active=True, safety_stock=5)
    return Listing(**{**values, **changes})


def test_a_product_changes_its_listing_only_when_something_differs():
    product = Product.catalogue("TEA", listing())

    assert product.change_listing(listing()) is False
    assert product.change_listing(listing(unit_price=Money("CNY", 15800))) is True
    assert product.listing.unit_price == Money("CNY", 15800)
    assert [type(e).__name__ for e in product.collect_events()] == ["Catalogued", "ListingChanged"]


@pytest.mark.parametrize("field, bad", [
    ("name", listing(name=" ")),
    ("unit_price.minor_units", listing(unit_price=Money("CNY", -1))),
    ("weight_grams", listing(weight_grams=-1)),
    ("safety_stock", listing(safety_stock=-1)),
])
def test_a_listing_that_cannot_be_sold_is_refused_naming_the_field(field, bad):
    with pytest.raises(InvalidListing) as refused:
        Product.catalogue("TEA", bad)
    assert refused.value.field == field
