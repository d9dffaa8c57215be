"""Checkpoints typed in by staff for small carriers, and cash collected on delivery (T1, T2)."""

from __future__ import annotations

import pytest

from tests.services.tracking.api import HANGZHOU, checkpoints, until_reached
from tests.services.tracking.upstream import TRACKING_EVENTS, UpstreamOrder
from tests.support.messaging import TopicReader

pytestmark = pytest.mark.kafka

STAFF = {"X-Actor": "cs-agent-17"}


def entry(checkpoint: str, hour: int) -> dict:
    return {"checkpoint": checkpoint, "occurred_at": f"2026-11-21T{hour:02d}:00:00+08:00", "location": HANGZHOU}


async def test_staff_enter_the_checkpoints_of_a_carrier_without_an_api(tracking, broker):
    order = UpstreamOrder(broker, cash_on_delivery=True)
    await order.until_dispatched("LC-88", carrier_code="local-courier")
    before = await until_reached(tracking, order.order_id, "REVIEW_PASSED", "OUTBOUND_SCAN")
    assert "PAYMENT_COMPLETED" not in before  # cash on delivery: paid when the parcel is handed over
    path = f"/shipments/{order.shipment_id}/checkpoints"

    pickup = await tracking.client.post(path, json=entry("CARRIER_PICKUP", 9), headers=STAFF)
    assert pickup.status_code == 202, pickup.text
    assert pickup.json()["checkpoint"] | {"occurred_at": None, "location": None} == {
        "checkpoint": "CARRIER_PICKUP", "source": "manual", "shipment_id": order.shipment_id,
        "carrier_code": "local-courier", "tracking_number": "LC-88", "carrier_raw_code": "CARRIER_PICKUP",
        "description": "", "recorded_by": "cs-agent-17", "occurred_at": None, "location": None,
    }
    again = await tracking.client.post(path, json=entry("CARRIER_PICKUP", 9), headers=STAFF)
    assert (again.status_code, again.json()["status"]) == (200, "duplicate")
    delivered = await tracking.client.post(path, json=entry("DELIVERED", 17), headers=STAFF)
    assert delivered.status_code == 202

    found = await checkpoints(tracking, order.order_id)
    assert found == ["ORDER_CONFIRMED", "PAYMENT_COMPLETED", "REVIEW_PASSED", "PICKING_STARTED",
                     "OUTBOUND_SCAN", "CARRIER_PICKUP", "DELIVERED"]
    async with TopicReader(broker, TRACKING_EVENTS) as topic:
        delivery = (await topic.wait_for("oms.tracking.v1.ShipmentDelivered"))[0]
        raw = topic.messages("oms.tracking.v1.CarrierEventReceived")
    assert (delivery.cash_collected.currency_code, delivery.cash_collected.minor_units) == ("CNY", 12_900)
    assert [p.recorded_by.actor_id for _, p in raw] == ["cs-agent-17", "cs-agent-17"]

    closed = await tracking.client.post(path, json=entry("OUT_FOR_DELIVERY", 18), headers=STAFF)
    assert closed.status_code == 409
    assert await checkpoints(tracking, order.order_id) == found


async def test_manual_entry_is_refused_without_an_actor_a_carrier_checkpoint_or_a_dispatched_shipment(tracking):
    path = "/shipments/no-such-shipment/checkpoints"
    anonymous = await tracking.client.post(path, json={"checkpoint": "REVIEW_PASSED", "occurred_at": "soon"})
    assert anonymous.status_code == 422
    assert {e["field"] for e in anonymous.json()["errors"]} == {"x-actor", "checkpoint", "occurred_at"}

    unknown = await tracking.client.post(path, json=entry("CARRIER_PICKUP", 9), headers=STAFF)
    assert unknown.status_code == 404 and unknown.json()["resource"] == "shipment"
