"""The order service as process manager, over a real broker: upstream facts in, events and commands out."""

import pytest

from oms.common.v1.address_pb2 import Address
from oms.common.v1.money_pb2 import Money
from oms.common.v1.payment_pb2 import PaymentMethod, PaymentStatus
from oms.intake.v1.channel_order_pb2 import ChannelAddressChange, ChannelCancellation, ReportedPayment
from oms.intake.v1.intake_events_pb2 import ChannelOrderUpdateApplied
from oms.inventory.v1.inventory_pb2 import LineShortfall
from oms.inventory.v1.reservation_events_pb2 import ReservationFailed
from oms.order.v1.order_pb2 import (
    HOLD_REASON_COD_LIMIT_EXCEEDED,
    ORDER_CHANGE_KIND_CANCEL,
    ORDER_STATUS_IN_FULFILMENT,
    ORDER_STATUS_ON_HOLD,
    ORDER_STATUS_SHIPPED,
)
from oms_platform.identity import reservation_id_for, shipment_id_for
from oms_platform.messaging.consumer import tracking_name

from .flow import INVENTORY_EVENTS, eventually, order_flow
from .orders import UNIT_PRICE, new_order_id

pytestmark = pytest.mark.kafka


@pytest.fixture
def broker(embedded_broker):
    return embedded_broker.bootstrap_servers


async def test_an_order_goes_from_acceptance_to_completion(broker, tmp_path):
    order_id = new_order_id()
    async with order_flow(broker, tmp_path) as flow:
        await flow.accept(order_id)
        placed = await flow.order_event("OrderPlaced", order_id)
        assert placed.order_number == "OMS-20261122-000042" and placed.lines[0].sku == "SKU-1"
        assert placed.shipping_address.city == "Shanghai" and placed.contact.email == "zhang@example.cn"
        assert placed.reported_totals.grand_total.minor_units == 2 * UNIT_PRICE
        assert placed.payment_method == PaymentMethod.PAYMENT_METHOD_ONLINE
        paid = await flow.order_event("PaymentConfirmed", order_id)
        assert paid.amount.minor_units == 2 * UNIT_PRICE
        assert (await flow.order_event("OrderApproved", order_id)).auto_approved
        reserve = await flow.command(flow.inventory, "oms.inventory.v1.ReserveStock", order_id)
        assert reserve.reservation_id == reservation_id_for(order_id)
        assert [(q.line_id, q.sku, q.quantity) for q in reserve.lines] == [("1", "SKU-1", 2)]
        assert reserve.destination.recipient_name == "Zhang Wei"

        await flow.reserve(order_id, "WH-SH")
        allocated = await flow.order_event("OrderAllocated", order_id)
        assert allocated.allocations[0].warehouse_id == "WH-SH"
        create = await flow.command(flow.fulfillment, "oms.fulfillment.v1.CreateShipments", order_id)
        (planned,) = create.shipments
        assert planned.shipment_id == shipment_id_for(order_id, "WH-SH")
        assert [(line.sku, line.name, line.quantity) for line in planned.lines] == [("SKU-1", "Product 1", 2)]
        assert create.order_number == placed.order_number and create.recipient.phone == "+8613800138000"
        assert create.destination.postcode == "200120" and create.cash_on_delivery_amount.minor_units == 0

        await flow.create_shipment(order_id, "WH-SH")
        await flow.order_event("FulfilmentStarted", order_id)
        await flow.dispatch(order_id, "WH-SH")
        shipped = await flow.order_event("OrderShipped", order_id)
        assert list(shipped.shipment_ids) == [planned.shipment_id]
        consume = await flow.command(flow.inventory, "oms.inventory.v1.ConsumeReservation", order_id)
        assert (consume.shipment_id, consume.warehouse_id) == (planned.shipment_id, "WH-SH")

        await flow.deliver(order_id, "WH-SH")
        await flow.order_event("OrderDelivered", order_id)
        completed = await flow.order_event("OrderCompleted", order_id)
        assert completed.reason == "delivered and paid"

        order = await flow.order(order_id)
        assert order["status"] == "COMPLETED"
        assert [change["status"] for change in order["history"]] == [
            "RECEIVED", "PAID", "UNDER_REVIEW", "APPROVED", "ALLOCATED", "IN_FULFILMENT", "SHIPPED",
            "DELIVERED", "COMPLETED"]
        assert order["shipments"][0]["state"] == "DELIVERED"


