"""The Order aggregate without any infrastructure: lifecycle, holds, shipments, changes."""

from dataclasses import replace

import pytest

from services.order.domain.order import DispatchNotYetKnown, ShipmentNotDispatched, UnknownShipment
from services.order.domain.reasons import CancellationReason, ChangeSource, HoldReason
from services.order.domain.shipments import ShipmentState
from services.order.domain.status import IllegalTransition
from services.order.domain.status import OrderStatus as S
from services.order.domain.values import Actor, Dispatch, LineQuantity, PaymentConfirmation, WarehouseAllocation

from .orders import ADDRESS, NOW, POLICY, cny, line, placed

STAFF = Actor("li.na", "CUSTOMER_SERVICE")
PAID_LATER = PaymentConfirmation("PAY-9", "ONLINE", cny(25_800), "CHANNEL", NOW)


def names(order):
    return [type(e).__name__ for e in order.collect_events()]


def approved(*lines, **kwargs):
    order = placed(*lines, **kwargs)
    order.advance(POLICY)
    assert order.status == S.APPROVED
    return order


SKU_A, SKU_B = LineQuantity("1", "SKU-A", 2), LineQuantity("2", "SKU-B", 1)


def allocated(warehouses=("WH-SH",)):
    """Two lines, from one warehouse or one line from each of two."""
    order = approved(line("1", "SKU-A", 2), line("2", "SKU-B", 1))
    split = ({warehouses[0]: (SKU_A, SKU_B)} if len(warehouses) == 1
             else dict(zip(warehouses, [(SKU_A,), (SKU_B,)], strict=False)))
    order.allocate(tuple(WarehouseAllocation(wh, f"shipment-{wh}", lines) for wh, lines in split.items()))
    return order


def dispatch(shipment_id, warehouse_id, *lines):
    return Dispatch(shipment_id, warehouse_id, "SF", ("SF123",), tuple(lines), NOW)


def shipped(warehouses=("WH-SH",)):
    order = allocated(warehouses)
    for wh in warehouses:
        order.note_shipment_created(f"shipment-{wh}")
        order.dispatch(dispatch(f"shipment-{wh}", wh))
    return order


class TestPaymentAndReview:
    def test_a_paid_order_is_confirmed_reviewed_and_approved_with_a_stock_request(self):
        order = placed()
        order.advance(POLICY)
        assert names(order) == ["Placed", "PaymentConfirmed", "ReviewStarted", "ReviewDecided", "Approved"]
        assert [c.status for c in order.history] == [S.RECEIVED, S.PAID, S.UNDER_REVIEW, S.APPROVED]
        request = order.stock_request()
        assert request.reservation_id == order.reservation_id
        assert request.lines == (LineQuantity("1", "SKU-TEA", 2),) and request.destination == ADDRESS

    def test_an_unpaid_order_waits_for_payment_then_is_reviewed(self):
        order = placed(payment_status="UNPAID")
        order.advance(POLICY)
        assert order.status == S.AWAITING_PAYMENT
        order.confirm_payment(PAID_LATER)
        order.advance(POLICY)
        assert order.status == S.APPROVED

    def test_cash_on_delivery_goes_straight_to_review(self):
        order = placed(payment_status="CASH_ON_DELIVERY", method="CASH_ON_DELIVERY")
        order.advance(POLICY)
        assert names(order) == ["Placed", "ReviewStarted", "ReviewDecided", "Approved"]
        assert order.confirmed_payment is None

    def test_cash_on_delivery_above_the_limit_is_held_in_the_review_queue(self):
        order = placed(line(quantity=40), payment_status="CASH_ON_DELIVERY", method="CASH_ON_DELIVERY")
        order.advance(POLICY)  # 40 x 129.00 = 5160.00 > 5000.00
        assert order.status == S.ON_HOLD
        assert (order.hold.reason, order.hold.review_queue) == (HoldReason.COD_LIMIT_EXCEEDED, "risk")
        assert order.hold.previous_status == S.UNDER_REVIEW

    def test_a_short_payment_is_held_for_finance(self):
        order = placed(paid=100)
        order.advance(POLICY)
        assert order.status == S.ON_HOLD and order.hold.reason == HoldReason.PAYMENT_AMOUNT_MISMATCH

    def test_the_same_payment_reported_again_changes_nothing(self):
        order = approved()
        version = order.version
        order.confirm_payment(order.confirmed_payment)
        assert order.version == version


