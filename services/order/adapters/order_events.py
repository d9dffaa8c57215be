"""The order's facts as contract events on oms.order.events.v1.

Every message gets `order_id` and `status` (the status after the fact), as the topic promises.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from google.protobuf.message import Message

from oms.common.v1.channel_pb2 import Channel
from oms.common.v1.invoice_request_pb2 import InvoiceRequest
from oms.common.v1.line_quantity_pb2 import WarehouseAllocation
from oms.common.v1.payment_pb2 import PAYMENT_METHOD_UNSPECIFIED, PaymentMethod, PaymentStatus
from oms.common.v1.time_window_pb2 import TimeWindow
from oms.order.v1 import change_events_pb2 as change
from oms.order.v1 import lifecycle_events_pb2 as life
from oms.order.v1 import order_pb2
from oms.order.v1 import review_events_pb2 as review
from oms.order.v1.return_events_pb2 import OrderRefunded
from oms_platform.contract_values import money_to_contract, timestamp_to_contract
from services.order.adapters import translation as t
from services.order.domain.order import AUTO_REVIEW, Order


def _status(name: str) -> order_pb2.OrderStatus:
    return t.enum_number(order_pb2.OrderStatus, "ORDER_STATUS_", name)


def _placed(e: Any) -> Message:
    p, reported = e.placement, e.totals
    return life.OrderPlaced(
        order_number=e.order_number, channel=t.enum_number(Channel, "CHANNEL_", p.channel),
        channel_account=p.channel_account, channel_order_id=p.channel_order_id, customer_id=p.customer_id,
        contact=t.contact_message(e.contact), shipping_address=t.address_message(e.shipping_address),
        billing_address=t.address_message(e.billing_address),
        lines=[t.order_line_message(line) for line in e.lines],
        reported_totals=order_pb2.PriceBreakdown(
            subtotal=money_to_contract(reported.subtotal), discount_total=money_to_contract(reported.discount_total),
            shipping_fee=money_to_contract(reported.shipping_fee), tax_total=money_to_contract(reported.tax_total),
            grand_total=money_to_contract(reported.grand_total)),
        payment_method=t.enum_number(PaymentMethod, "PAYMENT_METHOD_", e.payment.method),
        payment_status=t.enum_number(PaymentStatus, "PAYMENT_STATUS_", e.payment.status),
        placed_at=timestamp_to_contract(p.placed_at), accepted_at=timestamp_to_contract(p.accepted_at),
        buyer_note=p.buyer_note,
        requested_delivery=_window(p.requested_delivery), express_requested=p.express_requested,
        presale=p.presale, group_buy_id=p.group_buy_id, purchase_order_number=p.purchase_order_number,
        invoice_request=_invoice(p.invoice_request), promotion_codes=list(p.promotion_codes),
        company_name=p.company_name,
    )


def _window(window: Any) -> TimeWindow | None:
    if window is None:
        return None
    return TimeWindow(start=timestamp_to_contract(window.start), end=timestamp_to_contract(window.end))


def _invoice(invoice: Any) -> InvoiceRequest | None:
    if invoice is None:
        return None
    return InvoiceRequest(requested=invoice.requested, company=invoice.company, title=invoice.title,
                          tax_id=invoice.tax_id, email=invoice.email)


def _awaiting_payment(e: Any) -> Message:
    return life.OrderAwaitingPayment(amount_due=money_to_contract(e.amount_due),
                                     payment_method=t.enum_number(PaymentMethod, "PAYMENT_METHOD_", e.method))


def _payment_confirmed(e: Any) -> Message:
    paid = e.confirmation
    return life.PaymentConfirmed(
        payment_reference=paid.reference, method=t.enum_number(PaymentMethod, "PAYMENT_METHOD_", paid.method),
        amount=money_to_contract(paid.amount),
        source=t.enum_number(order_pb2.PaymentSource, "PAYMENT_SOURCE_", paid.source),
        paid_at=timestamp_to_contract(paid.paid_at or e.timestamp),
    )


def _review_started(e: Any) -> Message:
    return review.OrderReviewStarted(rules_version=e.rules_version, started_at=timestamp_to_contract(e.timestamp))


def _review_decided(e: Any) -> Message:
    checks = [order_pb2.ReviewCheckResult(
        rule_id=c.rule_id, kind=t.enum_number(order_pb2.ReviewRuleKind, "REVIEW_RULE_KIND_", c.kind),
        passed=c.passed, detail=c.detail) for c in e.checks]
    outcome = order_pb2.REVIEW_OUTCOME_APPROVE if e.approved else order_pb2.REVIEW_OUTCOME_HOLD
    return review.ReviewDecisionRecorded(
        outcome=outcome, checks=checks, approval_level=1, required_approval_levels=1,
        decided_by=t.actor_message(AUTO_REVIEW), decided_at=timestamp_to_contract(e.timestamp))


def _approved(e: Any) -> Message:
    return life.OrderApproved(auto_approved=e.automatic, approved_by=t.actor_message(e.approved_by),
                              approval_levels=1, approved_at=timestamp_to_contract(e.timestamp))


def _held(e: Any) -> Message:
    hold = e.hold
    return review.OrderHeld(
        hold_id=hold.hold_id, reason=t.enum_number(order_pb2.HoldReason, "HOLD_REASON_", hold.reason),
        detail=hold.detail, review_queue=hold.review_queue, held_by=t.actor_message(hold.held_by),
        previous_status=_status(hold.previous_status), held_at=timestamp_to_contract(e.timestamp))


def _released(e: Any) -> Message:
    return review.OrderReleased(hold_id=e.hold_id, released_by=t.actor_message(e.released_by), note=e.note,
                                released_at=timestamp_to_contract(e.timestamp))


def _allocated(e: Any) -> Message:
    allocations = [WarehouseAllocation(warehouse_id=a.warehouse_id,
                                       lines=[t.line_quantity_message(q) for q in a.lines]) for a in e.allocations]
    return life.OrderAllocated(reservation_id=e.reservation_id, allocations=allocations,
                               allocated_at=timestamp_to_contract(e.timestamp))


def _backordered(e: Any) -> Message:
    return life.OrderBackordered(reservation_id=e.reservation_id,
                                 lines=[t.line_quantity_message(q) for q in e.lines])


def _fulfilment_started(e: Any) -> Message:
    return life.FulfilmentStarted(shipment_ids=[e.shipment_id], started_at=timestamp_to_contract(e.timestamp))


def _partly_shipped(e: Any) -> Message:
    d = e.dispatch
    return life.OrderPartlyShipped(
        shipment_id=d.shipment_id, shipped_lines=[t.line_quantity_message(q) for q in d.lines],
        remaining_lines=[t.line_quantity_message(q) for q in e.remaining_lines], carrier_code=d.carrier_code,
        tracking_number=", ".join(d.tracking_numbers), shipped_at=timestamp_to_contract(d.dispatched_at or e.timestamp))


def _shipped(e: Any) -> Message:
    return life.OrderShipped(shipment_ids=list(e.shipment_ids),
                             shipped_at=timestamp_to_contract(e.dispatch.dispatched_at or e.timestamp))


def _delivered(e: Any) -> Message:
    return life.OrderDelivered(shipment_ids=list(e.shipment_ids),
                               delivered_at=timestamp_to_contract(e.delivered_at or e.timestamp))


def _completed(e: Any) -> Message:
    return life.OrderCompleted(reason=e.reason, completed_at=timestamp_to_contract(e.timestamp))


def _cancelled(e: Any) -> Message:
    return life.OrderCancelled(
        reason=t.enum_number(order_pb2.CancellationReason, "CANCELLATION_REASON_", e.reason), detail=e.detail,
        cancelled_by=t.actor_message(e.cancelled_by), refund_due=money_to_contract(e.refund_due),
        previous_status=_status(e.previous_status), cancelled_at=timestamp_to_contract(e.timestamp))


def _refunded(e: Any) -> Message:
    paid = e.payment
    return OrderRefunded(
        refund_id=e.refund_id, amount=money_to_contract(e.amount),
        payment_method=(t.enum_number(PaymentMethod, "PAYMENT_METHOD_", paid.method) if paid
                        else PAYMENT_METHOD_UNSPECIFIED),
        payment_reference=paid.reference if paid else "", reason=e.reason,
        refunded_at=timestamp_to_contract(e.timestamp))


def _address_changed(e: Any) -> Message:
    return change.AddressChanged(
        previous_address=t.address_message(e.previous_address), new_address=t.address_message(e.new_address),
        contact=t.contact_message(e.contact),
        source=t.enum_number(order_pb2.ChangeSource, "CHANGE_SOURCE_", e.source),
        changed_by=t.actor_message(e.changed_by), changed_at=timestamp_to_contract(e.timestamp))


def _change_refused(e: Any) -> Message:
    request = e.request
    return change.OrderChangeRefused(
        change=t.enum_number(order_pb2.OrderChangeKind, "ORDER_CHANGE_KIND_", request.kind),
        reason_code=e.reason_code, message=e.message,
        source=t.enum_number(order_pb2.ChangeSource, "CHANGE_SOURCE_", request.source),
        requested_by=t.actor_message(request.requested_by), request_id=request.request_id,
        refused_at=timestamp_to_contract(e.timestamp))


ORDER_EVENTS: dict[type, Callable[[Any], Message]] = {
    Order.Placed: _placed,
    Order.AwaitingPayment: _awaiting_payment,
    Order.PaymentConfirmed: _payment_confirmed,
    Order.ReviewStarted: _review_started,
    Order.ReviewDecided: _review_decided,
    Order.Approved: _approved,
    Order.Held: _held,
    Order.Released: _released,
    Order.Allocated: _allocated,
    Order.Backordered: _backordered,
    Order.FulfilmentStarted: _fulfilment_started,
    Order.PartlyShipped: _partly_shipped,
    Order.Shipped: _shipped,
    Order.Delivered: _delivered,
    Order.Completed: _completed,
    Order.Cancelled: _cancelled,
    Order.Refunded: _refunded,
    Order.AddressChanged: _address_changed,
    Order.ChangeRefused: _change_refused,
}


def order_event(domain_event: Any) -> Message | None:
    """The contract event of a fact, or None for facts only the order itself needs."""
    build = ORDER_EVENTS.get(type(domain_event))
    if build is None:
        return None
    message = build(domain_event)
    message.order_id = str(domain_event.originator_id)
    message.status = _status(getattr(domain_event, "status", "RECEIVED"))  # Placed: the first status
    return message