def app_metrics(flow):
    return flow.service.runtime.metrics


def metrics_count(metrics, topic: str, outcome: str) -> float:
    return metrics.messages_consumed_total.labels(topic=topic, outcome=outcome)._value.get()


async def test_the_same_upstream_message_twice_changes_nothing(broker, tmp_path):
    order_id = new_order_id()
    async with order_flow(broker, tmp_path) as flow:
        await flow.accept(order_id)
        await flow.order_event("OrderApproved", order_id)
        app = flow.service.app
        version, position = app.order(order_id).version, app.position()

        await flow.accept(order_id, version=1)  # the very same message again
        await flow.accept(order_id)  # accepted again under a later version: already placed
        await flow.reserve(order_id, "WH-SH")
        await flow.reserve(order_id, "WH-SH")  # inventory's relay published it again
        # Intake and inventory are different topics: read in no particular order between them.
        await eventually(lambda: metrics_count(app_metrics(flow), INVENTORY_EVENTS, "processed") == 2,
                         what="both reservation messages read")
        await flow.channel_update(order_id, address_update("Hangzhou"))
        await flow.order_event("AddressChanged", order_id)

        for once in ("OrderPlaced", "OrderApproved", "OrderAllocated"):
            assert len(flow.events.messages(f"oms.order.v1.{once}")) == 1, once
        # Commands are published from the same stored facts, so the store tells what was sent.
        assert app.order(order_id).version == version + 2  # allocated, address changed
        assert app.position() == position + 2


def address_update(city: str) -> ChannelOrderUpdateApplied:
    return ChannelOrderUpdateApplied(update_id=f"address-{city}", address_change=ChannelAddressChange(
        shipping_address=Address(recipient_name="Zhang Wei", phone="+8613800138000", country_code="CN",
                                 province="Zhejiang", city=city, district="Xihu", street_lines=["1 Lake Road"])))


async def test_cancelling_before_dispatch_releases_stock_cancels_shipments_and_refunds(broker, tmp_path):
    order_id = new_order_id()
    async with order_flow(broker, tmp_path) as flow:
        await flow.in_fulfilment(order_id)
        response = await flow.http.post(f"/orders/{order_id}/cancel", headers={"X-Actor": "li.na"},
                                        json={"reason": "CUSTOMER_REQUEST", "detail": "changed mind"})
        assert response.status_code == 200, response.text
        assert response.json()["status"] == "REFUNDED"

        cancelled = await flow.order_event("OrderCancelled", order_id)
        assert cancelled.refund_due.minor_units == 2 * UNIT_PRICE
        assert cancelled.previous_status == ORDER_STATUS_IN_FULFILMENT
        assert (cancelled.cancelled_by.actor_id, cancelled.detail) == ("li.na", "changed mind")
        release = await flow.command(flow.inventory, "oms.inventory.v1.ReleaseReservation", order_id)
        assert release.reservation_id == reservation_id_for(order_id)
        cancel = await flow.command(flow.fulfillment, "oms.fulfillment.v1.CancelShipment", order_id)
        assert cancel.shipment_id == shipment_id_for(order_id, "WH-SH")
        refunded = await flow.order_event("OrderRefunded", order_id)
        assert refunded.amount.minor_units == 2 * UNIT_PRICE and refunded.payment_reference == "PAY-1"


async def test_after_a_dispatch_cancelling_or_readdressing_is_409_and_changes_nothing(broker, tmp_path):
    order_id = new_order_id()
    async with order_flow(broker, tmp_path) as flow:
        await flow.in_fulfilment(order_id)
        await flow.dispatch(order_id, "WH-SH")
        await flow.order_event("OrderShipped", order_id)
        app = flow.service.app
        version, position = app.order(order_id).version, app.position()

        cancel = await flow.http.post(f"/orders/{order_id}/cancel", json={"reason": "CUSTOMER_REQUEST"})
        readdress = await flow.http.post(f"/orders/{order_id}/address", json={"shipping_address": NEW_ADDRESS})

        for response, command in ((cancel, "cancel"), (readdress, "change_address")):
            assert response.status_code == 409, response.text
            problem = response.json()
            assert problem["type"].endswith("/illegal-transition")
            assert (problem["current_status"], problem["command"]) == ("SHIPPED", command)
            assert f"{command}" in problem["detail"] and "SHIPPED" in problem["detail"]
        assert app.order(order_id).version == version and app.position() == position


