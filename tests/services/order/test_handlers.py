"""The application's handlers with plain commands: no broker, no protobuf, the order store alone."""

from dataclasses import replace

import pytest

from oms_kernel.money import Money
from oms_platform.identity import reservation_id_for, shipment_id_for
from oms_platform.messaging.consumer import InvalidMessage, NotYet
from services.order.application import handlers
from services.order.application.commands import (
    AllocateStock,
    ApplyChannelUpdate,
    Backorder,
    ChannelCancelled,
    ChannelPaid,
    ChannelReaddressed,
    DeliverShipment,
    DispatchShipment,
    NoteShipmentCancelled,
    NoteShipmentCreated,
    PlaceOrder,
    ReservedInWarehouse,
)
from services.order.domain.reasons import CancellationReason, HoldReason
from services.order.domain.shipments import ShipmentState
from services.order.domain.status import OrderStatus as S
from services.order.domain.values import Actor, Address, Dispatch, LineQuantity, Payment

from .orders import NOW, UNIT_PRICE, new_order_id, placed

LINE = LineQuantity("1", "SKU-TEA", 2)
NEW_ADDRESS = Address("Li Na", "+8613900139000", "CN", "Zhejiang", "Hangzhou", "Xihu", ("1 Lake Road",), "310000")


def place(**payment) -> PlaceOrder:
    """The command of an accepted order (two of SKU-TEA), paid unless told otherwise."""
    order = placed(**payment)
    return PlaceOrder(order.order_id, order.order_number, order.placement, order.contact, order.shipping_address,
                      order.billing_address, order.lines, order.totals, order.payment)


def recorded(app, orders):
    app.record(*orders)
    return orders


def approved(app) -> str:
    command = place()
    recorded(app, handlers.place_order(app, command))
    return command.order_id


def in_fulfilment(app, warehouse_id: str = "WH-SH") -> tuple[str, str]:
    order_id = approved(app)
    recorded(app, handlers.allocate_stock(app, AllocateStock(order_id, (ReservedInWarehouse(warehouse_id, (LINE,)),))))
    shipment_id = shipment_id_for(order_id, warehouse_id)
    recorded(app, handlers.note_shipment_created(app, NoteShipmentCreated(order_id, shipment_id)))
    return order_id, shipment_id


def dispatched(shipment_id: str) -> Dispatch:
    return Dispatch(shipment_id, "WH-SH", "SF", ("SF1001",), (LINE,), NOW)


class TestPlacing:
    def test_an_accepted_paid_order_is_placed_reviewed_and_approved(self, order_app):
        command = place()
        (order,) = handlers.place_order(order_app, command)
        assert order.order_id == command.order_id and order.reservation_id == reservation_id_for(command.order_id)
        assert order.lines == command.lines and order.status == S.APPROVED

    def test_an_order_accepted_again_is_already_placed(self, order_app):
        command = place()
        recorded(order_app, handlers.place_order(order_app, command))
        assert handlers.place_order(order_app, command) == []

    def test_cash_on_delivery_above_the_limit_waits_in_the_review_queue(self, order_app):
        command = place(payment_status="CASH_ON_DELIVERY", method="CASH_ON_DELIVERY")
        many = tuple(replace(line, quantity=40) for line in command.lines)
        (order,) = handlers.place_order(order_app, replace(command, lines=many, totals=replace(
            command.totals, grand_total=Money("CNY", 40 * UNIT_PRICE))))
        assert (order.status, order.hold.reason) == (S.ON_HOLD, HoldReason.COD_LIMIT_EXCEEDED)


class TestChannelUpdates:
    def update(self, order_id, change):
        return ApplyChannelUpdate(order_id, "update-1", "test-shop", change)

    def test_a_payment_pays_an_order_awaiting_it_and_it_is_approved(self, order_app):
        command = place(payment_status="UNPAID")
        recorded(order_app, handlers.place_order(order_app, command))
        paid = Payment("ONLINE", "PAID", Money("CNY", 2 * UNIT_PRICE), "PAY-7", "alipay", NOW)
        (order,) = handlers.channel_update(order_app, self.update(command.order_id, ChannelPaid(paid)))
        assert order.status == S.APPROVED
        assert (order.confirmed_payment.reference, order.confirmed_payment.source) == ("PAY-7", "CHANNEL")

    def test_a_payment_without_an_amount_counts_as_zero_in_the_order_s_currency(self, order_app):
        command = place(payment_status="UNPAID")
        recorded(order_app, handlers.place_order(order_app, command))
        paid = Payment("ONLINE", "PAID", None, "PAY-7", "", None)
        (order,) = handlers.channel_update(order_app, self.update(command.order_id, ChannelPaid(paid)))
        assert order.confirmed_payment.amount == Money("CNY", 0)
        assert (order.status, order.hold.reason) == (S.ON_HOLD, HoldReason.PAYMENT_AMOUNT_MISMATCH)

    def test_a_payment_not_completed_is_refused_visibly(self, order_app):
        command = place(payment_status="UNPAID")
        recorded(order_app, handlers.place_order(order_app, command))
        authorised = Payment("ONLINE", "AUTHORISED", None, "PAY-7", "", None)
        (order,) = handlers.channel_update(order_app, self.update(command.order_id, ChannelPaid(authorised)))
        refused = order.collect_events()[-1]
        assert (type(refused).__name__, refused.reason_code) == ("ChangeRefused", "PAYMENT_NOT_COMPLETE")
        assert refused.request.requested_by == Actor("test-shop", "INTEGRATION")
        assert order.status == S.AWAITING_PAYMENT

    def test_a_cancellation_cancels_and_refunds_once(self, order_app):
        order_id = approved(order_app)
        cancel = self.update(order_id, ChannelCancelled("buyer regrets", requested_by_buyer=True))
        (order,) = recorded(order_app, handlers.channel_update(order_app, cancel))
        assert order.status == S.REFUNDED and order.cancellation_reason == CancellationReason.CHANNEL_CANCELLED
        cancelled = next(e for e in order_app.events.get(order.id) if type(e).__name__ == "Cancelled")
        assert cancelled.detail == "buyer regrets (requested by the buyer)"
        (again,) = handlers.channel_update(order_app, cancel)
        assert again.collect_events() == []

    def test_a_cancellation_after_dispatch_is_refused_as_already_shipped(self, order_app):
        order_id, shipment_id = in_fulfilment(order_app)
        recorded(order_app, handlers.dispatch_shipment(order_app, DispatchShipment(order_id, dispatched(shipment_id))))
        (order,) = handlers.channel_update(order_app, self.update(order_id, ChannelCancelled("too late", False)))
        refused = order.collect_events()[-1]
        assert (type(refused).__name__, refused.reason_code, refused.request.kind) == (
            "ChangeRefused", "ALREADY_SHIPPED", "CANCEL")
        assert order.status == S.SHIPPED

    def test_a_new_address_is_taken_and_an_unknown_order_changes_nothing(self, order_app):
        order_id = approved(order_app)
        readdressed = ChannelReaddressed(NEW_ADDRESS, None)
        (order,) = handlers.channel_update(order_app, self.update(order_id, readdressed))
        assert order.shipping_address == NEW_ADDRESS
        assert handlers.channel_update(order_app, self.update(new_order_id(), readdressed)) == []


