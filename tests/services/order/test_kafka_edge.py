"""The Kafka edge: each contract message the order consumes becomes its command, or a dead letter
naming what could not be translated. No broker and no store: the application half is replaced by
one that hands the command back."""

from datetime import UTC, datetime

import pytest

from oms.common.v1.address_pb2 import Address as AddressMessage
from oms.common.v1.contact_pb2 import Contact as ContactMessage
from oms.common.v1.line_quantity_pb2 import LineQuantity as LineQuantityMessage
from oms.common.v1.line_quantity_pb2 import WarehouseAllocation as AllocationMessage
from oms.common.v1.money_pb2 import Money as MoneyMessage
from oms.common.v1.payment_pb2 import PaymentMethod, PaymentStatus
from oms.envelope.v1.envelope_pb2 import Envelope
from oms.fulfillment.v1.fulfillment_events_pb2 import ShipmentCancelled, ShipmentCreated, ShipmentDispatched
from oms.fulfillment.v1.fulfillment_pb2 import ShipmentLine
from oms.intake.v1.channel_order_pb2 import ChannelAddressChange, ChannelCancellation, ReportedPayment
from oms.intake.v1.intake_events_pb2 import ChannelOrderUpdateApplied, OrderAccepted
from oms.intake.v1.intake_pb2 import ChannelOrderRef
from oms.inventory.v1.inventory_pb2 import LineShortfall
from oms.inventory.v1.reservation_events_pb2 import ReservationFailed, ReservationMade
from oms.tracking.v1.tracking_events_pb2 import ShipmentDelivered
from oms_kernel.money import Money
from oms_platform.messaging.consumer import Inbound, InvalidMessage, Translated, translated
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
from services.order.domain.values import Address, Contact, Dispatch, LineQuantity, Payment, Totals
from services.order.entrypoints import kafka

from .orders import NOW, UNIT_PRICE, accepted, new_order_id

INBOUND = Inbound(Envelope(event_id="e-1"), "topic", 0, 7, "key")
ORDER_ID = new_order_id()


def command_of(message):
    """What the edge hands the application for the message (the entrypoint's own translation)."""
    translate = kafka.HANDLERS[type(message)].translate
    return translated(translate, lambda app, command: [command])("app", message, INBOUND)[0]


def refused(message) -> str:
    with pytest.raises(InvalidMessage) as invalid:
        command_of(message)
    return str(invalid.value)


def test_every_consumed_message_is_translated_for_its_application_handler():
    assert {message: (h.translate, h.handle) for message, h in kafka.HANDLERS.items()
            if isinstance(h, Translated)} == {
        OrderAccepted: (kafka.place_order, handlers.place_order),
        ChannelOrderUpdateApplied: (kafka.channel_update, handlers.channel_update),
        ReservationMade: (kafka.allocate_stock, handlers.allocate_stock),
        ReservationFailed: (kafka.backorder, handlers.backorder),
        ShipmentCreated: (kafka.note_shipment_created, handlers.note_shipment_created),
        ShipmentDispatched: (kafka.dispatch_shipment, handlers.dispatch_shipment),
        ShipmentCancelled: (kafka.note_shipment_cancelled, handlers.note_shipment_cancelled),
        ShipmentDelivered: (kafka.deliver_shipment, handlers.deliver_shipment),
    }


