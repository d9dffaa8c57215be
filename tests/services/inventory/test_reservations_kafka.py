"""Reservations through the real broker: ReserveStock, ReleaseReservation and ConsumeReservation."""

from oms.common.v1.line_quantity_pb2 import LineQuantity
from oms.inventory.v1 import inventory_pb2
from oms.inventory.v1.inventory_commands_pb2 import ConsumeReservation, ReleaseReservation
from oms_platform.identity import reservation_id_for, shipment_id_for
from tests.support.messaging import TopicReader

from .helpers import EVENTS, envelope, eventually, level, new_order_id, reserve, send_commands, stock

MADE = "oms.inventory.v1.ReservationMade"
FAILED = "oms.inventory.v1.ReservationFailed"


async def test_an_order_is_reserved_in_the_warehouse_of_its_region(inventory_on_each_backend, broker):
    client = inventory_on_each_backend.client
    await stock(client, "TEA", {"WH-SH": 5, "WH-GZ": 5})
    await stock(client, "CUP", {"WH-SH": 1, "WH-GZ": 3})
    order_id = new_order_id()

    await send_commands(broker, [envelope(reserve(order_id, ("TEA", 2), ("CUP", 2), province="广东省"),
                                          order_id=order_id, version=1)])

    async with TopicReader(broker, EVENTS) as events:
        (made,) = await events.wait_for(MADE)
        (key,) = [r.key for r in events.records if b"ReservationMade" in r.value]
    assert key == order_id.encode()
    assert (made.reservation_id, made.order_id, made.sourcing_rule_id) == (
        reservation_id_for(order_id), order_id, "region-warehouse")
    assert [(a.warehouse_id, [(ln.line_id, ln.sku, ln.quantity) for ln in a.lines]) for a in made.allocations] == [
        ("WH-GZ", [("1", "TEA", 2), ("2", "CUP", 2)])]
    assert await level(client, "CUP", "WH-GZ") == {"on_hand": 3, "reserved": 2, "available": 1}


async def test_a_repeated_reserve_command_reserves_nothing_more(inventory, broker):
    await stock(inventory.client, "TEA", {"WH-SH": 10})
    order_id = new_order_id()
    first = envelope(reserve(order_id, ("TEA", 3)), order_id=order_id, version=1)
    resent = envelope(reserve(order_id, ("TEA", 3)), order_id=order_id, version=2)  # same reservation id
    marker = reserve(order_id, ("TEA", 1))
    marker.reservation_id, marker.split_part_id = reservation_id_for(order_id + "/2"), "2"

    # Same key, one partition: when the marker is reserved, everything before it was processed.
    await send_commands(broker, [first, first, resent, envelope(marker, order_id=order_id, version=3)])

    async with TopicReader(broker, EVENTS) as events:
        await events.wait_for(MADE, where=lambda m: m.split_part_id == "2")
        made = [m for _, m in events.messages(MADE)]
    assert [m.reservation_id for m in made].count(reservation_id_for(order_id)) == 1
    assert await level(inventory.client, "TEA", "WH-SH") == {"on_hand": 10, "reserved": 4, "available": 6}


async def test_an_order_that_cannot_be_filled_fails_with_the_shortfall_and_reserves_nothing(inventory, broker):
    await stock(inventory.client, "TEA", {"WH-SH": 2, "WH-BJ": 1})
    await stock(inventory.client, "CUP", {"WH-GZ": 5})
    order_id = new_order_id()

    await send_commands(broker, [envelope(reserve(order_id, ("CUP", 1), ("TEA", 5)), order_id=order_id, version=1)])

    async with TopicReader(broker, EVENTS) as events:
        (failed,) = await events.wait_for(FAILED)
    assert failed.reason == inventory_pb2.RESERVATION_FAILURE_REASON_INSUFFICIENT_STOCK
    assert [(s.line_id, s.sku, s.requested, s.available) for s in failed.shortfalls] == [("2", "TEA", 5, 3)]
    assert await level(inventory.client, "CUP", "WH-GZ") == {"on_hand": 5, "reserved": 0, "available": 5}


