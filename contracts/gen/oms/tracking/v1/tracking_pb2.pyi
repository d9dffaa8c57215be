from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from typing import ClassVar as _ClassVar

DESCRIPTOR: _descriptor.FileDescriptor

class Checkpoint(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    CHECKPOINT_UNSPECIFIED: _ClassVar[Checkpoint]
    CHECKPOINT_ORDER_CONFIRMED: _ClassVar[Checkpoint]
    CHECKPOINT_PAYMENT_COMPLETED: _ClassVar[Checkpoint]
    CHECKPOINT_REVIEW_PASSED: _ClassVar[Checkpoint]
    CHECKPOINT_PICKING_STARTED: _ClassVar[Checkpoint]
    CHECKPOINT_OUTBOUND_SCAN: _ClassVar[Checkpoint]
    CHECKPOINT_CARRIER_PICKUP: _ClassVar[Checkpoint]
    CHECKPOINT_TRANSIT_ARRIVAL: _ClassVar[Checkpoint]
    CHECKPOINT_OUT_FOR_DELIVERY: _ClassVar[Checkpoint]
    CHECKPOINT_DELIVERED: _ClassVar[Checkpoint]

class CheckpointSource(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    CHECKPOINT_SOURCE_UNSPECIFIED: _ClassVar[CheckpointSource]
    CHECKPOINT_SOURCE_UPSTREAM_EVENT: _ClassVar[CheckpointSource]
    CHECKPOINT_SOURCE_CARRIER_WEBHOOK: _ClassVar[CheckpointSource]
    CHECKPOINT_SOURCE_CARRIER_POLLING: _ClassVar[CheckpointSource]
    CHECKPOINT_SOURCE_MANUAL: _ClassVar[CheckpointSource]

class TrackingExceptionKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    TRACKING_EXCEPTION_KIND_UNSPECIFIED: _ClassVar[TrackingExceptionKind]
    TRACKING_EXCEPTION_KIND_LOST: _ClassVar[TrackingExceptionKind]
    TRACKING_EXCEPTION_KIND_DAMAGED: _ClassVar[TrackingExceptionKind]
    TRACKING_EXCEPTION_KIND_REFUSED: _ClassVar[TrackingExceptionKind]
    TRACKING_EXCEPTION_KIND_ADDRESS_PROBLEM: _ClassVar[TrackingExceptionKind]
    TRACKING_EXCEPTION_KIND_RECIPIENT_UNAVAILABLE: _ClassVar[TrackingExceptionKind]
    TRACKING_EXCEPTION_KIND_CUSTOMS_HOLD: _ClassVar[TrackingExceptionKind]
    TRACKING_EXCEPTION_KIND_RETURNED_TO_SENDER: _ClassVar[TrackingExceptionKind]
    TRACKING_EXCEPTION_KIND_CARRIER_DELAY: _ClassVar[TrackingExceptionKind]

class ExceptionAction(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    EXCEPTION_ACTION_UNSPECIFIED: _ClassVar[ExceptionAction]
    EXCEPTION_ACTION_RESHIP: _ClassVar[ExceptionAction]
    EXCEPTION_ACTION_CARRIER_CLAIM: _ClassVar[ExceptionAction]
    EXCEPTION_ACTION_CONTACT_CUSTOMER: _ClassVar[ExceptionAction]
    EXCEPTION_ACTION_WAIT: _ClassVar[ExceptionAction]
    EXCEPTION_ACTION_REFUND: _ClassVar[ExceptionAction]

class SlaBreachKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    SLA_BREACH_KIND_UNSPECIFIED: _ClassVar[SlaBreachKind]
    SLA_BREACH_KIND_STAGE_DWELL: _ClassVar[SlaBreachKind]
    SLA_BREACH_KIND_TRANSIT_DELAY: _ClassVar[SlaBreachKind]
    SLA_BREACH_KIND_NO_UPDATE: _ClassVar[SlaBreachKind]
    SLA_BREACH_KIND_PROMISE_MISSED: _ClassVar[SlaBreachKind]

class NotificationChannel(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    NOTIFICATION_CHANNEL_UNSPECIFIED: _ClassVar[NotificationChannel]
    NOTIFICATION_CHANNEL_EMAIL: _ClassVar[NotificationChannel]
    NOTIFICATION_CHANNEL_SMS: _ClassVar[NotificationChannel]
    NOTIFICATION_CHANNEL_PUSH: _ClassVar[NotificationChannel]

class SuppressionReason(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    SUPPRESSION_REASON_UNSPECIFIED: _ClassVar[SuppressionReason]
    SUPPRESSION_REASON_DUPLICATE: _ClassVar[SuppressionReason]
    SUPPRESSION_REASON_OPTED_OUT: _ClassVar[SuppressionReason]
    SUPPRESSION_REASON_NO_RECIPIENT: _ClassVar[SuppressionReason]
    SUPPRESSION_REASON_QUIET_HOURS: _ClassVar[SuppressionReason]
    SUPPRESSION_REASON_TEMPLATE_DISABLED: _ClassVar[SuppressionReason]
CHECKPOINT_UNSPECIFIED: Checkpoint
CHECKPOINT_ORDER_CONFIRMED: Checkpoint
CHECKPOINT_PAYMENT_COMPLETED: Checkpoint
CHECKPOINT_REVIEW_PASSED: Checkpoint
CHECKPOINT_PICKING_STARTED: Checkpoint
CHECKPOINT_OUTBOUND_SCAN: Checkpoint
CHECKPOINT_CARRIER_PICKUP: Checkpoint
CHECKPOINT_TRANSIT_ARRIVAL: Checkpoint
CHECKPOINT_OUT_FOR_DELIVERY: Checkpoint
CHECKPOINT_DELIVERED: Checkpoint
CHECKPOINT_SOURCE_UNSPECIFIED: CheckpointSource
CHECKPOINT_SOURCE_UPSTREAM_EVENT: CheckpointSource
CHECKPOINT_SOURCE_CARRIER_WEBHOOK: CheckpointSource
CHECKPOINT_SOURCE_CARRIER_POLLING: CheckpointSource
CHECKPOINT_SOURCE_MANUAL: CheckpointSource
TRACKING_EXCEPTION_KIND_UNSPECIFIED: TrackingExceptionKind
TRACKING_EXCEPTION_KIND_LOST: TrackingExceptionKind
TRACKING_EXCEPTION_KIND_DAMAGED: TrackingExceptionKind
TRACKING_EXCEPTION_KIND_REFUSED: TrackingExceptionKind
TRACKING_EXCEPTION_KIND_ADDRESS_PROBLEM: TrackingExceptionKind
TRACKING_EXCEPTION_KIND_RECIPIENT_UNAVAILABLE: TrackingExceptionKind
TRACKING_EXCEPTION_KIND_CUSTOMS_HOLD: TrackingExceptionKind
TRACKING_EXCEPTION_KIND_RETURNED_TO_SENDER: TrackingExceptionKind
TRACKING_EXCEPTION_KIND_CARRIER_DELAY: TrackingExceptionKind
EXCEPTION_ACTION_UNSPECIFIED: ExceptionAction
EXCEPTION_ACTION_RESHIP: ExceptionAction
EXCEPTION_ACTION_CARRIER_CLAIM: ExceptionAction
EXCEPTION_ACTION_CONTACT_CUSTOMER: ExceptionAction
EXCEPTION_ACTION_WAIT: ExceptionAction
EXCEPTION_ACTION_REFUND: ExceptionAction
SLA_BREACH_KIND_UNSPECIFIED: SlaBreachKind
SLA_BREACH_KIND_STAGE_DWELL: SlaBreachKind
SLA_BREACH_KIND_TRANSIT_DELAY: SlaBreachKind
SLA_BREACH_KIND_NO_UPDATE: SlaBreachKind
SLA_BREACH_KIND_PROMISE_MISSED: SlaBreachKind
NOTIFICATION_CHANNEL_UNSPECIFIED: NotificationChannel
NOTIFICATION_CHANNEL_EMAIL: NotificationChannel
NOTIFICATION_CHANNEL_SMS: NotificationChannel
NOTIFICATION_CHANNEL_PUSH: NotificationChannel
SUPPRESSION_REASON_UNSPECIFIED: SuppressionReason
SUPPRESSION_REASON_DUPLICATE: SuppressionReason
SUPPRESSION_REASON_OPTED_OUT: SuppressionReason
SUPPRESSION_REASON_NO_RECIPIENT: SuppressionReason
SUPPRESSION_REASON_QUIET_HOURS: SuppressionReason
SUPPRESSION_REASON_TEMPLATE_DISABLED: SuppressionReason
