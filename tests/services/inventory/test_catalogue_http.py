"""The catalogue over HTTP: products in, ProductCatalogued out for ingest, bad input named field by field."""

from tests.support.messaging import TopicReader

from .helpers import EVENTS, product

CATALOGUED = "oms.inventory.v1.ProductCatalogued"


async def test_a_catalogued_product_is_served_and_published_for_ingest(inventory, broker):
    created = await inventory.client.post("/catalogue/products", json=product("TEA", safety_stock=5))

    assert created.status_code == 201, created.text
    assert created.json()["outcome"] == "created"
    fetched = (await inventory.client.get("/catalogue/products/TEA")).json()
    assert fetched["unit_price"] == {"currency": "CNY", "minor_units": 16800} and fetched["safety_stock"] == 5
    assert [p["sku"] for p in (await inventory.client.get("/catalogue/products")).json()] == ["TEA"]
    async with TopicReader(broker, EVENTS) as events:
        (message,) = await events.wait_for(CATALOGUED)
        key = events.records[0].key
    assert key == b"TEA"
    assert (message.sku, message.unit_price.currency_code, message.unit_price.minor_units) == ("TEA", "CNY", 16800)
    assert (message.name, message.active, message.safety_stock) == (product()["name"], True, 5)


async def test_a_changed_listing_is_published_again_and_the_same_one_is_not(inventory, broker):
    await inventory.client.post("/catalogue/products", json=product("TEA"))
    position = inventory.app.position()

    same = await inventory.client.post("/catalogue/products", json=product("TEA"))
    assert (same.status_code, same.json()["outcome"]) == (200, "unchanged")
    assert inventory.app.position() == position
    changed = await inventory.client.post("/catalogue/products",
                                          json=product("TEA", unit_price={"currency": "CNY", "minor_units": 15800}))
    assert (changed.status_code, changed.json()["outcome"]) == (200, "changed")

    async with TopicReader(broker, EVENTS) as events:
        messages = await events.wait_for(CATALOGUED, 2)
    assert [m.unit_price.minor_units for m in messages] == [16800, 15800]


async def test_bad_products_are_refused_naming_every_field(inventory):
    bad = {"sku": "not a sku!", "name": "", "unit_price": {"currency": "rmb", "minor_units": 12.5},
           "weight_grams": -1, "active": True}

    response = await inventory.client.post("/catalogue/products", json=bad)

    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    fields = {e["field"] for e in response.json()["errors"]}
    assert fields == {"sku", "name", "unit_price.currency", "unit_price.minor_units", "category", "weight_grams"}
    assert (await inventory.client.get("/catalogue/products")).json() == []


async def test_an_unknown_product_is_not_found(inventory):
    response = await inventory.client.get("/catalogue/products/NOPE")

    assert response.status_code == 404
    assert response.json()["resource_id"] == "NOPE"
