"""Facts read before the facts they follow (issue 9): after a restart the order service may read
tracking's ShipmentDelivered before fulfillment's ShipmentDispatched of the same shipment. The
delivery waits, parked in the order's store, and is applied once when the dispatch is read; no
operator has to redrive anything. A delivery the order can never follow is still a dead letter.
"""

import uuid

import pytest

from tests.support.messaging import TopicReader

from .flow import TRACKING_EVENTS, eventually, order_flow
from .orders import new_order_id

pytestmark = pytest.mark.kafka

SHIPPED_THEN_DONE = ["RECEIVED", "PAID", "UNDER_REVIEW", "APPROVED", "ALLOCATED", "IN_FULFILMENT", "SHIPPED",
                     "DELIVERED", "COMPLETED"]


@pytest.fixture
def broker(embedded_broker):
    return embedded_broker.bootstrap_servers


def outcomes(flow, outcome: str) -> float:
    metrics = flow.service.runtime.metrics
    return metrics.messages_consumed_total.labels(topic=TRACKING_EVENTS, outcome=outcome)._value.get()


def parked(flow) -> float | None:
    # The consumer registers the gauge once it has joined its group.
    gauge = getattr(flow.service.runtime.metrics, "parked_messages", None)
    return gauge.labels(topic=TRACKING_EVENTS)._value.get() if gauge else None


def dead_letters(flow) -> float:
    families = flow.service.runtime.metrics.dead_letters_total.collect()
    return sum(sample.value for family in families for sample in family.samples if sample.name.endswith("_total"))


def recorded(flow, order_id: str, event_name: str) -> int:
    return sum(1 for event in flow.service.app.events.get(uuid.UUID(order_id)) if type(event).__name__ == event_name)


async def test_a_delivery_read_before_its_dispatch_waits_and_the_order_completes(broker, tmp_path):
    order_id = new_order_id()
    async with order_flow(broker, tmp_path) as flow:
        await flow.in_fulfilment(order_id)
        await flow.deliver(order_id, "WH-SH")
        await eventually(lambda: outcomes(flow, "parked") == 1, what="the delivery parked")
        await eventually(lambda: parked(flow) == 1, what="the parked delivery counted")
        assert 'oms_parked_messages{topic="oms.tracking.events.v1"} 1.0' in (await flow.http.get("/metrics")).text
        assert (await flow.order(order_id))["status"] == "IN_FULFILMENT"
        # Tracking's relay publishes it again while it waits: recognised, not parked twice.
        await flow.deliver(order_id, "WH-SH", version=1)
        await eventually(lambda: outcomes(flow, "duplicate") == 1, what="the repeat recognised")

        await flow.dispatch(order_id, "WH-SH")
        await flow.order_event("OrderCompleted", order_id)
        # And again once applied: still nothing more.
        await flow.deliver(order_id, "WH-SH", version=1)
        await eventually(lambda: outcomes(flow, "duplicate") == 2, what="the second repeat recognised")
        await eventually(lambda: parked(flow) == 0, what="nothing parked any more")

        order = await flow.order(order_id)
        assert [change["status"] for change in order["history"]] == SHIPPED_THEN_DONE
        assert recorded(flow, order_id, "Delivered") == 1 and recorded(flow, order_id, "Completed") == 1
        assert dead_letters(flow) == 0
        assert flow.service.app.parking.counts() == {}


async def test_a_parked_delivery_survives_a_restart_and_is_applied_once(broker, tmp_path):
    order_id = new_order_id()
    async with order_flow(broker, tmp_path) as flow:
        await flow.in_fulfilment(order_id)
        await flow.deliver(order_id, "WH-SH")
        await eventually(lambda: outcomes(flow, "parked") == 1, what="the delivery parked")

    async with order_flow(broker, tmp_path) as restarted:  # the same store, a new process
        await eventually(lambda: parked(restarted) == 1, what="the parked delivery counted at start")
        await restarted.dispatch(order_id, "WH-SH", version=2)  # after fulfillment's ShipmentCreated
        await restarted.order_event("OrderCompleted", order_id)
        await eventually(lambda: parked(restarted) == 0, what="nothing parked any more")

        order = await restarted.order(order_id)
        assert [change["status"] for change in order["history"]] == SHIPPED_THEN_DONE
        assert recorded(restarted, order_id, "Delivered") == 1
        assert dead_letters(restarted) == 0


async def test_a_delivery_the_order_can_never_follow_is_dead_lettered_at_once(broker, tmp_path):
    order_id = new_order_id()
    async with order_flow(broker, tmp_path) as flow, \
            TopicReader(broker, f"{TRACKING_EVENTS}.dlq") as letters:
        await flow.in_fulfilment(order_id)
        response = await flow.http.post(f"/orders/{order_id}/cancel", headers={"X-Actor": "li.na"},
                                        json={"reason": "CUSTOMER_REQUEST", "detail": "changed mind"})
        assert response.status_code == 200, response.text
        await flow.deliver(order_id, "WH-SH")  # a shipment the order cancelled

        await eventually(lambda: outcomes(flow, "dead_lettered") == 1, what="the delivery dead-lettered")
        (_letter,) = await letters.wait_for("oms.tracking.v1.ShipmentDelivered",
                                           where=lambda message: message.order_id == order_id)
        reason = dict(letters.records[-1].headers)["dlq-reason"].decode()
        assert reason.startswith("invalid: ") and "while CANCELLING" in reason
        assert outcomes(flow, "parked") == 0 and flow.service.app.parking.counts() == {}
        assert (await flow.order(order_id))["status"] == "REFUNDED"