async def test_channel_updates_pay_the_order_and_late_changes_are_refused_visibly(broker, tmp_path):
    order_id = new_order_id()
    async with order_flow(broker, tmp_path) as flow:
        await flow.accept(order_id, payment_status=PaymentStatus.PAYMENT_STATUS_UNPAID)
        waiting = await flow.order_event("OrderAwaitingPayment", order_id)
        assert waiting.amount_due.minor_units == 2 * UNIT_PRICE
        await flow.channel_update(order_id, ChannelOrderUpdateApplied(update_id="paid-1", payment=ReportedPayment(
            status=PaymentStatus.PAYMENT_STATUS_PAID, method=PaymentMethod.PAYMENT_METHOD_ONLINE,
            paid_amount=Money(currency_code="CNY", minor_units=2 * UNIT_PRICE), payment_reference="PAY-7")))
        confirmed = await flow.order_event("PaymentConfirmed", order_id)
        assert confirmed.payment_reference == "PAY-7"
        await flow.order_event("OrderApproved", order_id)

        await flow.reserve(order_id, "WH-SH")
        # Inventory and fulfillment are different topics: in production shipments only exist
        # after the allocation, so the test waits for it too.
        await flow.order_event("OrderAllocated", order_id)
        await flow.create_shipment(order_id, "WH-SH")
        await flow.dispatch(order_id, "WH-SH")
        await flow.order_event("OrderShipped", order_id)
        await flow.channel_update(order_id, ChannelOrderUpdateApplied(
            update_id="cancel-1", cancellation=ChannelCancellation(reason="buyer regrets", requested_by_buyer=True)))
        refused = await flow.order_event("OrderChangeRefused", order_id)
        assert (refused.change, refused.reason_code, refused.request_id) == (
            ORDER_CHANGE_KIND_CANCEL, "ALREADY_SHIPPED", "cancel-1")
        assert refused.status == ORDER_STATUS_SHIPPED
        assert (await flow.order(order_id))["status"] == "SHIPPED"


async def test_held_orders_wait_in_the_review_queue_for_a_person(broker, tmp_path):
    cod_order, unpaid_order = new_order_id(), new_order_id()
    async with order_flow(broker, tmp_path) as flow:
        # 40 x CNY 129.00 = 5160.00 on delivery, above the 5000.00 limit
        await flow.accept(cod_order, quantity=40, payment_status=PaymentStatus.PAYMENT_STATUS_CASH_ON_DELIVERY,
                          method=PaymentMethod.PAYMENT_METHOD_CASH_ON_DELIVERY)
        held = await flow.order_event("OrderHeld", cod_order)
        assert (held.status, held.reason, held.review_queue) == (ORDER_STATUS_ON_HOLD, HOLD_REASON_COD_LIMIT_EXCEEDED,
                                                                 "risk")
        queue = (await flow.http.get("/orders", params={"status": "ON_HOLD"})).json()["orders"]
        assert [(o["order_id"], o["hold"]["reason"]) for o in queue] == [(cod_order, "COD_LIMIT_EXCEEDED")]

        again = await flow.http.post(f"/orders/{cod_order}/hold", json={"reason": "MANUAL"})
        assert again.status_code == 409, again.text
        approve = await flow.http.post(f"/orders/{cod_order}/approve", headers={"X-Actor": "mgr.wang"})
        assert approve.status_code == 200 and approve.json()["status"] == "APPROVED"
        approved = await flow.order_event("OrderApproved", cod_order)
        assert (approved.auto_approved, approved.approved_by.actor_id) == (False, "mgr.wang")
        await flow.command(flow.inventory, "oms.inventory.v1.ReserveStock", cod_order)
        assert (await flow.http.get("/orders", params={"status": "ON_HOLD"})).json()["orders"] == []

        await flow.accept(unpaid_order, payment_status=PaymentStatus.PAYMENT_STATUS_UNPAID)
        await flow.order_event("OrderAwaitingPayment", unpaid_order)
        hold = await flow.http.post(f"/orders/{unpaid_order}/hold",
                                    json={"reason": "CUSTOMER_REQUEST", "detail": "asked to wait"})
        assert hold.status_code == 200 and hold.json()["hold"]["detail"] == "asked to wait"
        await flow.order_event("OrderHeld", unpaid_order)
        release = await flow.http.post(f"/orders/{unpaid_order}/release", json={"note": "go ahead"})
        assert release.status_code == 200 and release.json()["status"] == "AWAITING_PAYMENT"
        assert (await flow.order_event("OrderReleased", unpaid_order)).note == "go ahead"


