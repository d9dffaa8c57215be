"""Stock over HTTP: receipts, adjustments and counts; the feed and alerts they publish; refusals."""

from tests.support.messaging import TopicReader

from .conftest import reservation_request
from .helpers import AVAILABILITY, EVENTS, level, stock


async def test_a_receipt_books_stock_once_per_reference_and_publishes_it(inventory_on_each_backend, broker):
    client = inventory_on_each_backend.client
    await stock(client, "TEA", {"WH-GZ": 4})
    receipt = {"sku": "TEA", "warehouse_id": "WH-SH", "quantity": 12, "reference": "PO-2024-0815"}

    booked = await client.post("/stock/receipts", json=receipt)
    again = await client.post("/stock/receipts", json=receipt)
    reused = await client.post("/stock/receipts", json={**receipt, "quantity": 13})

    assert booked.status_code == 201 and booked.json()["booked"] is True
    assert again.status_code == 200 and again.json()["booked"] is False
    assert reused.status_code == 409 and reused.json()["type"].endswith("/receipt-reference-reused")
    assert await level(client, "TEA", "WH-SH") == {"on_hand": 12, "reserved": 0, "available": 12}
    async with TopicReader(broker, EVENTS) as events:
        received = await events.wait_for("oms.inventory.v1.StockReceived", where=lambda m: m.warehouse_id == "WH-SH")
        keys = {r.key for r in events.records}
    assert received[0].quantity == 12 and received[0].reference == "PO-2024-0815"
    assert received[0].level_after.on_hand == 12 and received[0].level_after.available == 12
    assert b"TEA@WH-SH" in keys
    async with TopicReader(broker, AVAILABILITY) as feed:
        latest = await feed.wait_for("oms.inventory.v1.AvailabilityChanged", where=lambda m: m.available_to_sell == 16)
    assert {w.warehouse_id: w.available for w in latest[0].warehouses} == {"WH-GZ": 4, "WH-SH": 12}
    assert {r.key for r in feed.records} == {b"TEA"}


async def test_bad_receipts_are_refused_naming_every_field(inventory):
    await stock(inventory.client, "TEA", {})

    malformed = await inventory.client.post("/stock/receipts", json={"sku": "TEA", "warehouse_id": "WH-SH",
                                                                     "quantity": 0, "kind": "gift"})
    unknown = await inventory.client.post("/stock/receipts", json={"sku": "COFFEE", "warehouse_id": "WH-XX",
                                                                   "quantity": 1, "reference": "PO-1"})

    assert malformed.status_code == 422
    assert {e["field"] for e in malformed.json()["errors"]} == {"quantity", "reference", "kind"}
    assert unknown.status_code == 422
    assert {(e["field"], e["code"]) for e in unknown.json()["errors"]} == {
        ("sku", "unknown_sku"), ("warehouse_id", "unknown_warehouse")}
    assert (await inventory.client.get("/stock")).json() == []


async def test_adjustments_change_on_hand_and_may_not_go_below_reserved(inventory, broker):
    client = inventory.client
    await stock(client, "TEA", {"WH-SH": 10})
    inventory.app.record(*inventory.app.reserve_stock(reservation_request(("TEA", 7))))

    damaged = await client.post("/stock/adjustments", json={"sku": "TEA", "warehouse_id": "WH-SH", "delta": -3,
                                                            "reason": "damaged", "note": "crushed carton"})
    position = inventory.app.position()
    too_much = await client.post("/stock/adjustments", json={"sku": "TEA", "warehouse_id": "WH-SH", "delta": -1,
                                                             "reason": "lost"})

    assert damaged.status_code == 201, damaged.text
    assert damaged.json() == {"sku": "TEA", "warehouse_id": "WH-SH", "on_hand": 7, "reserved": 7, "available": 0}
    assert too_much.status_code == 409 and too_much.json()["type"].endswith("/stock-below-reserved")
    assert inventory.app.position() == position
    assert await level(client, "TEA", "WH-SH") == {"on_hand": 7, "reserved": 7, "available": 0}
    async with TopicReader(broker, EVENTS) as events:
        (adjusted,) = await events.wait_for("oms.inventory.v1.StockAdjusted")
    assert (adjusted.quantity_delta, adjusted.note, adjusted.level_after.on_hand) == (-3, "crushed carton", 7)


