"""What ingest decides about a channel order or an update, whichever way it arrived (I1-I3, I5).

A decision names its outcome and the aggregates to record. The HTTP commands record them; the
Kafka handlers hand them to the runtime, which records them with the upstream position.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Generic, Protocol, TypeVar

from oms_platform.identity import order_id_for
from services.ingest.domain.catalogue import ListedProduct
from services.ingest.domain.channel_order import ChannelOrder
from services.ingest.domain.customers import customer_id_for
from services.ingest.domain.delivery import Delivery
from services.ingest.domain.order_numbers import business_day
from services.ingest.domain.rejection import ORDER, UPDATE, Rejection
from services.ingest.domain.rejection_reasons import Reason, RejectionCode
from services.ingest.domain.reported_order import ChannelOrderRef, ChannelOrderUpdate, ReportedOrder
from services.ingest.domain.validation import UnreadableAmount, validate_order, validate_update

_REJECTION_NAMESPACE = uuid.UUID("e8b5d2c4-61a3-4f0e-b7d9-4a2c6e8f0b13")


class IntakeStore(Protocol):
    def channel_order(self, order_id: str) -> ChannelOrder | None: ...
    def rejection(self, rejection_id: str) -> Rejection | None: ...
    def listings(self, skus: set[str]) -> dict[str, ListedProduct]: ...
    def next_order_number(self, day: str) -> str: ...


@dataclass(frozen=True)
class OrderTaken:
    """The channel order is an accepted OMS order: just now (`first_time`) or earlier."""

    order: ChannelOrder
    first_time: bool
    identical: bool = True


@dataclass(frozen=True)
class UpdateTaken:
    order: ChannelOrder
    update_id: str
    first_time: bool


@dataclass(frozen=True)
class Refused:
    """Rejected, just now or (`earlier`) when this very input was rejected before."""

    rejection: Rejection
    earlier: bool = False


Outcome = TypeVar("Outcome", bound="OrderTaken | UpdateTaken | Refused", covariant=True)


@dataclass(frozen=True)
class Decision(Generic[Outcome]):
    outcome: Outcome
    to_record: tuple[Any, ...] = ()


def take_channel_order(store: IntakeStore, order: ReportedOrder, delivery: Delivery,
                       unreadable: tuple[UnreadableAmount, ...] = ()) -> Decision[OrderTaken | Refused]:
    """`unreadable`: the amounts the edge could not read as Money (see UnreadableAmount)."""
    order_id = _order_id(order.ref)
    if delivery.source_event_id:
        earlier = store.rejection(_rejection_id(delivery))
        if earlier is not None:
            return Decision(Refused(earlier, earlier=True))
    known = store.channel_order(order_id) if order_id else None
    if known is not None:
        return _receive_again(known, order, delivery)
    validation = validate_order(order, store.listings({line.sku.strip() for line in order.lines}), unreadable)
    if validation.reasons:
        rejection = Rejection(
            rejection_id=_rejection_id(delivery), subject=ORDER, channel_order=order.ref, order_id=order_id,
            update_id="", reasons=_under(validation.reasons, delivery), delivery=delivery,
        )
        return Decision(Refused(rejection), (rejection,))
    accepted = ChannelOrder(
        order_id=order_id, order_number=store.next_order_number(business_day(datetime.now(UTC))),
        order=validation.order,
        customer_id=customer_id_for(validation.order), fingerprint=order.fingerprint(),
        source=delivery.source, source_event_id=delivery.source_event_id,
    )
    return Decision(OrderTaken(accepted, first_time=True), (accepted,))


def _receive_again(known: ChannelOrder, order: ReportedOrder, delivery: Delivery) -> Decision[OrderTaken]:
    if known.has_delivery(delivery.source_event_id):  # a redelivery of what was already noted
        return Decision(OrderTaken(known, first_time=False))
    identical = order.fingerprint() == known.fingerprint
    known.receive_again(order.fingerprint(), delivery)
    return Decision(OrderTaken(known, first_time=False, identical=identical), (known,))


def apply_channel_update(
    store: IntakeStore, ref: ChannelOrderRef, update: ChannelOrderUpdate, delivery: Delivery,
    unreadable: tuple[UnreadableAmount, ...] = (),
) -> Decision[UpdateTaken | Refused]:
    order_id = _order_id(ref)
    rejection_id = _update_rejection_id(order_id, update.update_id, delivery)
    earlier = store.rejection(rejection_id)
    if earlier is not None:
        return Decision(Refused(earlier, earlier=True))
    order = store.channel_order(order_id) if order_id else None
    if order is not None and order.has_update(update.update_id):
        return Decision(UpdateTaken(order, update.update_id, first_time=False))
    validation = validate_update(update, order.order.currency if order else "", unreadable)
    reasons = validation.reasons
    if order is None:
        reasons = (Reason("", RejectionCode.UNKNOWN_CHANNEL_ORDER,
                          f"channel order {ref.channel_account}:{ref.channel_order_id} was never accepted"),
                   *reasons)
    if order is None or reasons:  # an unknown order always has a reason: the line above
        rejection = Rejection(
            rejection_id=rejection_id, subject=UPDATE, channel_order=order.ref if order else ref,
            order_id=order.order_id if order else "", update_id=update.update_id,
            reasons=_under(reasons, delivery), delivery=delivery,
        )
        return Decision(Refused(rejection), (rejection,))
    order.apply_update(validation.update)
    return Decision(UpdateTaken(order, update.update_id, first_time=True), (order,))


def refuse_unreadable(subject: str, ref: ChannelOrderRef, update_id: str, reasons: tuple[Reason, ...],
                      delivery: Delivery) -> Refused:
    """Input that could not be read as an order or update at all (wrong types, unknown fields,
    not JSON): rejected and kept with its bytes like any other, so staff find what was sent."""
    rejection = Rejection(
        rejection_id=_rejection_id(delivery), subject=subject, channel_order=ref, order_id=_order_id(ref),
        update_id=update_id, reasons=reasons, delivery=delivery,
    )
    return Refused(rejection)


def _order_id(ref: ChannelOrderRef) -> str:
    """The order id of a channel order; "" when the channel order cannot be identified."""
    if not (ref.channel_account and ref.channel_order_id):
        return ""
    return order_id_for(ref.channel_account, ref.channel_order_id)


def _rejection_id(delivery: Delivery) -> str:
    # A Kafka delivery is rejected once, however often it is redelivered; each HTTP request anew.
    if delivery.source_event_id:
        return str(uuid.uuid5(_REJECTION_NAMESPACE, f"delivery:{delivery.source_event_id}"))
    return str(uuid.uuid4())


def _update_rejection_id(order_id: str, update_id: str, delivery: Delivery) -> str:
    # By update id, so the same update sent again is recognised as already rejected.
    if order_id and update_id.strip():
        return str(uuid.uuid5(_REJECTION_NAMESPACE, f"update:{order_id}:{update_id}"))
    return _rejection_id(delivery)


def _under(reasons: tuple[Reason, ...], delivery: Delivery) -> tuple[Reason, ...]:
    return tuple(reason.under(delivery.payload_root) for reason in reasons)
