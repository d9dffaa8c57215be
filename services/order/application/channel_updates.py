"""A channel's later word on an order (I3, O6): paid, cancelled, or a new address.

The channel cannot be told "no" synchronously, so a change the order cannot take is recorded as
refused (OrderChangeRefused), visible to staff, instead of failing the message.
"""

from __future__ import annotations

from oms_kernel.money import Money
from services.order.application.commands import (
    ApplyChannelUpdate,
    ChannelCancelled,
    ChannelPaid,
    ChannelReaddressed,
)
from services.order.domain.order import Order
from services.order.domain.reasons import CancellationReason, ChangeKind, ChangeSource
from services.order.domain.review import ReviewPolicy
from services.order.domain.status import AFTER_DISPATCH, IllegalTransition
from services.order.domain.values import Actor, ActorRole, ChangeRequest, PaymentConfirmation, PaymentSource

KINDS: dict[type, ChangeKind] = {
    ChannelPaid: ChangeKind.PAYMENT, ChannelCancelled: ChangeKind.CANCEL, ChannelReaddressed: ChangeKind.ADDRESS,
}


def apply_channel_update(order: Order, update: ApplyChannelUpdate, policy: ReviewPolicy) -> None:
    channel = Actor(update.channel_account or "channel", ActorRole.INTEGRATION)
    change = update.change
    request = ChangeRequest(KINDS[type(change)], ChangeSource.CHANNEL, channel, update.update_id)
    try:
        match change:
            case ChannelPaid():
                _confirm_payment(order, change, policy, request)
            case ChannelCancelled():
                _cancel(order, change, channel)
            case ChannelReaddressed():
                order.change_address(change.shipping_address, change.contact, ChangeSource.CHANNEL, channel)
    except IllegalTransition as refused:
        code = "ALREADY_SHIPPED" if refused.current in AFTER_DISPATCH else "ILLEGAL_TRANSITION"
        order.refuse_change(request, code, str(refused))


def _confirm_payment(order: Order, paid: ChannelPaid, policy: ReviewPolicy, request: ChangeRequest) -> None:
    reported = paid.payment
    if not reported.is_paid:
        order.refuse_change(request, "PAYMENT_NOT_COMPLETE",
                            f"the channel reported the payment {reported.status}; only a completed payment counts")
        return
    amount = reported.paid_amount or Money.zero(order.currency)
    order.confirm_payment(PaymentConfirmation(reported.reference, reported.method, amount,
                                              PaymentSource.CHANNEL, reported.paid_at))
    order.advance(policy)


def _cancel(order: Order, cancellation: ChannelCancelled, channel: Actor) -> None:
    if order.cancellation_reason is not None:
        return  # cancelled already
    detail = cancellation.reason + (" (requested by the buyer)" if cancellation.requested_by_buyer else "")
    order.cancel(CancellationReason.CHANNEL_CANCELLED, detail.strip(), channel)