async def test_bad_adjustments_are_refused_naming_every_field(inventory):
    await stock(inventory.client, "TEA", {"WH-SH": 1})

    response = await inventory.client.post("/stock/adjustments", json={"sku": "TEA", "warehouse_id": "WH-SH",
                                                                       "delta": 0, "reason": "stolen?"})

    assert response.status_code == 422
    assert {e["field"] for e in response.json()["errors"]} == {"delta", "reason"}


async def test_a_count_sets_on_hand_keeps_reservations_and_may_not_go_below_them(inventory, broker):
    client = inventory.client
    await stock(client, "TEA", {"WH-BJ": 10})
    inventory.app.record(*inventory.app.reserve_stock(reservation_request(("TEA", 4), province="北京市")))

    counted = await client.post("/stock/counts", json={"sku": "TEA", "warehouse_id": "WH-BJ", "counted": 8})
    below = await client.post("/stock/counts", json={"sku": "TEA", "warehouse_id": "WH-BJ", "counted": 3})

    assert counted.status_code == 201
    assert counted.json() == {"sku": "TEA", "warehouse_id": "WH-BJ", "on_hand": 8, "reserved": 4, "available": 4}
    assert below.status_code == 409
    assert await level(client, "TEA", "WH-BJ") == {"on_hand": 8, "reserved": 4, "available": 4}
    async with TopicReader(broker, EVENTS) as events:
        (message,) = await events.wait_for("oms.inventory.v1.StockCounted")
    assert (message.counted_quantity, message.expected_quantity, message.difference) == (8, 10, -2)


async def test_falling_below_safety_stock_raises_one_low_stock_alert(inventory, broker):
    client = inventory.client
    await stock(client, "TEA", {"WH-SH": 6}, safety_stock=5)

    for _ in range(2):
        response = await client.post("/stock/adjustments", json={"sku": "TEA", "warehouse_id": "WH-SH",
                                                                 "delta": -1, "reason": "sample"})
        assert response.status_code == 201

    async with TopicReader(broker, EVENTS) as events:
        await events.wait_for("oms.inventory.v1.StockAdjusted", 2)
        alerts = await events.wait_for("oms.inventory.v1.LowStockDetected")
        keys = [r.key for r in events.records if r.value and b"LowStockDetected" in r.value]
    assert [(a.warehouse_id, a.available, a.safety_stock) for a in alerts] == [("WH-SH", 4, 5)]
    assert keys == [b"TEA@WH-SH"]


async def test_stock_is_listed_per_sku_and_per_warehouse(inventory):
    client = inventory.client
    await stock(client, "TEA", {"WH-SH": 5, "WH-GZ": 2})
    await stock(client, "CUP", {"WH-GZ": 9})

    tea = (await client.get("/stock/TEA")).json()
    in_guangzhou = (await client.get("/stock", params={"warehouse_id": "WH-GZ"})).json()
    unknown = await client.get("/stock", params={"warehouse_id": "WH-XX"})

    assert (tea["on_hand"], tea["available"]) == (7, 7)
    assert [w["warehouse_id"] for w in tea["warehouses"]] == ["WH-SH", "WH-GZ", "WH-BJ"]
    assert {(s["sku"], s["on_hand"]) for s in in_guangzhou} == {("TEA", 2), ("CUP", 9)}
    assert unknown.status_code == 422
    assert unknown.json()["errors"] == [{"field": "warehouse_id", "code": "unknown_warehouse",
                                         "message": unknown.json()["errors"][0]["message"], "location": "query"}]
    assert (await client.get("/stock/NOPE")).status_code == 404
    assert [w["warehouse_id"] for w in (await client.get("/warehouses")).json()] == ["WH-SH", "WH-GZ", "WH-BJ"]
