"""Amounts in the order store: the kernel's Money, written as `oms.money`; the order's own Money of
before (`order.Money`, same keys) still reads back from events recorded then, as the kernel's Money."""

import uuid

from eventsourcing.persistence import StoredEvent

from oms_kernel.money import Money
from services.order.domain.reasons import CancellationReason
from services.order.domain.status import OrderStatus as S
from services.order.domain.values import Actor

from .orders import placed

# Recorded by the order service before the kernel's Money (its own class, transcoding `order.Money`):
# an unpaid order placed, then awaiting payment. The exact bytes it stored.
OLD_ORDER_ID = uuid.UUID("0b5e6ac6-5f7e-5c63-9d1a-6d2b1f1f0c42")
OLD_PLACED = (
    b'{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-02T21:40:16.385643+00:00"},'
    b'"originator_topic":"services.order.domain.order:Order","order_id":"0b5e6ac6-5f7e-5c63-9d1a-6d2b1f1f0c42",'
    b'"order_number":"OMS-20261122-000001","reservation_id":"r-1","placement":{"_type_":"order.Placement",'
    b'"_data_":{"channel":"WEB_SHOP","channel_account":"test-shop","channel_order_id":"C-1","customer_id":"cust-1",'
    b'"customer_name":"Zhang Wei","company_name":"","placed_at":{"_type_":"datetime_iso",'
    b'"_data_":"2026-11-22T10:00:00+00:00"},"accepted_at":{"_type_":"datetime_iso",'
    b'"_data_":"2026-11-22T10:00:00+00:00"},"buyer_note":"","requested_delivery":null,"express_requested":false,'
    b'"presale":false,"group_buy_id":"","purchase_order_number":"","invoice_request":null,"promotion_codes":[]}},'
    b'"contact":{"_type_":"order.Contact","_data_":{"name":"Zhang Wei","phone":"+8613800138000",'
    b'"email":"zhang@example.cn"}},"shipping_address":{"_type_":"order.Address","_data_":{"recipient_name":"Zhang Wei",'
    b'"phone":"+8613800138000","country_code":"CN","province":"Shanghai","city":"Shanghai","district":"Pudong",'
    b'"street_lines":["88 Century Avenue"],"postcode":"200120"}},"billing_address":null,'
    b'"lines":[{"_type_":"order.OrderLine","_data_":{"line_id":"1","sku":"SKU-TEA","name":"Tea","quantity":2,'
    b'"unit_price":{"_type_":"order.Money","_data_":{"currency":"CNY","minor_units":12900}},'
    b'"discount":{"_type_":"order.Money","_data_":{"currency":"CNY","minor_units":500}},'
    b'"tax":{"_type_":"order.Money","_data_":{"currency":"CNY","minor_units":0}},"attributes":{}}}],'
    b'"totals":{"_type_":"order.Totals","_data_":{"subtotal":{"_type_":"order.Money",'
    b'"_data_":{"currency":"CNY","minor_units":25800}},"discount_total":null,"shipping_fee":null,"tax_total":null,'
    b'"grand_total":{"_type_":"order.Money","_data_":{"currency":"CNY","minor_units":25300}}}},'
    b'"payment":{"_type_":"order.Payment","_data_":{"method":"ONLINE","status":"UNPAID","paid_amount":null,'
    b'"reference":"","gateway":"","paid_at":null}}}'
)
OLD_AWAITING_PAYMENT = (
    b'{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-02T21:40:16.385852+00:00"},'
    b'"status":"AWAITING_PAYMENT","amount_due":{"_type_":"order.Money","_data_":{"currency":"CNY","minor_units":25300}},'
    b'"method":"ONLINE"}'
)
TOPIC = "services.order.domain.order:Order"


def old_events() -> list[StoredEvent]:
    return [StoredEvent(OLD_ORDER_ID, 1, f"{TOPIC}.Placed", OLD_PLACED),
            StoredEvent(OLD_ORDER_ID, 2, f"{TOPIC}.AwaitingPayment", OLD_AWAITING_PAYMENT)]


def test_an_old_event_s_amount_reads_back_as_the_kernel_money(order_app):
    event = order_app.mapper.to_domain_event(old_events()[1])
    assert type(event.amount_due) is Money and event.amount_due == Money("CNY", 25300)


def test_an_order_recorded_with_the_old_money_loads_and_new_events_are_written_as_oms_money(order_app):
    order_app.recorder.insert_events(old_events())
    order = order_app.order(OLD_ORDER_ID)
    (line,) = order.lines
    assert (line.unit_price, line.discount, line.tax) == (Money("CNY", 12900), Money("CNY", 500), Money("CNY", 0))
    assert all(type(amount) is Money for amount in (line.unit_price, line.discount, line.tax))
    assert order.totals.subtotal == Money("CNY", 25800) and order.order_total == Money("CNY", 25300)
    assert order.status == S.AWAITING_PAYMENT

    order.cancel(CancellationReason.CUSTOMER_REQUEST, "changed mind", Actor("li.na", "CUSTOMER_SERVICE"))
    order_app.record(order)
    (cancelled,) = order_app.recorder.select_events(OLD_ORDER_ID, gt=2)
    assert b'"refund_due":{"_type_":"oms.money","_data_":{"currency":"CNY","minor_units":0}}' in cancelled.state
    assert b"order.Money" not in cancelled.state
    again = order_app.order(OLD_ORDER_ID)
    assert again.status == S.CANCELLED and again.lines == order.lines


def test_new_orders_store_every_amount_as_oms_money(order_app):
    order = placed()
    order.advance(order_app.review_policy)
    order_app.record(order)
    states = [stored.state for stored in order_app.recorder.select_events(uuid.UUID(order.order_id))]
    assert any(b'"_type_":"oms.money"' in state for state in states)
    assert not any(b"order.Money" in state for state in states)
    again = order_app.order(order.order_id)
    assert again.order_total == order.order_total and type(again.order_total) is Money
    assert again.confirmed_payment == order.confirmed_payment
