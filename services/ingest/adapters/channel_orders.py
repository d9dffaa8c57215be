"""Channel orders and updates as the contracts carry them (oms.intake.v1) <-> the ingest domain.

Reading an order or an update takes a ReportedAmounts, which keeps the amounts that are no Money
(see `reported_amounts`) for validation to name.
"""

from __future__ import annotations

from typing import Any

from oms.intake.v1 import channel_order_events_pb2, channel_order_pb2, intake_pb2
from oms_platform.contract_values import datetime_from_contract, money_to_contract, timestamp_to_contract
from services.ingest.adapters import contract_values as values
from services.ingest.adapters.reported_amounts import ReportedAmounts
from services.ingest.domain.reported_order import (
    AddressChange,
    Cancellation,
    Change,
    ChannelOrderRef,
    ChannelOrderUpdate,
    Customer,
    ReportedOrder,
    ReportedTotals,
)

_TOTALS = ("subtotal", "discount_total", "shipping_fee", "tax_total", "grand_total")


def reported_order(message: channel_order_pb2.ChannelOrder, amounts: ReportedAmounts) -> ReportedOrder:
    customer = message.customer
    return ReportedOrder(
        ref=ChannelOrderRef(values.channel_name(message.channel), message.channel_account, message.channel_order_id),
        customer=Customer(customer.channel_customer_id, customer.name, customer.membership_level,
                          customer.company_name),
        contact=values.contact(message.contact),
        shipping_address=values.address(message.shipping_address) if message.HasField("shipping_address") else None,
        billing_address=values.address(message.billing_address) if message.HasField("billing_address") else None,
        lines=tuple(values.order_line(line, amounts, f"lines[{index}]") for index, line in enumerate(message.lines)),
        reported_totals=_totals(message.reported_totals, amounts) if message.HasField("reported_totals") else None,
        payment=values.payment(message.payment, amounts) if message.HasField("payment") else None,
        placed_at=datetime_from_contract(message.placed_at),
        buyer_note=message.buyer_note,
        seller_note=message.seller_note,
        requested_delivery=(values.time_window(message.requested_delivery)
                            if message.HasField("requested_delivery") else None),
        express_requested=message.express_requested,
        presale=message.presale,
        group_buy_id=message.group_buy_id,
        purchase_order_number=message.purchase_order_number,
        invoice_request=(values.invoice_request(message.invoice_request)
                         if message.HasField("invoice_request") else None),
        promotion_codes=tuple(message.promotion_codes),
        attributes=dict(message.attributes),
    )


def _totals(message: channel_order_pb2.ReportedTotals, amounts: ReportedAmounts) -> ReportedTotals:
    return ReportedTotals(**{name: values.amount(message, name, amounts, f"reported_totals.{name}")
                             for name in _TOTALS})


def channel_order_ref(value: ChannelOrderRef) -> intake_pb2.ChannelOrderRef:
    return intake_pb2.ChannelOrderRef(channel=values.channel_value(value.channel),
                                      channel_account=value.channel_account,
                                      channel_order_id=value.channel_order_id)


def normalised_order(order: ReportedOrder, customer_id: str) -> intake_pb2.NormalisedOrder:
    """The accepted order for downstream services: every reported field, normalised."""
    totals = order.reported_totals
    return intake_pb2.NormalisedOrder(
        channel_order=channel_order_ref(order.ref),
        customer_id=customer_id,
        customer_name=order.customer.name,
        company_name=order.customer.company_name,
        membership_level=order.customer.membership_level,
        contact=values.contact_message(order.contact),
        shipping_address=values.address_message(order.shipping_address) if order.shipping_address else None,
        billing_address=values.address_message(order.billing_address) if order.billing_address else None,
        lines=[values.order_line_message(line) for line in order.lines],
        reported_totals=(channel_order_pb2.ReportedTotals(
            **{name: money_to_contract(getattr(totals, name)) for name in _TOTALS}) if totals else None),
        payment=channel_order_pb2.ReportedPayment(**values.payment_fields(order.payment)) if order.payment else None,
        placed_at=timestamp_to_contract(order.placed_at),
        buyer_note=order.buyer_note,
        seller_note=order.seller_note,
        requested_delivery=(values.time_window_message(order.requested_delivery)
                            if order.requested_delivery else None),
        express_requested=order.express_requested,
        presale=order.presale,
        group_buy_id=order.group_buy_id,
        purchase_order_number=order.purchase_order_number,
        invoice_request=values.invoice_request_message(order.invoice_request) if order.invoice_request else None,
        promotion_codes=list(order.promotion_codes),
        attributes=order.attributes,
    )


def update_ref(message: channel_order_events_pb2.ChannelOrderUpdated) -> ChannelOrderRef:
    return ChannelOrderRef(values.channel_name(message.channel), message.channel_account, message.channel_order_id)


def channel_order_update(message: channel_order_events_pb2.ChannelOrderUpdated,
                         amounts: ReportedAmounts) -> ChannelOrderUpdate:
    return ChannelOrderUpdate(
        update_id=message.update_id, change=_change(message, amounts),
        updated_at=datetime_from_contract(message.updated_at),
    )


def _change(message: channel_order_events_pb2.ChannelOrderUpdated, amounts: ReportedAmounts) -> Change | None:
    kind = message.WhichOneof("change")
    if kind == "payment":
        return values.payment(message.payment, amounts)
    if kind == "cancellation":
        return Cancellation(message.cancellation.reason, message.cancellation.requested_by_buyer)
    if kind == "address_change":
        change = message.address_change
        return AddressChange(
            shipping_address=values.address(change.shipping_address) if change.HasField("shipping_address") else None,
            contact=values.contact(change.contact) if change.HasField("contact") else None,
        )
    return None


def change_fields(change: Change | None) -> dict[str, Any]:
    """The `change` oneof of ChannelOrderUpdated / ChannelOrderUpdateApplied, as constructor fields."""
    if change is None:  # not set (validation refuses such updates, so an applied one has a change)
        return {}
    if isinstance(change, Cancellation):
        return {"cancellation": channel_order_pb2.ChannelCancellation(
            reason=change.reason, requested_by_buyer=change.requested_by_buyer)}
    if isinstance(change, AddressChange):
        return {"address_change": channel_order_pb2.ChannelAddressChange(
            shipping_address=values.address_message(change.shipping_address) if change.shipping_address else None,
            contact=values.contact_message(change.contact) if change.contact else None)}
    return {"payment": channel_order_pb2.ReportedPayment(**values.payment_fields(change))}
