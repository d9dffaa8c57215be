"""A burst of orders for the last units, all at once over the real broker: never oversold."""

from tests.support.messaging import TopicReader

from .helpers import AVAILABILITY, EVENTS, envelope, level, new_order_id, reserve, send_commands, stock

LAST_UNITS, ORDERS = 10, 30


async def test_thirty_orders_for_the_last_ten_units_reserve_exactly_ten(inventory, broker):
    await stock(inventory.client, "TEA", {"WH-SH": LAST_UNITS})
    orders = [new_order_id() for _ in range(ORDERS)]

    await send_commands(broker, [envelope(reserve(o, ("TEA", 1)), order_id=o, version=1) for o in orders])

    async with TopicReader(broker, EVENTS) as events:
        await events.wait_for("oms.inventory.v1.ReservationMade", LAST_UNITS, timeout=60)
        await events.wait_for("oms.inventory.v1.ReservationFailed", ORDERS - LAST_UNITS, timeout=60)
        made = [m.order_id for _, m in events.messages("oms.inventory.v1.ReservationMade")]
        failed = [m.order_id for _, m in events.messages("oms.inventory.v1.ReservationFailed")]
    assert len(made) == LAST_UNITS and len(failed) == ORDERS - LAST_UNITS
    assert sorted(made + failed) == sorted(orders)  # every order answered exactly once
    assert await level(inventory.client, "TEA", "WH-SH") == {"on_hand": 10, "reserved": 10, "available": 0}

    async with TopicReader(broker, AVAILABILITY) as feed:
        await feed.wait_for("oms.inventory.v1.AvailabilityChanged", where=lambda m: m.available_to_sell == 0)
        pictures = [m for _, m in feed.messages("oms.inventory.v1.AvailabilityChanged")]
    for picture in pictures:
        assert picture.available_to_sell >= 0
        assert picture.available_to_sell == sum(w.available for w in picture.warehouses)
        assert all(w.available == w.on_hand - w.reserved >= 0 for w in picture.warehouses)
    assert [p.available_to_sell for p in pictures] == list(range(LAST_UNITS, -1, -1))
