"""What ingest's domain events become on oms.intake.events.v1 (key: the order id, see the catalogue)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from google.protobuf.message import Message

from oms.intake.v1 import intake_events_pb2, intake_pb2
from oms_platform.contract_values import timestamp_to_contract
from oms_platform.messaging.relay import Publication
from services.ingest.adapters.channel_orders import change_fields, channel_order_ref, normalised_order
from services.ingest.domain.channel_order import ChannelOrder
from services.ingest.domain.delivery import HTTP, KAFKA
from services.ingest.domain.rejection import ORDER, Rejection
from services.ingest.domain.rejection_reasons import Reason

INTAKE_EVENTS = "oms.intake.events.v1"

_SOURCES = {KAFKA: intake_pb2.INTAKE_SOURCE_KAFKA, HTTP: intake_pb2.INTAKE_SOURCE_HTTP}


def publications(domain_event: Any) -> Iterable[Publication]:
    translate = _TRANSLATIONS.get(type(domain_event))
    if translate is None:  # the catalogue and the order-number sequences are ingest's own business
        return ()
    key, message = translate(domain_event)
    return (Publication(INTAKE_EVENTS, key, message),)


def _order_accepted(event: ChannelOrder.Accepted) -> tuple[str, Message]:
    return event.order_id, intake_events_pb2.OrderAccepted(
        order_id=event.order_id,
        order_number=event.order_number,
        order=normalised_order(event.order, event.customer_id),
        source=_SOURCES.get(event.source, intake_pb2.INTAKE_SOURCE_UNSPECIFIED),
        source_event_id=event.source_event_id,
        accepted_at=timestamp_to_contract(event.timestamp),
    )


def _duplicate_received(event: ChannelOrder.DuplicateReceived) -> tuple[str, Message]:
    order_id = str(event.originator_id)
    return order_id, intake_events_pb2.ChannelOrderDuplicateReceived(
        order_id=order_id,
        channel_order=channel_order_ref(event.channel_order),
        source_event_id=event.source_event_id,
        identical=event.identical,
        received_at=timestamp_to_contract(event.timestamp),
    )


def _update_applied(event: ChannelOrder.UpdateApplied) -> tuple[str, Message]:
    order_id = str(event.originator_id)
    return order_id, intake_events_pb2.ChannelOrderUpdateApplied(
        order_id=order_id,
        channel_order=channel_order_ref(event.channel_order),
        update_id=event.update.update_id,
        updated_at=timestamp_to_contract(event.update.updated_at),
        applied_at=timestamp_to_contract(event.timestamp),
        **change_fields(event.update.change),
    )


def _rejection_recorded(event: Rejection.Recorded) -> tuple[str, Message]:
    reasons = [_reason(reason) for reason in event.reasons]
    delivery = event.delivery
    if event.subject == ORDER:
        return _rejection_key(event), intake_events_pb2.OrderRejected(
            rejection_id=event.rejection_id,
            channel_order=channel_order_ref(event.channel_order),
            reasons=reasons,
            original_payload=delivery.payload,
            original_content_type=delivery.content_type,
            source=_SOURCES.get(delivery.source, intake_pb2.INTAKE_SOURCE_UNSPECIFIED),
            source_event_id=delivery.source_event_id,
            rejected_at=timestamp_to_contract(event.timestamp),
        )
    return _rejection_key(event), intake_events_pb2.ChannelOrderUpdateRejected(
        order_id=event.order_id,
        channel_order=channel_order_ref(event.channel_order),
        update_id=event.update_id,
        reasons=reasons,
        original_payload=delivery.payload,
        rejected_at=timestamp_to_contract(event.timestamp),
    )


def _rejection_key(event: Rejection.Recorded) -> str:
    """Update rejections of a known order go under its id; otherwise the channel order's key, or
    the rejection id when even that could not be read."""
    ref = event.channel_order
    if event.subject != ORDER and event.order_id:
        return event.order_id
    if ref.channel_account and ref.channel_order_id:
        return f"{ref.channel_account}:{ref.channel_order_id}"
    return event.rejection_id


def _reason(reason: Reason) -> intake_pb2.RejectionReason:
    return intake_pb2.RejectionReason(
        field_path=reason.field_path,
        code=intake_pb2.RejectionCode.Value(f"REJECTION_CODE_{reason.code}"),
        message=reason.message,
    )


_TRANSLATIONS: dict[type, Callable[[Any], tuple[str, Message]]] = {
    ChannelOrder.Accepted: _order_accepted,
    ChannelOrder.DuplicateReceived: _duplicate_received,
    ChannelOrder.UpdateApplied: _update_applied,
    Rejection.Recorded: _rejection_recorded,
}