class TestHolds:
    def test_releasing_a_review_hold_approves_the_order_by_the_releasing_person(self):
        order = placed(paid=100)
        order.advance(POLICY)
        order.collect_events()
        order.release(STAFF, "customer paid the rest by transfer", POLICY)
        assert names(order) == ["Released", "Approved"]
        assert order.status == S.APPROVED and order.hold is None

    def test_approving_a_held_order_asks_for_stock(self):
        order = placed(paid=100)
        order.advance(POLICY)
        order.approve(STAFF)
        assert order.status == S.APPROVED and order.reservation_state == "REQUESTED"

    def test_a_manual_hold_before_payment_keeps_a_payment_and_release_reviews_it(self):
        order = placed(payment_status="UNPAID")
        order.advance(POLICY)
        order.put_on_hold(HoldReason.MANUAL, "customer called", STAFF)
        order.confirm_payment(PAID_LATER)
        assert order.status == S.ON_HOLD and order.hold.resume_status == S.PAID
        order.release(STAFF, "", POLICY)
        assert order.status == S.APPROVED

    def test_an_order_already_approved_cannot_be_held_and_nothing_is_recorded(self):
        order = approved()
        order.collect_events()
        with pytest.raises(IllegalTransition) as refused:
            order.put_on_hold(HoldReason.MANUAL, "too late", STAFF)
        assert (refused.value.current, refused.value.target) == (S.APPROVED, S.ON_HOLD)
        assert order.collect_events() == [] and order.status == S.APPROVED

    def test_release_of_an_order_not_on_hold_is_refused(self):
        with pytest.raises(IllegalTransition):
            approved().release(STAFF, "", POLICY)

    def test_no_stock_puts_the_order_on_hold_and_release_asks_for_stock_again(self):
        order = approved()
        order.backorder((LineQuantity("1", "SKU-TEA", 2),), "INSUFFICIENT_STOCK: SKU-TEA: 2 wanted, 0 available")
        assert order.status == S.ON_HOLD and order.hold.reason == HoldReason.INSUFFICIENT_STOCK
        order.collect_events()
        order.release(STAFF, "stock arrived", POLICY)
        released = order.collect_events()[-1]
        assert order.status == S.APPROVED and released.stock_request == order.stock_request()


class TestShipments:
    def test_allocation_plans_one_shipment_per_warehouse_with_everything_fulfillment_needs(self):
        order = allocated(("WH-SH", "WH-BJ"))
        request = order.collect_events()[-1].shipment_request
        assert [s.warehouse_id for s in request.shipments] == ["WH-SH", "WH-BJ"]
        assert request.shipments[0].lines[0].name == "Product SKU-A"
        assert request.recipient.name == "Zhang Wei" and request.destination == ADDRESS
        assert request.cash_on_delivery_amount == cny(0) and request.order_number == order.order_number

    def test_the_first_created_shipment_starts_fulfilment_and_later_ones_are_noted(self):
        order = allocated(("WH-SH", "WH-BJ"))
        order.note_shipment_created("shipment-WH-SH")
        order.note_shipment_created("shipment-WH-BJ")
        order.note_shipment_created("shipment-WH-BJ")
        order.note_shipment_created("someone-elses")
        assert order.status == S.IN_FULFILMENT
        assert names(order)[-2:] == ["FulfilmentStarted", "ShipmentCreated"]

    def test_one_of_two_shipments_dispatched_is_partly_shipped_then_shipped(self):
        order = allocated(("WH-SH", "WH-BJ"))
        order.note_shipment_created("shipment-WH-SH")
        order.dispatch(dispatch("shipment-WH-SH", "WH-SH"))
        partly = order.collect_events()[-1]
        assert order.status == S.PARTLY_SHIPPED
        assert partly.dispatch.lines == (SKU_A,)  # the plan's, none reported
        assert partly.remaining_lines == (SKU_B,)
        order.dispatch(dispatch("shipment-WH-BJ", "WH-BJ"))
        order.dispatch(dispatch("shipment-WH-BJ", "WH-BJ"))
        assert order.status == S.SHIPPED and names(order) == ["Shipped"]

    def test_delivery_of_every_shipment_delivers_and_completes_a_paid_order(self):
        order = shipped(("WH-SH", "WH-BJ"))
        order.collect_events()
        order.note_delivery("shipment-WH-SH", NOW)
        assert order.status == S.SHIPPED
        order.note_delivery("shipment-WH-BJ", NOW)
        order.note_delivery("shipment-WH-BJ", NOW)
        assert names(order) == ["ShipmentDelivered", "Delivered", "Completed"]
        assert order.status == S.COMPLETED

    def test_a_credit_terms_order_stays_delivered_until_it_is_paid(self):
        order = approved(payment_status="UNPAID", method="CREDIT_TERMS")
        order.allocate((WarehouseAllocation("WH-SH", "s1", (LineQuantity("1", "SKU-TEA", 2),)),))
        order.note_shipment_created("s1")
        order.dispatch(dispatch("s1", "WH-SH"))
        order.note_delivery("s1", NOW)
        assert order.status == S.DELIVERED

    def test_unknown_or_undispatched_shipments_cannot_be_followed(self):
        order = allocated()
        with pytest.raises(UnknownShipment):
            order.dispatch(dispatch("nope", "WH-SH"))
        with pytest.raises(ShipmentNotDispatched):
            order.note_delivery("shipment-WH-SH", NOW)
        with pytest.raises(IllegalTransition):  # created was never reported
            order.dispatch(dispatch("shipment-WH-SH", "WH-SH"))

    def test_a_delivery_of_a_shipment_that_may_still_ship_waits_for_its_dispatch(self):
        order = allocated()
        with pytest.raises(DispatchNotYetKnown):  # requested
            order.note_delivery("shipment-WH-SH", NOW)
        order.note_shipment_created("shipment-WH-SH")
        with pytest.raises(DispatchNotYetKnown):  # created
            order.note_delivery("shipment-WH-SH", NOW)
        order.cancel(CancellationReason.CUSTOMER_REQUEST, "changed mind", STAFF)
        with pytest.raises(ShipmentNotDispatched) as refused:  # cancelling: it will never ship
            order.note_delivery("shipment-WH-SH", NOW)
        assert not isinstance(refused.value, DispatchNotYetKnown)


