"""What the intake HTTP API answers: accepted orders, applied updates, rejections."""

from __future__ import annotations

import base64
from dataclasses import asdict
from datetime import datetime
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from pydantic import BaseModel

from services.ingest.domain.channel_order import ChannelOrder
from services.ingest.domain.rejection import Rejection
from services.ingest.domain.reported_order import AddressChange, Cancellation, ChannelOrderUpdate, Payment
from services.ingest.entrypoints.order_forms import AddressForm, ContactForm, OrderLineForm, PaymentForm

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

FormModel = TypeVar("FormModel", bound=BaseModel)


class OrderTakenView(BaseModel):
    order_id: str
    order_number: str
    status: str

    @classmethod
    def of(cls, order: ChannelOrder) -> OrderTakenView:
        return cls(order_id=order.order_id, order_number=order.order_number, status=order.status)


class UpdateTakenView(BaseModel):
    order_id: str
    order_number: str
    update_id: str
    status: Literal["applied"] = "applied"


class AppliedUpdateView(BaseModel):
    update_id: str
    kind: Literal["payment", "cancellation", "address_change"]
    updated_at: datetime | None


class ChannelOrderView(BaseModel):
    """An accepted channel order as ingest holds it, with the updates applied since."""

    order_id: str
    order_number: str
    status: str
    channel: str
    channel_account: str
    channel_order_id: str
    customer_id: str
    customer_name: str
    contact: ContactForm
    shipping_address: AddressForm | None
    lines: list[OrderLineForm]
    currency: str
    payment: PaymentForm | None
    source: str
    accepted_at: datetime
    duplicates_received: int
    updates: list[AppliedUpdateView]

    @classmethod
    def of(cls, order: ChannelOrder) -> ChannelOrderView:
        accepted = order.order
        return cls(
            order_id=order.order_id, order_number=order.order_number, status=order.status,
            channel=accepted.ref.channel, channel_account=accepted.ref.channel_account,
            channel_order_id=accepted.ref.channel_order_id, customer_id=order.customer_id,
            customer_name=accepted.customer.name,
            contact=ContactForm.model_validate(asdict(order.contact)),
            shipping_address=_model(AddressForm, order.shipping_address),
            lines=[OrderLineForm.model_validate(_plain(line)) for line in accepted.lines],
            currency=accepted.currency, payment=PaymentForm.of(order.payment),
            source=order.source, accepted_at=order.created_on, duplicates_received=order.duplicates,
            updates=[_applied(update) for update in order.updates],
        )


class ReasonView(BaseModel):
    field: str
    code: str
    message: str


class RejectionView(BaseModel):
    rejection_id: str
    subject: Literal["order", "update"]
    channel: str
    channel_account: str
    channel_order_id: str
    order_id: str
    update_id: str
    reasons: list[ReasonView]
    source: str
    source_event_id: str
    original_content_type: str
    rejected_at: datetime

    @classmethod
    def of(cls, rejection: Rejection) -> RejectionView:
        return cls(**_rejection_fields(rejection))


class RejectionDetailView(RejectionView):
    """With the input exactly as received; as text too when it is text."""

    original_payload_base64: str
    original_payload_text: str | None

    @classmethod
    def of(cls, rejection: Rejection) -> RejectionDetailView:
        payload = rejection.delivery.payload
        return cls(
            **_rejection_fields(rejection),
            original_payload_base64=base64.b64encode(payload).decode("ascii"),
            original_payload_text=_text(payload) if rejection.delivery.content_type == "application/json" else None,
        )


def _rejection_fields(rejection: Rejection) -> dict:
    ref, delivery = rejection.channel_order, rejection.delivery
    return {
        "rejection_id": rejection.rejection_id, "subject": rejection.subject, "channel": ref.channel,
        "channel_account": ref.channel_account, "channel_order_id": ref.channel_order_id,
        "order_id": rejection.order_id, "update_id": rejection.update_id,
        "reasons": [ReasonView(field=r.field_path, code=r.code, message=r.message) for r in rejection.reasons],
        "source": delivery.source, "source_event_id": delivery.source_event_id,
        "original_content_type": delivery.content_type, "rejected_at": rejection.created_on,
    }


def _applied(update: ChannelOrderUpdate) -> AppliedUpdateView:
    kinds = {Payment: "payment", Cancellation: "cancellation", AddressChange: "address_change"}
    return AppliedUpdateView(update_id=update.update_id, kind=kinds[type(update.change)], updated_at=update.updated_at)


def _model(model: type[FormModel], value: DataclassInstance | None) -> FormModel | None:
    return None if value is None else model.model_validate(_plain(value))


def _plain(value: DataclassInstance) -> dict[str, Any]:
    """A domain value as the JSON shape of the forms: tuples as lists, money as {currency, minor_units}."""
    return asdict(value, dict_factory=lambda items: {k: list(v) if isinstance(v, tuple) else v for k, v in items})


def _text(payload: bytes) -> str | None:
    try:
        return payload.decode("utf-8")
    except UnicodeDecodeError:
        return None
