import datetime

from google.protobuf import duration_pb2 as _duration_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from oms.common.v1 import actor_pb2 as _actor_pb2
from oms.common.v1 import address_pb2 as _address_pb2
from oms.common.v1 import money_pb2 as _money_pb2
from oms.common.v1 import time_window_pb2 as _time_window_pb2
from oms.tracking.v1 import tracking_pb2 as _tracking_pb2
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class CarrierEventReceived(_message.Message):
    __slots__ = ("order_id", "shipment_id", "carrier_code", "tracking_number", "raw_code", "raw_description", "location", "occurred_at", "source", "raw_payload", "received_at", "recorded_by")
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    SHIPMENT_ID_FIELD_NUMBER: _ClassVar[int]
    CARRIER_CODE_FIELD_NUMBER: _ClassVar[int]
    TRACKING_NUMBER_FIELD_NUMBER: _ClassVar[int]
    RAW_CODE_FIELD_NUMBER: _ClassVar[int]
    RAW_DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    LOCATION_FIELD_NUMBER: _ClassVar[int]
    OCCURRED_AT_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    RAW_PAYLOAD_FIELD_NUMBER: _ClassVar[int]
    RECEIVED_AT_FIELD_NUMBER: _ClassVar[int]
    RECORDED_BY_FIELD_NUMBER: _ClassVar[int]
    order_id: str
    shipment_id: str
    carrier_code: str
    tracking_number: str
    raw_code: str
    raw_description: str
    location: _address_pb2.Location
    occurred_at: _timestamp_pb2.Timestamp
    source: _tracking_pb2.CheckpointSource
    raw_payload: bytes
    received_at: _timestamp_pb2.Timestamp
    recorded_by: _actor_pb2.Actor
    def __init__(self, order_id: _Optional[str] = ..., shipment_id: _Optional[str] = ..., carrier_code: _Optional[str] = ..., tracking_number: _Optional[str] = ..., raw_code: _Optional[str] = ..., raw_description: _Optional[str] = ..., location: _Optional[_Union[_address_pb2.Location, _Mapping]] = ..., occurred_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., source: _Optional[_Union[_tracking_pb2.CheckpointSource, str]] = ..., raw_payload: _Optional[bytes] = ..., received_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., recorded_by: _Optional[_Union[_actor_pb2.Actor, _Mapping]] = ...) -> None: ...

class CheckpointRecorded(_message.Message):
    __slots__ = ("order_id", "shipment_id", "checkpoint", "occurred_at", "location", "source", "carrier_code", "tracking_number", "carrier_raw_code", "description", "upstream_event_id", "recorded_by")
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    SHIPMENT_ID_FIELD_NUMBER: _ClassVar[int]
    CHECKPOINT_FIELD_NUMBER: _ClassVar[int]
    OCCURRED_AT_FIELD_NUMBER: _ClassVar[int]
    LOCATION_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    CARRIER_CODE_FIELD_NUMBER: _ClassVar[int]
    TRACKING_NUMBER_FIELD_NUMBER: _ClassVar[int]
    CARRIER_RAW_CODE_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    UPSTREAM_EVENT_ID_FIELD_NUMBER: _ClassVar[int]
    RECORDED_BY_FIELD_NUMBER: _ClassVar[int]
    order_id: str
    shipment_id: str
    checkpoint: _tracking_pb2.Checkpoint
    occurred_at: _timestamp_pb2.Timestamp
    location: _address_pb2.Location
    source: _tracking_pb2.CheckpointSource
    carrier_code: str
    tracking_number: str
    carrier_raw_code: str
    description: str
    upstream_event_id: str
    recorded_by: _actor_pb2.Actor
    def __init__(self, order_id: _Optional[str] = ..., shipment_id: _Optional[str] = ..., checkpoint: _Optional[_Union[_tracking_pb2.Checkpoint, str]] = ..., occurred_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., location: _Optional[_Union[_address_pb2.Location, _Mapping]] = ..., source: _Optional[_Union[_tracking_pb2.CheckpointSource, str]] = ..., carrier_code: _Optional[str] = ..., tracking_number: _Optional[str] = ..., carrier_raw_code: _Optional[str] = ..., description: _Optional[str] = ..., upstream_event_id: _Optional[str] = ..., recorded_by: _Optional[_Union[_actor_pb2.Actor, _Mapping]] = ...) -> None: ...

