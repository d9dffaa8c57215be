"""Prices are the kernel's Money; the catalogue's stored events keep their flat shape and still load."""

import pytest
from eventsourcing.persistence import StoredEvent

from oms_kernel.money import Money
from oms_platform.http import UnprocessableContent
from services.inventory.domain.catalogue import Listing, Product
from services.inventory.entrypoints.problems import refusals_as_problems

# Exactly what the service stored before Money moved to the kernel (its own `Money` dataclass then,
# never stored as such: a listing's events carry `currency` and `unit_price_minor_units`).
OLD_CATALOGUED = (
    b'{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-02T21:38:21.160102+00:00"},'
    b'"originator_topic":"services.inventory.domain.catalogue:Product","sku":"TEA",'
    b'"name":"\xe8\xa5\xbf\xe6\xb9\x96\xe9\xbe\x99\xe4\xba\x95\xe8\x8c\xb6 250g","currency":"CNY",'
    b'"unit_price_minor_units":16800,"category":"food/tea","weight_grams":300,"active":true,"safety_stock":5}'
)
OLD_LISTING_CHANGED = (
    b'{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-02T21:38:21.162385+00:00"},"sku":"TEA",'
    b'"name":"\xe8\xa5\xbf\xe6\xb9\x96\xe9\xbe\x99\xe4\xba\x95\xe8\x8c\xb6 250g","currency":"CNY",'
    b'"unit_price_minor_units":15800,"category":"food/tea","weight_grams":300,"active":false,"safety_stock":5}'
)
TOPIC = "services.inventory.domain.catalogue:Product"


def test_a_product_stored_before_the_kernel_money_loads_with_a_kernel_price(inventory_app):
    product_id = Product.create_id("TEA")
    inventory_app.recorder.insert_events([
        StoredEvent(product_id, 1, f"{TOPIC}.Catalogued", OLD_CATALOGUED),
        StoredEvent(product_id, 2, f"{TOPIC}.ListingChanged", OLD_LISTING_CHANGED),
    ])

    listing = inventory_app.product("TEA").listing

    assert type(listing.unit_price) is Money
    assert listing == Listing("西湖龙井茶 250g", Money("CNY", 15800), "food/tea", 300, False, 5)


def test_new_listings_are_stored_in_the_same_flat_shape(inventory_app):
    inventory_app.catalogue_product("TEA", Listing("西湖龙井茶 250g", Money("CNY", 16800), "food/tea", 300, True, 5))

    (stored,) = inventory_app.recorder.select_events(Product.create_id("TEA"))

    state = inventory_app.mapper.transcoder.decode(stored.state)
    assert {key: state[key] for key in ("currency", "unit_price_minor_units")} == {
        "currency": "CNY", "unit_price_minor_units": 16800}
    assert "unit_price" not in state
    assert OLD_CATALOGUED.split(b',"sku"')[1] == stored.state.split(b',"sku"')[1]  # byte for byte after the stamp
    # Money that an event did carry would be written as the shared "oms.money".
    assert b'"_type_":"oms.money"' in inventory_app.mapper.transcoder.encode({"amount": Money("CNY", 1)})


def test_an_amount_that_is_not_money_is_a_problem_naming_the_price():
    with pytest.raises(UnprocessableContent) as refused, refusals_as_problems():
        Money("yuan", 100)

    assert refused.value.status == 422
    assert [(e.field, e.location) for e in refused.value.errors] == [("unit_price", "body")]
    assert "ISO 4217" in str(refused.value.detail)
