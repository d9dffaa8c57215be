import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from oms.common.v1 import actor_pb2 as _actor_pb2
from oms.common.v1 import contact_pb2 as _contact_pb2
from oms.intake.v1 import channel_order_pb2 as _channel_order_pb2
from oms.intake.v1 import intake_pb2 as _intake_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class OrderAccepted(_message.Message):
    __slots__ = ("order_id", "order_number", "order", "source", "source_event_id", "batch_row", "accepted_at")
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_NUMBER_FIELD_NUMBER: _ClassVar[int]
    ORDER_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    SOURCE_EVENT_ID_FIELD_NUMBER: _ClassVar[int]
    BATCH_ROW_FIELD_NUMBER: _ClassVar[int]
    ACCEPTED_AT_FIELD_NUMBER: _ClassVar[int]
    order_id: str
    order_number: str
    order: _intake_pb2.NormalisedOrder
    source: _intake_pb2.IntakeSource
    source_event_id: str
    batch_row: _intake_pb2.BatchRowRef
    accepted_at: _timestamp_pb2.Timestamp
    def __init__(self, order_id: _Optional[str] = ..., order_number: _Optional[str] = ..., order: _Optional[_Union[_intake_pb2.NormalisedOrder, _Mapping]] = ..., source: _Optional[_Union[_intake_pb2.IntakeSource, str]] = ..., source_event_id: _Optional[str] = ..., batch_row: _Optional[_Union[_intake_pb2.BatchRowRef, _Mapping]] = ..., accepted_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class OrderRejected(_message.Message):
    __slots__ = ("rejection_id", "channel_order", "reasons", "original_payload", "original_content_type", "source", "source_event_id", "batch_row", "rejected_at")
    REJECTION_ID_FIELD_NUMBER: _ClassVar[int]
    CHANNEL_ORDER_FIELD_NUMBER: _ClassVar[int]
    REASONS_FIELD_NUMBER: _ClassVar[int]
    ORIGINAL_PAYLOAD_FIELD_NUMBER: _ClassVar[int]
    ORIGINAL_CONTENT_TYPE_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    SOURCE_EVENT_ID_FIELD_NUMBER: _ClassVar[int]
    BATCH_ROW_FIELD_NUMBER: _ClassVar[int]
    REJECTED_AT_FIELD_NUMBER: _ClassVar[int]
    rejection_id: str
    channel_order: _intake_pb2.ChannelOrderRef
    reasons: _containers.RepeatedCompositeFieldContainer[_intake_pb2.RejectionReason]
    original_payload: bytes
    original_content_type: str
    source: _intake_pb2.IntakeSource
    source_event_id: str
    batch_row: _intake_pb2.BatchRowRef
    rejected_at: _timestamp_pb2.Timestamp
    def __init__(self, rejection_id: _Optional[str] = ..., channel_order: _Optional[_Union[_intake_pb2.ChannelOrderRef, _Mapping]] = ..., reasons: _Optional[_Iterable[_Union[_intake_pb2.RejectionReason, _Mapping]]] = ..., original_payload: _Optional[bytes] = ..., original_content_type: _Optional[str] = ..., source: _Optional[_Union[_intake_pb2.IntakeSource, str]] = ..., source_event_id: _Optional[str] = ..., batch_row: _Optional[_Union[_intake_pb2.BatchRowRef, _Mapping]] = ..., rejected_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class ChannelOrderDuplicateReceived(_message.Message):
    __slots__ = ("order_id", "channel_order", "source_event_id", "identical", "received_at")
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    CHANNEL_ORDER_FIELD_NUMBER: _ClassVar[int]
    SOURCE_EVENT_ID_FIELD_NUMBER: _ClassVar[int]
    IDENTICAL_FIELD_NUMBER: _ClassVar[int]
    RECEIVED_AT_FIELD_NUMBER: _ClassVar[int]
    order_id: str
    channel_order: _intake_pb2.ChannelOrderRef
    source_event_id: str
    identical: bool
    received_at: _timestamp_pb2.Timestamp
    def __init__(self, order_id: _Optional[str] = ..., channel_order: _Optional[_Union[_intake_pb2.ChannelOrderRef, _Mapping]] = ..., source_event_id: _Optional[str] = ..., identical: _Optional[bool] = ..., received_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class ChannelOrderUpdateApplied(_message.Message):
    __slots__ = ("order_id", "channel_order", "update_id", "updated_at", "applied_at", "payment", "cancellation", "address_change")
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    CHANNEL_ORDER_FIELD_NUMBER: _ClassVar[int]
    UPDATE_ID_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    APPLIED_AT_FIELD_NUMBER: _ClassVar[int]
    PAYMENT_FIELD_NUMBER: _ClassVar[int]
    CANCELLATION_FIELD_NUMBER: _ClassVar[int]
    ADDRESS_CHANGE_FIELD_NUMBER: _ClassVar[int]
    order_id: str
    channel_order: _intake_pb2.ChannelOrderRef
    update_id: str
    updated_at: _timestamp_pb2.Timestamp
    applied_at: _timestamp_pb2.Timestamp
    payment: _channel_order_pb2.ReportedPayment
    cancellation: _channel_order_pb2.ChannelCancellation
    address_change: _channel_order_pb2.ChannelAddressChange
    def __init__(self, order_id: _Optional[str] = ..., channel_order: _Optional[_Union[_intake_pb2.ChannelOrderRef, _Mapping]] = ..., update_id: _Optional[str] = ..., updated_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., applied_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., payment: _Optional[_Union[_channel_order_pb2.ReportedPayment, _Mapping]] = ..., cancellation: _Optional[_Union[_channel_order_pb2.ChannelCancellation, _Mapping]] = ..., address_change: _Optional[_Union[_channel_order_pb2.ChannelAddressChange, _Mapping]] = ...) -> None: ...

class ChannelOrderUpdateRejected(_message.Message):
    __slots__ = ("order_id", "channel_order", "update_id", "reasons", "original_payload", "rejected_at")
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    CHANNEL_ORDER_FIELD_NUMBER: _ClassVar[int]
    UPDATE_ID_FIELD_NUMBER: _ClassVar[int]
    REASONS_FIELD_NUMBER: _ClassVar[int]
    ORIGINAL_PAYLOAD_FIELD_NUMBER: _ClassVar[int]
    REJECTED_AT_FIELD_NUMBER: _ClassVar[int]
    order_id: str
    channel_order: _intake_pb2.ChannelOrderRef
    update_id: str
    reasons: _containers.RepeatedCompositeFieldContainer[_intake_pb2.RejectionReason]
    original_payload: bytes
    rejected_at: _timestamp_pb2.Timestamp
    def __init__(self, order_id: _Optional[str] = ..., channel_order: _Optional[_Union[_intake_pb2.ChannelOrderRef, _Mapping]] = ..., update_id: _Optional[str] = ..., reasons: _Optional[_Iterable[_Union[_intake_pb2.RejectionReason, _Mapping]]] = ..., original_payload: _Optional[bytes] = ..., rejected_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class CustomerMatched(_message.Message):
    __slots__ = ("customer_id", "order_id", "channel_order", "channel_customer_id", "method", "confidence_basis_points", "candidate_customer_ids", "contact", "matched_at")
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    CHANNEL_ORDER_FIELD_NUMBER: _ClassVar[int]
    CHANNEL_CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    METHOD_FIELD_NUMBER: _ClassVar[int]
    CONFIDENCE_BASIS_POINTS_FIELD_NUMBER: _ClassVar[int]
    CANDIDATE_CUSTOMER_IDS_FIELD_NUMBER: _ClassVar[int]
    CONTACT_FIELD_NUMBER: _ClassVar[int]
    MATCHED_AT_FIELD_NUMBER: _ClassVar[int]
    customer_id: str
    order_id: str
    channel_order: _intake_pb2.ChannelOrderRef
    channel_customer_id: str
    method: _intake_pb2.CustomerMatchMethod
    confidence_basis_points: int
    candidate_customer_ids: _containers.RepeatedScalarFieldContainer[str]
    contact: _contact_pb2.Contact
    matched_at: _timestamp_pb2.Timestamp
    def __init__(self, customer_id: _Optional[str] = ..., order_id: _Optional[str] = ..., channel_order: _Optional[_Union[_intake_pb2.ChannelOrderRef, _Mapping]] = ..., channel_customer_id: _Optional[str] = ..., method: _Optional[_Union[_intake_pb2.CustomerMatchMethod, str]] = ..., confidence_basis_points: _Optional[int] = ..., candidate_customer_ids: _Optional[_Iterable[str]] = ..., contact: _Optional[_Union[_contact_pb2.Contact, _Mapping]] = ..., matched_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class CustomersMerged(_message.Message):
    __slots__ = ("surviving_customer_id", "merged_customer_ids", "reason", "merged_by", "merged_at")
    SURVIVING_CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    MERGED_CUSTOMER_IDS_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    MERGED_BY_FIELD_NUMBER: _ClassVar[int]
    MERGED_AT_FIELD_NUMBER: _ClassVar[int]
    surviving_customer_id: str
    merged_customer_ids: _containers.RepeatedScalarFieldContainer[str]
    reason: str
    merged_by: _actor_pb2.Actor
    merged_at: _timestamp_pb2.Timestamp
    def __init__(self, surviving_customer_id: _Optional[str] = ..., merged_customer_ids: _Optional[_Iterable[str]] = ..., reason: _Optional[str] = ..., merged_by: _Optional[_Union[_actor_pb2.Actor, _Mapping]] = ..., merged_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class BatchImportStarted(_message.Message):
    __slots__ = ("batch_id", "file_name", "format", "channel_account", "row_count", "file_sha256", "submitted_by", "started_at")
    BATCH_ID_FIELD_NUMBER: _ClassVar[int]
    FILE_NAME_FIELD_NUMBER: _ClassVar[int]
    FORMAT_FIELD_NUMBER: _ClassVar[int]
    CHANNEL_ACCOUNT_FIELD_NUMBER: _ClassVar[int]
    ROW_COUNT_FIELD_NUMBER: _ClassVar[int]
    FILE_SHA256_FIELD_NUMBER: _ClassVar[int]
    SUBMITTED_BY_FIELD_NUMBER: _ClassVar[int]
    STARTED_AT_FIELD_NUMBER: _ClassVar[int]
    batch_id: str
    file_name: str
    format: _intake_pb2.BatchFileFormat
    channel_account: str
    row_count: int
    file_sha256: str
    submitted_by: _actor_pb2.Actor
    started_at: _timestamp_pb2.Timestamp
    def __init__(self, batch_id: _Optional[str] = ..., file_name: _Optional[str] = ..., format: _Optional[_Union[_intake_pb2.BatchFileFormat, str]] = ..., channel_account: _Optional[str] = ..., row_count: _Optional[int] = ..., file_sha256: _Optional[str] = ..., submitted_by: _Optional[_Union[_actor_pb2.Actor, _Mapping]] = ..., started_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class BatchImportCompleted(_message.Message):
    __slots__ = ("batch_id", "rows_total", "rows_accepted", "rows_rejected", "rows_duplicate", "file_errors", "completed_at")
    BATCH_ID_FIELD_NUMBER: _ClassVar[int]
    ROWS_TOTAL_FIELD_NUMBER: _ClassVar[int]
    ROWS_ACCEPTED_FIELD_NUMBER: _ClassVar[int]
    ROWS_REJECTED_FIELD_NUMBER: _ClassVar[int]
    ROWS_DUPLICATE_FIELD_NUMBER: _ClassVar[int]
    FILE_ERRORS_FIELD_NUMBER: _ClassVar[int]
    COMPLETED_AT_FIELD_NUMBER: _ClassVar[int]
    batch_id: str
    rows_total: int
    rows_accepted: int
    rows_rejected: int
    rows_duplicate: int
    file_errors: _containers.RepeatedCompositeFieldContainer[_intake_pb2.RejectionReason]
    completed_at: _timestamp_pb2.Timestamp
    def __init__(self, batch_id: _Optional[str] = ..., rows_total: _Optional[int] = ..., rows_accepted: _Optional[int] = ..., rows_rejected: _Optional[int] = ..., rows_duplicate: _Optional[int] = ..., file_errors: _Optional[_Iterable[_Union[_intake_pb2.RejectionReason, _Mapping]]] = ..., completed_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...
