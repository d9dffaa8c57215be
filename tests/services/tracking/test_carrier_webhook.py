"""The carrier webhook's refusals, and carrier events that arrive before their shipment (T1)."""

from __future__ import annotations

import pytest

from tests.services.tracking.api import scan, until_reached
from tests.services.tracking.upstream import TRACKING_EVENTS, UpstreamOrder
from tests.support.messaging import TopicReader

pytestmark = pytest.mark.kafka


def fields(response) -> set[str]:
    return {error["field"] for error in response.json().get("errors", [])}


async def test_a_body_missing_its_fields_is_refused_naming_each(tracking):
    response = await tracking.client.post("/carriers/zto/events", json={"location": {"country": "China"}})
    assert response.status_code == 422
    assert fields(response) == {"tracking_number", "event_code", "occurred_at", "location.country"}


@pytest.mark.parametrize(("change", "field"), [
    ({"occurred_at": "2026-11-21T09:00:00"}, "occurred_at"),  # no UTC offset
    ({"occurred_at": "2099-01-01T09:00:00+08:00"}, "occurred_at"),
    ({"tracking_number": "ZT 1; DROP"}, "tracking_number"),
    ({"event_code": ""}, "event_code"),
])
async def test_a_wrong_field_is_named(tracking, change, field):
    response = await tracking.client.post("/carriers/zto/events", json=scan("ZT1", "ARRIVED", 9) | change)
    assert response.status_code == 422 and fields(response) == {field}


async def test_an_unknown_carrier_or_an_unmappable_code_is_refused_naming_the_field(tracking):
    unknown_carrier = await tracking.client.post("/carriers/pigeon-post/events", json=scan("ZT1", "ARRIVED", 9))
    assert unknown_carrier.status_code == 422
    assert unknown_carrier.json()["errors"][0] | {"message": ""} == \
        {"field": "carrier_code", "code": "unknown-carrier", "location": "path", "message": ""}

    unmappable = await tracking.client.post("/carriers/zto/events", json=scan("ZT1", "DEPARTED", 9, "快件离开"))
    assert unmappable.status_code == 422 and fields(unmappable) == {"event_code"}


async def test_an_unknown_tracking_number_is_404_but_the_event_waits_for_its_dispatch(tracking, broker):
    early = scan("ZT5001", "COLLECTED", 8)
    response = await tracking.client.post("/carriers/zto/events", json=early)
    assert response.status_code == 404
    assert response.json()["resource_id"] == "zto:ZT5001" and "kept as unmatched" in response.json()["detail"]
    assert (await tracking.client.post("/carriers/zto/events", json=early)).status_code == 404
    assert len(tracking.app.tracking_number("zto", "ZT5001").held) == 1  # the retry kept nothing new
    assert (await tracking.client.get("/tracking/zto/ZT5001")).status_code == 404

    async with TopicReader(broker, TRACKING_EVENTS) as topic:
        unmatched = (await topic.wait_for("oms.tracking.v1.CarrierEventReceived"))[0]
        key = topic.records[0].key
    assert (unmatched.order_id, unmatched.tracking_number, unmatched.raw_code) == ("", "ZT5001", "COLLECTED")
    assert key == b"zto:ZT5001"

    order = UpstreamOrder(broker)
    await order.until_dispatched("ZT5001", carrier_code="ZTO")

    found = await until_reached(tracking, order.order_id, "REVIEW_PASSED", "CARRIER_PICKUP")
    assert found == ["ORDER_CONFIRMED", "PAYMENT_COMPLETED", "REVIEW_PASSED", "PICKING_STARTED",
                     "OUTBOUND_SCAN", "CARRIER_PICKUP"]
    assert tracking.app.tracking_number("zto", "ZT5001").held == []
    parcel = (await tracking.client.get("/tracking/zto/zt5001")).json()
    assert parcel["checkpoints"][-1]["carrier_raw_code"] == "COLLECTED"


async def test_unknown_orders_have_no_timeline(tracking):
    for path in ("/orders/6b0c7a0e-6f5d-4a53-9d1c-0d8c9a6b3f11/timeline", "/orders/not-an-id/timeline"):
        response = await tracking.client.get(path)
        assert response.status_code == 404 and response.json()["type"].endswith("/not-found")