class TestCancellation:
    def test_a_paid_order_in_fulfilment_is_cancelled_released_and_refunded(self):
        order = allocated(("WH-SH", "WH-BJ"))
        order.note_shipment_created("shipment-WH-SH")
        order.collect_events()
        order.cancel(CancellationReason.CUSTOMER_REQUEST, "changed mind", STAFF)
        events = order.collect_events()
        assert [type(e).__name__ for e in events] == [
            "Cancelled", "ShipmentCancellationRequested", "ShipmentCancellationRequested", "Refunded"]
        cancelled = events[0]
        assert cancelled.refund_due == cny(2 * 12_900 + 12_900)
        assert cancelled.released_reservation_id == order.reservation_id
        assert cancelled.previous_status == S.IN_FULFILMENT
        assert order.status == S.REFUNDED
        assert {s.state for s in order.shipments.values()} == {ShipmentState.CANCELLING}

    def test_an_unpaid_order_is_cancelled_without_refund_or_release(self):
        order = placed(payment_status="UNPAID")
        order.advance(POLICY)
        order.collect_events()
        order.cancel(CancellationReason.PAYMENT_TIMEOUT, "", STAFF)
        (cancelled,) = order.collect_events()
        assert cancelled.refund_due == cny(0) and cancelled.released_reservation_id == ""
        assert order.status == S.CANCELLED

    def test_after_a_dispatch_cancelling_is_refused_and_nothing_changes(self):
        order = shipped(("WH-SH", "WH-BJ"))
        order.collect_events()
        with pytest.raises(IllegalTransition) as refused:
            order.cancel(CancellationReason.CUSTOMER_REQUEST, "", STAFF)
        assert refused.value.current == S.SHIPPED
        assert order.collect_events() == [] and order.status == S.SHIPPED


class TestAddress:
    def test_before_dispatch_the_address_changes_and_the_status_stays(self):
        order = allocated()
        order.collect_events()
        new = replace(ADDRESS, street_lines=("1 Nanjing Road",))
        order.change_address(new, None, ChangeSource.STAFF, STAFF)
        (changed,) = order.collect_events()
        assert changed.previous_address == ADDRESS and order.shipping_address == new
        assert order.status == S.ALLOCATED

    def test_the_same_address_again_changes_nothing(self):
        order = approved()
        order.collect_events()
        order.change_address(ADDRESS, None, ChangeSource.CHANNEL, STAFF)
        assert order.collect_events() == []

    def test_after_dispatch_the_address_cannot_change(self):
        order = shipped()
        new = replace(ADDRESS, city="Suzhou")
        with pytest.raises(IllegalTransition):
            order.change_address(new, None, ChangeSource.STAFF, STAFF)