class TrackingExceptionRaised(_message.Message):
    __slots__ = ("exception_id", "order_id", "shipment_id", "kind", "carrier_code", "tracking_number", "detail", "last_checkpoint", "last_update_at", "suggested_action", "raised_at")
    EXCEPTION_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    SHIPMENT_ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    CARRIER_CODE_FIELD_NUMBER: _ClassVar[int]
    TRACKING_NUMBER_FIELD_NUMBER: _ClassVar[int]
    DETAIL_FIELD_NUMBER: _ClassVar[int]
    LAST_CHECKPOINT_FIELD_NUMBER: _ClassVar[int]
    LAST_UPDATE_AT_FIELD_NUMBER: _ClassVar[int]
    SUGGESTED_ACTION_FIELD_NUMBER: _ClassVar[int]
    RAISED_AT_FIELD_NUMBER: _ClassVar[int]
    exception_id: str
    order_id: str
    shipment_id: str
    kind: _tracking_pb2.TrackingExceptionKind
    carrier_code: str
    tracking_number: str
    detail: str
    last_checkpoint: _tracking_pb2.Checkpoint
    last_update_at: _timestamp_pb2.Timestamp
    suggested_action: _tracking_pb2.ExceptionAction
    raised_at: _timestamp_pb2.Timestamp
    def __init__(self, exception_id: _Optional[str] = ..., order_id: _Optional[str] = ..., shipment_id: _Optional[str] = ..., kind: _Optional[_Union[_tracking_pb2.TrackingExceptionKind, str]] = ..., carrier_code: _Optional[str] = ..., tracking_number: _Optional[str] = ..., detail: _Optional[str] = ..., last_checkpoint: _Optional[_Union[_tracking_pb2.Checkpoint, str]] = ..., last_update_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., suggested_action: _Optional[_Union[_tracking_pb2.ExceptionAction, str]] = ..., raised_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class TrackingExceptionResolved(_message.Message):
    __slots__ = ("exception_id", "order_id", "shipment_id", "action_taken", "note", "resolved_by", "resolved_at")
    EXCEPTION_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    SHIPMENT_ID_FIELD_NUMBER: _ClassVar[int]
    ACTION_TAKEN_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    RESOLVED_BY_FIELD_NUMBER: _ClassVar[int]
    RESOLVED_AT_FIELD_NUMBER: _ClassVar[int]
    exception_id: str
    order_id: str
    shipment_id: str
    action_taken: _tracking_pb2.ExceptionAction
    note: str
    resolved_by: _actor_pb2.Actor
    resolved_at: _timestamp_pb2.Timestamp
    def __init__(self, exception_id: _Optional[str] = ..., order_id: _Optional[str] = ..., shipment_id: _Optional[str] = ..., action_taken: _Optional[_Union[_tracking_pb2.ExceptionAction, str]] = ..., note: _Optional[str] = ..., resolved_by: _Optional[_Union[_actor_pb2.Actor, _Mapping]] = ..., resolved_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class SlaBreached(_message.Message):
    __slots__ = ("order_id", "shipment_id", "kind", "stage_from", "stage_to", "standard", "elapsed", "warehouse_id", "carrier_code", "detected_at")
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    SHIPMENT_ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    STAGE_FROM_FIELD_NUMBER: _ClassVar[int]
    STAGE_TO_FIELD_NUMBER: _ClassVar[int]
    STANDARD_FIELD_NUMBER: _ClassVar[int]
    ELAPSED_FIELD_NUMBER: _ClassVar[int]
    WAREHOUSE_ID_FIELD_NUMBER: _ClassVar[int]
    CARRIER_CODE_FIELD_NUMBER: _ClassVar[int]
    DETECTED_AT_FIELD_NUMBER: _ClassVar[int]
    order_id: str
    shipment_id: str
    kind: _tracking_pb2.SlaBreachKind
    stage_from: _tracking_pb2.Checkpoint
    stage_to: _tracking_pb2.Checkpoint
    standard: _duration_pb2.Duration
    elapsed: _duration_pb2.Duration
    warehouse_id: str
    carrier_code: str
    detected_at: _timestamp_pb2.Timestamp
    def __init__(self, order_id: _Optional[str] = ..., shipment_id: _Optional[str] = ..., kind: _Optional[_Union[_tracking_pb2.SlaBreachKind, str]] = ..., stage_from: _Optional[_Union[_tracking_pb2.Checkpoint, str]] = ..., stage_to: _Optional[_Union[_tracking_pb2.Checkpoint, str]] = ..., standard: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ..., elapsed: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ..., warehouse_id: _Optional[str] = ..., carrier_code: _Optional[str] = ..., detected_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class DeliveryEstimateUpdated(_message.Message):
    __slots__ = ("order_id", "shipment_id", "eta", "basis", "estimated_at")
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    SHIPMENT_ID_FIELD_NUMBER: _ClassVar[int]
    ETA_FIELD_NUMBER: _ClassVar[int]
    BASIS_FIELD_NUMBER: _ClassVar[int]
    ESTIMATED_AT_FIELD_NUMBER: _ClassVar[int]
    order_id: str
    shipment_id: str
    eta: _time_window_pb2.TimeWindow
    basis: str
    estimated_at: _timestamp_pb2.Timestamp
    def __init__(self, order_id: _Optional[str] = ..., shipment_id: _Optional[str] = ..., eta: _Optional[_Union[_time_window_pb2.TimeWindow, _Mapping]] = ..., basis: _Optional[str] = ..., estimated_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class ShipmentDelivered(_message.Message):
    __slots__ = ("order_id", "shipment_id", "carrier_code", "tracking_number", "delivered_at", "location", "signed_by_masked", "proof_of_delivery_ref", "cash_collected")
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    SHIPMENT_ID_FIELD_NUMBER: _ClassVar[int]
    CARRIER_CODE_FIELD_NUMBER: _ClassVar[int]
    TRACKING_NUMBER_FIELD_NUMBER: _ClassVar[int]
    DELIVERED_AT_FIELD_NUMBER: _ClassVar[int]
    LOCATION_FIELD_NUMBER: _ClassVar[int]
    SIGNED_BY_MASKED_FIELD_NUMBER: _ClassVar[int]
    PROOF_OF_DELIVERY_REF_FIELD_NUMBER: _ClassVar[int]
    CASH_COLLECTED_FIELD_NUMBER: _ClassVar[int]
    order_id: str
    shipment_id: str
    carrier_code: str
    tracking_number: str
    delivered_at: _timestamp_pb2.Timestamp
    location: _address_pb2.Location
    signed_by_masked: str
    proof_of_delivery_ref: str
    cash_collected: _money_pb2.Money
    def __init__(self, order_id: _Optional[str] = ..., shipment_id: _Optional[str] = ..., carrier_code: _Optional[str] = ..., tracking_number: _Optional[str] = ..., delivered_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., location: _Optional[_Union[_address_pb2.Location, _Mapping]] = ..., signed_by_masked: _Optional[str] = ..., proof_of_delivery_ref: _Optional[str] = ..., cash_collected: _Optional[_Union[_money_pb2.Money, _Mapping]] = ...) -> None: ...

class NotificationSent(_message.Message):
    __slots__ = ("notification_id", "order_id", "channel", "template_id", "template_version", "recipient_masked", "checkpoint", "dedup_key", "locale", "provider_message_id", "sent_at")
    NOTIFICATION_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    CHANNEL_FIELD_NUMBER: _ClassVar[int]
    TEMPLATE_ID_FIELD_NUMBER: _ClassVar[int]
    TEMPLATE_VERSION_FIELD_NUMBER: _ClassVar[int]
    RECIPIENT_MASKED_FIELD_NUMBER: _ClassVar[int]
    CHECKPOINT_FIELD_NUMBER: _ClassVar[int]
    DEDUP_KEY_FIELD_NUMBER: _ClassVar[int]
    LOCALE_FIELD_NUMBER: _ClassVar[int]
    PROVIDER_MESSAGE_ID_FIELD_NUMBER: _ClassVar[int]
    SENT_AT_FIELD_NUMBER: _ClassVar[int]
    notification_id: str
    order_id: str
    channel: _tracking_pb2.NotificationChannel
    template_id: str
    template_version: str
    recipient_masked: str
    checkpoint: _tracking_pb2.Checkpoint
    dedup_key: str
    locale: str
    provider_message_id: str
    sent_at: _timestamp_pb2.Timestamp
    def __init__(self, notification_id: _Optional[str] = ..., order_id: _Optional[str] = ..., channel: _Optional[_Union[_tracking_pb2.NotificationChannel, str]] = ..., template_id: _Optional[str] = ..., template_version: _Optional[str] = ..., recipient_masked: _Optional[str] = ..., checkpoint: _Optional[_Union[_tracking_pb2.Checkpoint, str]] = ..., dedup_key: _Optional[str] = ..., locale: _Optional[str] = ..., provider_message_id: _Optional[str] = ..., sent_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class NotificationSuppressed(_message.Message):
    __slots__ = ("notification_id", "order_id", "channel", "template_id", "checkpoint", "reason", "dedup_key", "suppressed_at")
    NOTIFICATION_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    CHANNEL_FIELD_NUMBER: _ClassVar[int]
    TEMPLATE_ID_FIELD_NUMBER: _ClassVar[int]
    CHECKPOINT_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    DEDUP_KEY_FIELD_NUMBER: _ClassVar[int]
    SUPPRESSED_AT_FIELD_NUMBER: _ClassVar[int]
    notification_id: str
    order_id: str
    channel: _tracking_pb2.NotificationChannel
    template_id: str
    checkpoint: _tracking_pb2.Checkpoint
    reason: _tracking_pb2.SuppressionReason
    dedup_key: str
    suppressed_at: _timestamp_pb2.Timestamp
    def __init__(self, notification_id: _Optional[str] = ..., order_id: _Optional[str] = ..., channel: _Optional[_Union[_tracking_pb2.NotificationChannel, str]] = ..., template_id: _Optional[str] = ..., checkpoint: _Optional[_Union[_tracking_pb2.Checkpoint, str]] = ..., reason: _Optional[_Union[_tracking_pb2.SuppressionReason, str]] = ..., dedup_key: _Optional[str] = ..., suppressed_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class NotificationFailed(_message.Message):
    __slots__ = ("notification_id", "order_id", "channel", "template_id", "recipient_masked", "error", "attempt", "will_retry", "failed_at")
    NOTIFICATION_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    CHANNEL_FIELD_NUMBER: _ClassVar[int]
    TEMPLATE_ID_FIELD_NUMBER: _ClassVar[int]
    RECIPIENT_MASKED_FIELD_NUMBER: _ClassVar[int]
    ERROR_FIELD_NUMBER: _ClassVar[int]
    ATTEMPT_FIELD_NUMBER: _ClassVar[int]
    WILL_RETRY_FIELD_NUMBER: _ClassVar[int]
    FAILED_AT_FIELD_NUMBER: _ClassVar[int]
    notification_id: str
    order_id: str
    channel: _tracking_pb2.NotificationChannel
    template_id: str
    recipient_masked: str
    error: str
    attempt: int
    will_retry: bool
    failed_at: _timestamp_pb2.Timestamp
    def __init__(self, notification_id: _Optional[str] = ..., order_id: _Optional[str] = ..., channel: _Optional[_Union[_tracking_pb2.NotificationChannel, str]] = ..., template_id: _Optional[str] = ..., recipient_masked: _Optional[str] = ..., error: _Optional[str] = ..., attempt: _Optional[int] = ..., will_retry: _Optional[bool] = ..., failed_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...
