"""Drive a running order service the way its neighbours do: their messages in, its messages out."""

from __future__ import annotations

import asyncio
import uuid
from collections import defaultdict
from contextlib import AsyncExitStack, asynccontextmanager

from oms.common.v1.line_quantity_pb2 import LineQuantity, WarehouseAllocation
from oms.fulfillment.v1.fulfillment_events_pb2 import ShipmentCreated, ShipmentDispatched
from oms.fulfillment.v1.fulfillment_pb2 import ShipmentLine
from oms.intake.v1.intake_events_pb2 import ChannelOrderUpdateApplied
from oms.inventory.v1.reservation_events_pb2 import ReservationMade
from oms.tracking.v1.tracking_events_pb2 import ShipmentDelivered
from oms_platform.identity import reservation_id_for, shipment_id_for
from services.order.bootstrap import definition
from tests.support.messaging import TopicReader, publish
from tests.support.services import running_service

from .orders import accepted

INTAKE_EVENTS = "oms.intake.events.v1"
INVENTORY_EVENTS = "oms.inventory.events.v1"
FULFILLMENT_EVENTS = "oms.fulfillment.events.v1"
TRACKING_EVENTS = "oms.tracking.events.v1"


class OrderFlow:
    def __init__(self, broker: str, service, readers: dict[str, TopicReader]):
        self.broker = broker
        self.service = service
        self.events = readers["oms.order.events.v1"]
        self.inventory = readers["oms.inventory.commands.v1"]
        self.fulfillment = readers["oms.fulfillment.commands.v1"]
        self._versions: dict[tuple[str, str], int] = defaultdict(int)

    @property
    def http(self):
        return self.service.client

    async def send(self, topic: str, order_id: str, message, *, producer: str, aggregate_id: str,
                   version: int | None = None):
        """Publish as the upstream service's relay would: its aggregate's next version, keyed by order."""
        if version is None:
            self._versions[producer, aggregate_id] += 1
            version = self._versions[producer, aggregate_id]
        return await publish(self.broker, topic, order_id, message, producer=producer,
                             aggregate_id=aggregate_id, aggregate_version=version)

    async def accept(self, order_id: str, *, version: int | None = None, **order):
        """Ingest accepted the order; `version` repeats an earlier delivery."""
        await self.send(INTAKE_EVENTS, order_id, accepted(order_id, **order), producer="ingest",
                        aggregate_id=intake_aggregate(order_id), version=version)

    async def channel_update(self, order_id: str, update: ChannelOrderUpdateApplied):
        update.order_id = order_id
        update.channel_order.channel_account = "test-shop"
        await self.send(INTAKE_EVENTS, order_id, update, producer="ingest", aggregate_id=intake_aggregate(order_id))

    async def reserve(self, order_id: str, *warehouses: str):
        """Inventory reserved line 1 (2 units) in each warehouse given."""
        allocations = [WarehouseAllocation(warehouse_id=wh, lines=[LineQuantity(line_id=str(n), sku=f"SKU-{n}",
                                                                                quantity=2)])
                       for n, wh in enumerate(warehouses, start=1)]
        reservation_id = reservation_id_for(order_id)
        await self.send(INVENTORY_EVENTS, order_id, ReservationMade(
            reservation_id=reservation_id, order_id=order_id, allocations=allocations),
            producer="inventory", aggregate_id=reservation_id)

    async def create_shipment(self, order_id: str, warehouse_id: str):
        shipment_id = shipment_id_for(order_id, warehouse_id)
        await self.send(FULFILLMENT_EVENTS, order_id, ShipmentCreated(
            shipment_id=shipment_id, order_id=order_id, warehouse_id=warehouse_id),
            producer="fulfillment", aggregate_id=shipment_id)

    async def dispatch(self, order_id: str, warehouse_id: str, line_id: str = "1", *, version: int | None = None):
        shipment_id = shipment_id_for(order_id, warehouse_id)
        await self.send(FULFILLMENT_EVENTS, order_id, ShipmentDispatched(
            shipment_id=shipment_id, order_id=order_id, warehouse_id=warehouse_id, carrier_code="SF",
            tracking_numbers=["SF1001"], lines=[ShipmentLine(line_id=line_id, sku=f"SKU-{line_id}", quantity=2)]),
            producer="fulfillment", aggregate_id=shipment_id, version=version)

    async def deliver(self, order_id: str, warehouse_id: str, *, version: int | None = None):
        """Tracking's fact; `version` repeats an earlier delivery."""
        shipment_id = shipment_id_for(order_id, warehouse_id)
        await self.send(TRACKING_EVENTS, order_id, ShipmentDelivered(order_id=order_id, shipment_id=shipment_id),
                        producer="tracking", aggregate_id=shipment_id, version=version)

    async def order_event(self, type_name: str, order_id: str, count: int = 1):
        found = await self.events.wait_for(f"oms.order.v1.{type_name}", count,
                                           where=lambda m: m.order_id == order_id)
        return found[-1]

    async def command(self, reader: TopicReader, type_name: str, order_id: str, count: int = 1):
        found = await reader.wait_for(type_name, count, where=lambda m: m.order_id == order_id)
        return found[-1]

    async def order(self, order_id: str) -> dict:
        response = await self.http.get(f"/orders/{order_id}")
        assert response.status_code == 200, response.text
        return response.json()

    async def in_fulfilment(self, order_id: str, warehouse_id: str = "WH-SH"):
        """An approved, allocated order whose one shipment exists."""
        await self.accept(order_id)
        await self.order_event("OrderApproved", order_id)
        await self.reserve(order_id, warehouse_id)
        await self.order_event("OrderAllocated", order_id)
        await self.create_shipment(order_id, warehouse_id)
        await self.order_event("FulfilmentStarted", order_id)


async def eventually(condition, *, timeout: float = 30.0, what: str = "condition") -> None:
    """Poll a condition until it holds; fail after the timeout."""
    deadline = asyncio.get_running_loop().time() + timeout
    while not condition():
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.05)


def intake_aggregate(order_id: str) -> str:
    """Ingest's aggregate for the channel order: the accepted order and its later updates."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"ingest/{order_id}"))


@asynccontextmanager
async def order_flow(broker: str, data_dir, **settings):
    async with AsyncExitStack() as stack:
        service = await stack.enter_async_context(running_service(definition(), bootstrap=broker,
                                                                  data_dir=data_dir, **settings))
        readers = {}
        for topic in ("oms.order.events.v1", "oms.inventory.commands.v1", "oms.fulfillment.commands.v1"):
            readers[topic] = await stack.enter_async_context(TopicReader(broker, topic))
        yield OrderFlow(broker, service, readers)