class TestOrderAccepted:
    def test_an_accepted_order_is_its_facts_in_domain_values(self):
        message = accepted(ORDER_ID.upper(), lines=2)
        message.order.lines[0].discount.CopyFrom(MoneyMessage(currency_code="CNY", minor_units=100))
        message.order.payment.paid_at.FromDatetime(NOW)
        command = command_of(message)
        assert isinstance(command, PlaceOrder)
        assert command.order_id == ORDER_ID  # the UUID as the order spells it
        assert command.order_number == "OMS-20261122-000042"
        first, second = command.lines
        assert (first.sku, first.quantity, first.unit_price, first.discount, first.tax) == (
            "SKU-1", 2, Money("CNY", UNIT_PRICE), Money("CNY", 100), Money("CNY", 0))
        assert second.discount == Money("CNY", 0)
        total = Money("CNY", 4 * UNIT_PRICE)
        assert command.totals == Totals(total, None, None, None, total)
        assert command.payment == Payment("ONLINE", "PAID", total, "PAY-1", "", NOW)
        assert (command.placement.channel, command.placement.channel_account) == ("WEB_SHOP", "test-shop")
        assert command.placement.accepted_at == NOW and command.placement.placed_at is None
        assert command.shipping_address.street_lines == ("88 Century Avenue",)
        assert command.contact == Contact("Zhang Wei", "+8613800138000", "zhang@example.cn")
        assert command.billing_address is None

    def test_cash_on_delivery_without_an_amount(self):
        command = command_of(accepted(ORDER_ID, payment_status=PaymentStatus.PAYMENT_STATUS_CASH_ON_DELIVERY,
                                      method=PaymentMethod.PAYMENT_METHOD_CASH_ON_DELIVERY))
        assert (command.payment.method, command.payment.status, command.payment.paid_amount) == (
            "CASH_ON_DELIVERY", "CASH_ON_DELIVERY", None)

    def test_an_order_without_lines_is_refused(self):
        message = accepted(ORDER_ID)
        del message.order.lines[:]
        assert refused(message) == f"OrderAccepted: order {ORDER_ID!r}: the order has no lines"

    def test_lines_in_two_currencies_or_none_are_refused(self):
        message = accepted(ORDER_ID, lines=2)
        message.order.lines[1].unit_price.currency_code = "USD"
        assert refused(message).endswith("the lines need one currency, got ['CNY', 'USD']")
        message.order.lines[1].ClearField("unit_price")
        assert refused(message).endswith("the lines need one currency, got ['', 'CNY']")

    def test_a_currency_that_is_no_iso_code_is_refused(self):
        message = accepted(ORDER_ID)
        message.order.lines[0].unit_price.currency_code = "yuan"
        assert "currency must be an ISO 4217 code like 'CNY', got 'yuan'" in refused(message)

    def test_an_amount_without_a_currency_is_refused(self):
        message = accepted(ORDER_ID)
        message.order.lines[0].tax.minor_units = 50
        assert refused(message).endswith("an amount of 50 minor units has no currency")

    def test_an_order_without_a_shipping_address_is_refused(self):
        message = accepted(ORDER_ID)
        message.order.ClearField("shipping_address")
        assert refused(message).endswith("the order has no shipping address")

    def test_an_order_id_that_is_no_uuid_is_refused(self):
        assert refused(accepted("order-42")).startswith("OrderAccepted: order 'order-42': ")

    def test_a_payment_method_the_domain_does_not_know_is_refused(self):
        message = accepted(ORDER_ID)
        message.order.payment.method = 99
        assert "99 is not a value of oms.common.v1.PaymentMethod" in refused(message)


class TestChannelOrderUpdateApplied:
    def update(self, **change) -> ChannelOrderUpdateApplied:
        return ChannelOrderUpdateApplied(order_id=ORDER_ID, update_id="u-1",
                                         channel_order=ChannelOrderRef(channel_account="test-shop"), **change)

    def test_a_payment(self):
        paid = MoneyMessage(currency_code="CNY", minor_units=UNIT_PRICE)
        command = command_of(self.update(payment=ReportedPayment(
            status=PaymentStatus.PAYMENT_STATUS_PAID, method=PaymentMethod.PAYMENT_METHOD_ONLINE, paid_amount=paid,
            payment_reference="PAY-7")))
        assert command == ApplyChannelUpdate(ORDER_ID, "u-1", "test-shop", ChannelPaid(
            Payment("ONLINE", "PAID", Money("CNY", UNIT_PRICE), "PAY-7", "", None)))

    def test_a_cancellation(self):
        command = command_of(self.update(cancellation=ChannelCancellation(reason="regrets", requested_by_buyer=True)))
        assert command.change == ChannelCancelled("regrets", True)

    def test_an_address_change_with_and_without_a_contact(self):
        address = AddressMessage(recipient_name="Li Na", country_code="CN", city="Hangzhou", street_lines=["1 Lake Rd"])
        command = command_of(self.update(address_change=ChannelAddressChange(shipping_address=address)))
        assert command.change == ChannelReaddressed(Address("Li Na", "", "CN", "", "Hangzhou", "", ("1 Lake Rd",), ""),
                                                    None)
        command = command_of(self.update(address_change=ChannelAddressChange(
            shipping_address=address, contact=ContactMessage(name="Li Na", email="li@example.cn"))))
        assert command.change.contact == Contact("Li Na", "", "li@example.cn")

    def test_an_update_without_a_change_is_refused(self):
        assert refused(self.update()) == "ChannelOrderUpdateApplied: update 'u-1' carries no change"

    def test_a_paid_amount_without_a_currency_is_refused(self):
        message = self.update(payment=ReportedPayment(status=PaymentStatus.PAYMENT_STATUS_PAID,
                                                      paid_amount=MoneyMessage(minor_units=100)))
        assert refused(message) == "ChannelOrderUpdateApplied: an amount of 100 minor units has no currency"


