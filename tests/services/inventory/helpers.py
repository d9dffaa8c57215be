"""Small helpers the inventory integration tests share: HTTP setup, commands on Kafka, polling."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Awaitable, Callable, Sequence
from datetime import UTC, datetime
from typing import Any

from aiokafka import AIOKafkaProducer

from oms.common.v1.address_pb2 import Address
from oms.common.v1.line_quantity_pb2 import LineQuantity
from oms.envelope.v1.envelope_pb2 import Envelope
from oms.inventory.v1.inventory_commands_pb2 import ReserveStock
from oms_platform.identity import reservation_id_for

COMMANDS = "oms.inventory.commands.v1"
EVENTS = "oms.inventory.events.v1"
AVAILABILITY = "oms.inventory.availability.v1"


def product(sku: str = "TEA", **changes: Any) -> dict[str, Any]:
    return {"sku": sku, "name": "西湖龙井茶 250g / West Lake Longjing tea", "category": "food/tea",
            "unit_price": {"currency": "CNY", "minor_units": 16800}, "weight_grams": 300, "active": True,
            "safety_stock": 0, **changes}


async def stock(client, sku: str, units: dict[str, int], safety_stock: int = 0) -> None:
    """Catalogue the SKU and book opening stock per warehouse."""
    response = await client.post("/catalogue/products", json=product(sku, safety_stock=safety_stock))
    assert response.status_code in (200, 201), response.text
    for warehouse_id, quantity in units.items():
        response = await client.post("/stock/receipts", json={
            "sku": sku, "warehouse_id": warehouse_id, "quantity": quantity, "reference": f"opening-{warehouse_id}"})
        assert response.status_code == 201, response.text


async def level(client, sku: str, warehouse_id: str) -> dict[str, int]:
    response = await client.get(f"/stock/{sku}")
    assert response.status_code == 200, response.text
    (found,) = [w for w in response.json()["warehouses"] if w["warehouse_id"] == warehouse_id]
    return {key: found[key] for key in ("on_hand", "reserved", "available")}


def reserve(order_id: str, *lines: tuple[str, int], province: str = "浙江省") -> ReserveStock:
    return ReserveStock(
        reservation_id=reservation_id_for(order_id), order_id=order_id,
        lines=[LineQuantity(line_id=str(n), sku=sku, quantity=q) for n, (sku, q) in enumerate(lines, 1)],
        destination=Address(country_code="CN", province=province, city="杭州市", district="西湖区"),
    )


def new_order_id() -> str:
    return str(uuid.uuid4())


def envelope(message: Any, *, order_id: str, version: int) -> Envelope:
    """The envelope the order service's relay would put around one of its commands."""
    sealed = Envelope(event_id=str(uuid.uuid4()), type=message.DESCRIPTOR.full_name, producer="order",
                      aggregate_id=order_id, aggregate_version=version)
    sealed.correlation_id = sealed.causation_id = sealed.event_id
    sealed.occurred_at.FromDatetime(datetime.now(UTC))
    sealed.payload.Pack(message)
    return sealed


async def send_commands(bootstrap: str, envelopes: Sequence[Envelope]) -> None:
    """Send every command at once through one producer, keyed by order id, and wait for the acks."""
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, enable_idempotence=False)
    await producer.start()
    try:
        sent = [await producer.send(COMMANDS, value=e.SerializeToString(), key=e.aggregate_id.encode())
                for e in envelopes]
        await asyncio.gather(*sent)
    finally:
        await producer.stop()


async def eventually(check: Callable[[], Awaitable[bool]], *, timeout: float = 30.0, what: str = "condition") -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not await check():
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.05)
