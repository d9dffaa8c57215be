"""What an outside client does: publish channel orders, drive the warehouse and carrier, read views.

Only public interfaces: the intake topic (envelope + protobuf), the services' HTTP APIs, the
query API and the metrics endpoints.
"""

from __future__ import annotations

import asyncio
import time
from datetime import UTC, datetime

import httpx
from prometheus_client.parser import text_string_to_metric_families

from oms.common.v1 import address_pb2, channel_pb2, contact_pb2, money_pb2, order_line_pb2, payment_pb2
from oms.intake.v1 import channel_order_events_pb2, channel_order_pb2
from tests.support.messaging import publish

INTAKE_TOPIC = "oms.intake.channel-orders.v1"


def cny(minor: int) -> money_pb2.Money:
    return money_pb2.Money(currency_code="CNY", minor_units=minor)


def channel_order(channel_order_id: str, lines: list[tuple[str, int, int]], *, cod: bool = False,
                  phone: str = "13912345678", name: str = "王芳") -> channel_order_events_pb2.ChannelOrderPlaced:
    """A marketplace order: lines are (sku, quantity, unit price in fen)."""
    total = sum(quantity * price for _, quantity, price in lines)
    order = channel_order_pb2.ChannelOrder(
        channel=channel_pb2.CHANNEL_MARKETPLACE, channel_account="e2e-market", channel_order_id=channel_order_id,
        customer=channel_order_pb2.ChannelCustomer(name=name),
        contact=contact_pb2.Contact(name=name, phone=phone),
        shipping_address=address_pb2.Address(
            recipient_name=name, phone=phone, country_code="CN", province="浙江省", city="杭州市",
            district="西湖区", street_lines=["文三路478号"], postcode="310013"),
        lines=[order_line_pb2.OrderLine(line_id=str(n), sku=sku, quantity=quantity, unit_price=cny(price))
               for n, (sku, quantity, price) in enumerate(lines, 1)],
        reported_totals=channel_order_pb2.ReportedTotals(grand_total=cny(total)),
        payment=channel_order_pb2.ReportedPayment(
            status=payment_pb2.PAYMENT_STATUS_CASH_ON_DELIVERY if cod else payment_pb2.PAYMENT_STATUS_PAID,
            method=payment_pb2.PAYMENT_METHOD_CASH_ON_DELIVERY if cod else payment_pb2.PAYMENT_METHOD_ONLINE,
            paid_amount=cny(0 if cod else total), payment_reference=f"PAY-{channel_order_id}"),
    )
    order.placed_at.FromDatetime(datetime.now(UTC))
    return channel_order_events_pb2.ChannelOrderPlaced(order=order)


async def place(bootstrap: str, message: channel_order_events_pb2.ChannelOrderPlaced) -> None:
    order = message.order
    await publish(bootstrap, INTAKE_TOPIC, f"{order.channel_account}:{order.channel_order_id}", message,
                  producer="e2e-channel-adapter")


async def eventually(check, *, timeout: float = 60.0, what: str):
    """Poll an async check until it returns something truthy; that value is returned."""
    deadline = time.monotonic() + timeout
    while True:
        value = await check()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.2)


async def counter(client: httpx.AsyncClient, url: str, name: str, **labels: str) -> float:
    text = (await client.get(f"{url}/metrics")).text
    return sum(sample.value for family in text_string_to_metric_families(text) for sample in family.samples
               if sample.name == name and all(sample.labels.get(k) == v for k, v in labels.items()))


async def stock_catalogue(client: httpx.AsyncClient, inventory: str, ingest: str,
                          products: list[tuple[str, int, dict[str, int]]]) -> None:
    """Catalogue products (sku, price, {warehouse: units}) and wait until ingest knows them."""
    before = await counter(client, ingest, "oms_messages_consumed_total", topic="oms.inventory.events.v1",
                           outcome="processed")
    for sku, price, stock in products:
        answer = await client.post(f"{inventory}/catalogue/products", json={
            "sku": sku, "name": f"Product {sku}", "unit_price": {"currency": "CNY", "minor_units": price},
            "category": "test", "weight_grams": 500, "active": True, "safety_stock": 0})
        assert answer.status_code in (200, 201), answer.text
        for warehouse, units in stock.items():
            answer = await client.post(f"{inventory}/stock/receipts", json={
                "sku": sku, "warehouse_id": warehouse, "quantity": units, "reference": f"OPEN-{sku}-{warehouse}",
                "kind": "opening_balance"})
            assert answer.status_code in (200, 201), answer.text

    async def ingest_caught_up():
        seen = await counter(client, ingest, "oms_messages_consumed_total", topic="oms.inventory.events.v1",
                             outcome="processed")
        return seen - before >= len(products)

    await eventually(ingest_caught_up, what="ingest to read the catalogue")


async def find_order(client: httpx.AsyncClient, projection: str, channel_order_id: str, *, status: str | None = None):
    async def found():
        page = (await client.get(f"{projection}/api/orders", params={"q": channel_order_id})).json()
        matches = [o for o in page["items"] if o["channel_order_id"] == channel_order_id]
        if matches and (status is None or matches[0]["status"] == status):
            return matches
        return None

    return await eventually(found, what=f"order {channel_order_id} in the query API (status {status})")