class TestStockAndShipments:
    def test_a_reservation_allocates_one_planned_shipment_per_warehouse_once(self, order_app):
        order_id = approved(order_app)
        reserved = AllocateStock(order_id, (ReservedInWarehouse("WH-SH", (LINE,)),))
        (order,) = recorded(order_app, handlers.allocate_stock(order_app, reserved))
        assert order.status == S.ALLOCATED and list(order.shipments) == [shipment_id_for(order_id, "WH-SH")]
        assert handlers.allocate_stock(order_app, reserved) == []
        assert handlers.allocate_stock(order_app, replace(reserved, order_id=new_order_id())) == []

    def test_no_stock_backorders_only_an_order_waiting_for_stock(self, order_app):
        order_id = approved(order_app)
        failed = Backorder(order_id, (LINE,), "INSUFFICIENT_STOCK: SKU-TEA: 2 wanted, 0 available")
        (order,) = recorded(order_app, handlers.backorder(order_app, failed))
        assert (order.status, order.hold.reason, order.hold.detail) == (
            S.ON_HOLD, HoldReason.INSUFFICIENT_STOCK, failed.detail)
        assert handlers.backorder(order_app, failed) == []  # no longer waiting for stock
        assert handlers.backorder(order_app, replace(failed, order_id="not-a-uuid")) == []

    def test_dispatch_then_delivery_ships_and_completes_the_order(self, order_app):
        order_id, shipment_id = in_fulfilment(order_app)
        (order,) = recorded(order_app, handlers.dispatch_shipment(
            order_app, DispatchShipment(order_id, dispatched(shipment_id))))
        assert order.status == S.SHIPPED
        (order,) = handlers.deliver_shipment(order_app, DeliverShipment(order_id, shipment_id, NOW))
        assert order.status == S.COMPLETED and order.shipments[shipment_id].delivered_at == NOW

    def test_a_delivery_before_its_dispatch_is_not_yet_and_waits_for_the_order(self, order_app):
        order_id, shipment_id = in_fulfilment(order_app)
        with pytest.raises(NotYet) as waiting:
            handlers.deliver_shipment(order_app, DeliverShipment(order_id, shipment_id, NOW))
        assert waiting.value.waiting_for == str(order_app.order(order_id).id)

    def test_facts_the_order_can_never_follow_are_invalid_messages(self, order_app):
        order_id, shipment_id = in_fulfilment(order_app)
        with pytest.raises(InvalidMessage, match="is not one of this order's shipments"):
            handlers.dispatch_shipment(order_app, DispatchShipment(order_id, dispatched("shipment-elsewhere")))
        recorded(order_app, [order_app.cancel(order_id, CancellationReason.CUSTOMER_REQUEST, "",
                                              Actor("li.na", "CUSTOMER_SERVICE"))])
        with pytest.raises(InvalidMessage, match="while CANCELLING"):
            handlers.deliver_shipment(order_app, DeliverShipment(order_id, shipment_id, NOW))

    def test_a_cancelled_shipment_is_noted_and_one_of_an_unknown_order_changes_nothing(self, order_app):
        order_id, shipment_id = in_fulfilment(order_app)
        order_app.cancel(order_id, CancellationReason.CUSTOMER_REQUEST, "", Actor("li.na", "CUSTOMER_SERVICE"))
        (order,) = handlers.note_shipment_cancelled(order_app, NoteShipmentCancelled(order_id, shipment_id))
        assert order.shipments[shipment_id].state == ShipmentState.CANCELLED
        assert handlers.note_shipment_cancelled(order_app, NoteShipmentCancelled(new_order_id(), shipment_id)) == []