class TestInventoryFacts:
    def test_a_reservation_is_the_stock_reserved_per_warehouse(self):
        message = ReservationMade(order_id=ORDER_ID, allocations=[
            AllocationMessage(warehouse_id="WH-SH", lines=[LineQuantityMessage(line_id="1", sku="SKU-1", quantity=2)]),
            AllocationMessage(warehouse_id="WH-BJ", lines=[LineQuantityMessage(line_id="2", sku="SKU-2", quantity=1)]),
        ])
        assert command_of(message) == AllocateStock(ORDER_ID, (
            ReservedInWarehouse("WH-SH", (LineQuantity("1", "SKU-1", 2),)),
            ReservedInWarehouse("WH-BJ", (LineQuantity("2", "SKU-2", 1),)),
        ))

    def test_a_failed_reservation_is_what_is_missing_and_why(self):
        message = ReservationFailed(order_id=ORDER_ID, reason=1, shortfalls=[
            LineShortfall(line_id="1", sku="SKU-1", requested=5, available=2)])
        assert command_of(message) == Backorder(ORDER_ID, (LineQuantity("1", "SKU-1", 3),),
                                                "INSUFFICIENT_STOCK: SKU-1: 5 wanted, 2 available")
        assert command_of(ReservationFailed(order_id=ORDER_ID)).detail == "UNSPECIFIED"

    def test_a_failure_reason_the_contract_does_not_name_is_refused(self):
        assert "ReservationFailed: " in refused(ReservationFailed(order_id=ORDER_ID, reason=99))


class TestShipmentFacts:
    def test_created_and_cancelled_shipments(self):
        assert command_of(ShipmentCreated(order_id=ORDER_ID, shipment_id="s-1")) == NoteShipmentCreated(ORDER_ID, "s-1")
        assert command_of(ShipmentCancelled(order_id=ORDER_ID, shipment_id="s-1")) == NoteShipmentCancelled(
            ORDER_ID, "s-1")

    def test_a_dispatch(self):
        message = ShipmentDispatched(order_id=ORDER_ID, shipment_id="s-1", warehouse_id="WH-SH", carrier_code="SF",
                                     tracking_numbers=["SF1", "SF2"],
                                     lines=[ShipmentLine(line_id="1", sku="SKU-1", quantity=2)])
        message.dispatched_at.FromDatetime(NOW)
        assert command_of(message) == DispatchShipment(ORDER_ID, Dispatch(
            "s-1", "WH-SH", "SF", ("SF1", "SF2"), (LineQuantity("1", "SKU-1", 2),), NOW))
        message.ClearField("dispatched_at")
        assert command_of(message).dispatch.dispatched_at is None

    def test_a_delivery_with_and_without_its_time(self):
        message = ShipmentDelivered(order_id=ORDER_ID, shipment_id="s-1")
        assert command_of(message) == DeliverShipment(ORDER_ID, "s-1", None)
        message.delivered_at.FromDatetime(datetime(2026, 11, 25, 8, 30, 0, 123456, tzinfo=UTC))
        assert command_of(message).delivered_at == datetime(2026, 11, 25, 8, 30, 0, 123456, tzinfo=UTC)
