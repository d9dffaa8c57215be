"""A channel's later word on an order (I3, O6): paid, cancelled, or a new address.

The channel cannot be told "no" synchronously, so a change the order cannot take is recorded as
refused (OrderChangeRefused), visible to staff, instead of failing the message.
"""

from __future__ import annotations

from oms.intake.v1.channel_order_pb2 import ChannelAddressChange, ChannelCancellation, ReportedPayment
from oms.intake.v1.intake_events_pb2 import ChannelOrderUpdateApplied
from oms_kernel.money import Money
from oms_platform.messaging.consumer import InvalidMessage
from services.order.adapters import translation
from services.order.domain.order import Order
from services.order.domain.reasons import CancellationReason, ChangeKind, ChangeSource
from services.order.domain.review import ReviewPolicy
from services.order.domain.status import AFTER_DISPATCH, IllegalTransition
from services.order.domain.values import Actor, ActorRole, ChangeRequest, PaymentConfirmation, PaymentSource

KINDS = {"payment": ChangeKind.PAYMENT, "cancellation": ChangeKind.CANCEL, "address_change": ChangeKind.ADDRESS}


def apply_channel_update(order: Order, message: ChannelOrderUpdateApplied, policy: ReviewPolicy) -> None:
    change = message.WhichOneof("change")
    if change not in KINDS:
        raise InvalidMessage(f"update {message.update_id!r} carries no change")
    channel = Actor(message.channel_order.channel_account or "channel", ActorRole.INTEGRATION)
    request = ChangeRequest(KINDS[change], ChangeSource.CHANNEL, channel, message.update_id)
    try:
        if change == "payment":
            _confirm_payment(order, message.payment, policy, request)
        elif change == "cancellation":
            _cancel(order, message.cancellation, channel)
        else:
            _change_address(order, message.address_change, channel)
    except IllegalTransition as refused:
        code = "ALREADY_SHIPPED" if refused.current in AFTER_DISPATCH else "ILLEGAL_TRANSITION"
        order.refuse_change(request, code, str(refused))


def _confirm_payment(order: Order, payment: ReportedPayment, policy: ReviewPolicy, request: ChangeRequest) -> None:
    reported = translation.payment(payment)
    if not reported.is_paid:
        order.refuse_change(request, "PAYMENT_NOT_COMPLETE",
                            f"the channel reported the payment {reported.status}; only a completed payment counts")
        return
    amount = reported.paid_amount or Money.zero(order.currency)
    order.confirm_payment(PaymentConfirmation(reported.reference, reported.method, amount,
                                              PaymentSource.CHANNEL, reported.paid_at))
    order.advance(policy)


def _cancel(order: Order, cancellation: ChannelCancellation, channel: Actor) -> None:
    if order.cancellation_reason is not None:
        return  # cancelled already
    detail = cancellation.reason + (" (requested by the buyer)" if cancellation.requested_by_buyer else "")
    order.cancel(CancellationReason.CHANNEL_CANCELLED, detail.strip(), channel)


def _change_address(order: Order, change: ChannelAddressChange, channel: Actor) -> None:
    contact = translation.contact(change.contact) if change.HasField("contact") else None
    order.change_address(translation.address(change.shipping_address), contact, ChangeSource.CHANNEL, channel)