async def test_release_gives_stock_back_and_consume_ships_it(inventory, broker):
    client = inventory.client
    await stock(client, "TEA", {"WH-SH": 10})
    cancelled, shipped = new_order_id(), new_order_id()
    await send_commands(broker, [envelope(reserve(cancelled, ("TEA", 4)), order_id=cancelled, version=1),
                                 envelope(reserve(shipped, ("TEA", 3)), order_id=shipped, version=1)])
    async with TopicReader(broker, EVENTS) as events:
        await events.wait_for(MADE, 2)

    release = ReleaseReservation(reservation_id=reservation_id_for(cancelled), order_id=cancelled,
                                 reason=inventory_pb2.RELEASE_REASON_ORDER_CANCELLED)
    shipment_id = shipment_id_for(shipped, "WH-SH")
    consume = ConsumeReservation(reservation_id=reservation_id_for(shipped), order_id=shipped,
                                 shipment_id=shipment_id, warehouse_id="WH-SH",
                                 lines=[LineQuantity(line_id="1", sku="TEA", quantity=3)])
    await send_commands(broker, [envelope(release, order_id=cancelled, version=2),
                                 envelope(consume, order_id=shipped, version=2),
                                 envelope(consume, order_id=shipped, version=3)])  # the same shipment again

    async with TopicReader(broker, EVENTS) as events:
        (released,) = await events.wait_for("oms.inventory.v1.ReservationReleased")
        (consumed,) = await events.wait_for("oms.inventory.v1.ReservationConsumed")
    assert released.reason == inventory_pb2.RELEASE_REASON_ORDER_CANCELLED
    assert [(a.warehouse_id, a.lines[0].quantity) for a in released.released] == [("WH-SH", 4)]
    assert (consumed.shipment_id, consumed.consumed.warehouse_id, consumed.consumed.lines[0].quantity) == (
        shipment_id, "WH-SH", 3)

    async def settled() -> bool:
        return await level(client, "TEA", "WH-SH") == {"on_hand": 7, "reserved": 0, "available": 7}
    await eventually(settled, what="stock after release and consumption")
    assert (await client.get(f"/reservations/{reservation_id_for(shipped)}")).json()["status"] == "consumed"
    cancelled_view = (await client.get(f"/reservations/{reservation_id_for(cancelled)}")).json()
    assert (cancelled_view["status"], cancelled_view["held"]) == ("released", [])
    assert (await client.get(f"/reservations/{reservation_id_for(new_order_id())}")).status_code == 404
    assert (await client.get("/reservations/not-a-uuid")).status_code == 404


async def test_a_command_that_cannot_be_accepted_is_dead_lettered(inventory, broker):
    await stock(inventory.client, "TEA", {"WH-SH": 10})
    order_id = new_order_id()
    nonsense = reserve(order_id, ("TEA", 0))
    consume_unknown = ConsumeReservation(reservation_id=reservation_id_for(order_id), order_id=order_id,
                                         shipment_id="s-1", warehouse_id="WH-SH")

    await send_commands(broker, [envelope(nonsense, order_id=order_id, version=1),
                                 envelope(consume_unknown, order_id=order_id, version=2)])

    async with TopicReader(broker, "oms.inventory.commands.v1.dlq") as dead_letters:
        async def both_arrived() -> bool:
            await dead_letters.poll()
            return len(dead_letters.records) == 2
        await eventually(both_arrived, what="two dead letters")
        reasons = [dict(r.headers)["dlq-reason"] for r in dead_letters.records]
    assert reasons[0].startswith(b"invalid: ReserveStock: line '1': quantity 0")
    assert reasons[1].startswith(b"invalid: reservation") and reasons[1].endswith(b"does not exist")
    assert await level(inventory.client, "TEA", "WH-SH") == {"on_hand": 10, "reserved": 0, "available": 10}
