"""An operator in a real browser: finds an order by its number, starts picking, picks, packs and
dispatches its shipment, and watches the outbound scan arrive on the timeline.

Everything is real: the projection, fulfillment and tracking services run as processes against
one broker. The test plays the order service only: it publishes the order and asks fulfillment
for the shipment, as the order service does.
"""

from __future__ import annotations

import asyncio
import re
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest
from playwright.sync_api import expect

from oms.common.v1.address_pb2 import Address
from oms.fulfillment.v1 import fulfillment_commands_pb2, fulfillment_pb2
from oms_platform.identity import shipment_id_for
from tests.services.projection.messages import ORDER_EVENTS, order_placed
from tests.support.messaging import publish
from tests.support.stack import SystemStack, running_stack

FULFILLMENT_COMMANDS = "oms.fulfillment.commands.v1"
WAREHOUSE = "WH-SHANGHAI"
SEEN = 30_000  # ms; what the stack needs to carry a message through, with joins after a start


def create_shipments(order_id: str, order_number: str) -> fulfillment_commands_pb2.CreateShipments:
    return fulfillment_commands_pb2.CreateShipments(
        order_id=order_id, order_number=order_number, reservation_id=str(uuid.uuid4()),
        shipments=[fulfillment_pb2.PlannedShipment(
            shipment_id=shipment_id_for(order_id, WAREHOUSE), warehouse_id=WAREHOUSE,
            lines=[fulfillment_pb2.ShipmentLine(line_id="1", sku="SKU-TEA-01", name="Longjing tea 250g", quantity=2)],
        )],
        destination=Address(recipient_name="李伟", phone="+8613812345678", country_code="CN", province="上海市",
                            city="上海市", district="浦东新区", street_lines=["世纪大道 100 号"], postcode="200120"),
        priority=2, requested_service_level=fulfillment_pb2.SERVICE_LEVEL_STANDARD,
    )


async def place_order(bootstrap: str, order_id: str, order_number: str) -> None:
    """What the order service publishes for an allocated order: the order, then its shipments."""
    await publish(bootstrap, ORDER_EVENTS, order_id, order_placed(order_id, number=order_number),
                  producer="order", aggregate_id=order_id, aggregate_version=1)
    await publish(bootstrap, FULFILLMENT_COMMANDS, order_id, create_shipments(order_id, order_number),
                  producer="order")


@pytest.fixture
def stack(embedded_broker, tmp_path) -> Iterator[SystemStack]:
    # Requested before `page`: the stack starts and stops outside Playwright's event loop.
    with running_stack(embedded_broker.bootstrap_servers, tmp_path,
                       services=("projection", "fulfillment", "tracking")) as running:
        yield running


def outside_the_browser_loop(coroutine) -> None:
    """Playwright's sync API keeps an event loop running in this thread; publish from another."""
    with ThreadPoolExecutor(max_workers=1) as thread:
        thread.submit(asyncio.run, coroutine).result()


def press(page, shipment, command: str) -> None:
    # The button says "Start picking" for the command "start-picking".
    shipment.get_by_role("button", name=re.compile(f"^{command.replace('-', ' ')}", re.I)).click()
    expect(page.locator("#command-result")).to_contain_text(f"{command} accepted", timeout=SEEN)


def test_an_operator_dispatches_a_shipment_and_sees_the_outbound_scan(stack, page):
    order_id, order_number = str(uuid.uuid4()), f"SO-{uuid.uuid4().hex[:8].upper()}"
    outside_the_browser_loop(place_order(stack.bootstrap, order_id, order_number))

    page.goto(stack.url("projection"))
    page.get_by_label("Search orders").fill(order_number)
    page.get_by_role("button", name="Search").click()
    page.get_by_role("link", name=order_number).click(timeout=SEEN)
    expect(page.locator("#order-title")).to_contain_text(order_number)

    shipment = page.locator(f'[data-shipment-id="{shipment_id_for(order_id, WAREHOUSE)}"]')
    expect(shipment).to_be_visible(timeout=SEEN)
    timeline = page.locator("#timeline")
    expect(shipment).to_contain_text("pick list issued", timeout=SEEN)
    # An issued pick list is not picking: checkpoint 4 comes when the warehouse starts picking.
    expect(timeline.locator('[data-code="picking_started"]')).to_have_count(0)
    press(page, shipment, "start-picking")
    expect(timeline.locator('[data-code="picking_started"]')).to_have_count(1, timeout=SEEN)
    expect(page.locator("#checkpoints li.reached")).to_contain_text(["Picking started"], timeout=SEEN)
    expect(shipment.locator(".pill")).to_have_text("picking", timeout=SEEN)
    press(page, shipment, "pick")
    expect(shipment.locator(".pill")).to_have_text("picked", timeout=SEEN)
    press(page, shipment, "pack")
    expect(timeline.locator('[data-code="outbound_scan"]')).to_have_count(0)

    press(page, shipment, "dispatch")

    outbound_scan = timeline.locator('[data-code="outbound_scan"]')
    expect(outbound_scan).to_contain_text("Outbound scan", timeout=SEEN)
    expect(outbound_scan).to_contain_text(f"Left warehouse {WAREHOUSE}")
    expect(page.locator("#checkpoints li.reached")).to_have_text(
        ["Order confirmed", "Picking started", "Outbound scan"], timeout=SEEN)
    expect(shipment).to_contain_text("dispatched", timeout=SEEN)