async def test_no_stock_backorders_the_order_and_reservations_of_unknown_orders_change_nothing(broker, tmp_path):
    order_id, stranger = new_order_id(), new_order_id()
    async with order_flow(broker, tmp_path) as flow:
        await flow.accept(order_id)
        await flow.order_event("OrderApproved", order_id)
        await flow.send(INVENTORY_EVENTS, order_id, ReservationFailed(
            reservation_id=reservation_id_for(order_id), order_id=order_id, reason=1,
            shortfalls=[LineShortfall(line_id="1", sku="SKU-1", requested=2, available=0)]),
            producer="inventory", aggregate_id=reservation_id_for(order_id))
        backordered = await flow.order_event("OrderBackordered", order_id)
        assert backordered.status == ORDER_STATUS_ON_HOLD and backordered.lines[0].quantity == 2
        hold = (await flow.order(order_id))["hold"]
        assert (hold["reason"], hold["detail"]) == (
            "INSUFFICIENT_STOCK", "INSUFFICIENT_STOCK: SKU-1: 2 wanted, 0 available")
        released = await flow.http.post(f"/orders/{order_id}/release")
        assert released.json()["status"] == "APPROVED"
        await flow.command(flow.inventory, "oms.inventory.v1.ReserveStock", order_id, count=2)

        app, position = flow.service.app, flow.service.app.position()
        await flow.reserve(stranger, "WH-SH")
        tracked = tracking_name("inventory", INVENTORY_EVENTS, reservation_id_for(stranger))
        await eventually(lambda: app.tracked_position(tracked) >= 1, what="the stranger's reservation processed")
        assert app.position() == position and app.find_order(stranger) is None


async def test_bad_input_is_refused_naming_each_field_and_changes_nothing(broker, tmp_path):
    order_id = new_order_id()
    async with order_flow(broker, tmp_path) as flow:
        await flow.accept(order_id)
        await flow.order_event("OrderApproved", order_id)
        position = flow.service.app.position()

        async def refused(method, path, *, status=422, **kwargs):
            response = await flow.http.request(method, path, **kwargs)
            assert response.status_code == status, response.text
            assert response.headers["content-type"].startswith("application/problem+json")
            return {(e.get("location"), e["field"]) for e in response.json().get("errors", [])}

        assert await refused("POST", f"/orders/{order_id}/cancel", json={"reason": "BORED", "detail": 5, "x": 1}) == {
            ("body", "reason"), ("body", "detail"), ("body", "x")}
        bad_address = {**NEW_ADDRESS, "country_code": "China", "street_lines": [], "phone": "call me"}
        assert await refused("POST", f"/orders/{order_id}/address", json={"shipping_address": bad_address}) == {
            ("body", "shipping_address.country_code"), ("body", "shipping_address.street_lines"),
            ("body", "shipping_address.phone")}
        assert await refused("POST", f"/orders/{order_id}/hold", json={"reason": "INSUFFICIENT_STOCK"}) == {
            ("body", "reason")}
        assert await refused("POST", f"/orders/{order_id}/approve", headers={"X-Actor": "rm -rf /"}) == {
            ("header", "X-Actor")}
        assert await refused("GET", "/orders", params={"status": "LOST", "limit": 0}) == {
            ("query", "status"), ("query", "limit")}
        assert await refused("GET", "/orders/not-a-uuid") == {("path", "order_id")}
        assert await refused("POST", f"/orders/{new_order_id()}/approve", status=404) == set()
        assert flow.service.app.position() == position


NEW_ADDRESS = {"recipient_name": "Li Na", "phone": "+8613900139000", "country_code": "CN", "province": "Zhejiang",
               "city": "Hangzhou", "district": "Xihu", "street_lines": ["1 Lake Road"], "postcode": "310000"}
