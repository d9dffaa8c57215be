import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from oms.common.v1 import actor_pb2 as _actor_pb2
from oms.order.v1 import order_pb2 as _order_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class OrderReviewStarted(_message.Message):
    __slots__ = ("order_id", "status", "rules_version", "started_at")
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    RULES_VERSION_FIELD_NUMBER: _ClassVar[int]
    STARTED_AT_FIELD_NUMBER: _ClassVar[int]
    order_id: str
    status: _order_pb2.OrderStatus
    rules_version: str
    started_at: _timestamp_pb2.Timestamp
    def __init__(self, order_id: _Optional[str] = ..., status: _Optional[_Union[_order_pb2.OrderStatus, str]] = ..., rules_version: _Optional[str] = ..., started_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class ReviewDecisionRecorded(_message.Message):
    __slots__ = ("order_id", "status", "outcome", "checks", "approval_level", "required_approval_levels", "decided_by", "note", "decided_at")
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    OUTCOME_FIELD_NUMBER: _ClassVar[int]
    CHECKS_FIELD_NUMBER: _ClassVar[int]
    APPROVAL_LEVEL_FIELD_NUMBER: _ClassVar[int]
    REQUIRED_APPROVAL_LEVELS_FIELD_NUMBER: _ClassVar[int]
    DECIDED_BY_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    DECIDED_AT_FIELD_NUMBER: _ClassVar[int]
    order_id: str
    status: _order_pb2.OrderStatus
    outcome: _order_pb2.ReviewOutcome
    checks: _containers.RepeatedCompositeFieldContainer[_order_pb2.ReviewCheckResult]
    approval_level: int
    required_approval_levels: int
    decided_by: _actor_pb2.Actor
    note: str
    decided_at: _timestamp_pb2.Timestamp
    def __init__(self, order_id: _Optional[str] = ..., status: _Optional[_Union[_order_pb2.OrderStatus, str]] = ..., outcome: _Optional[_Union[_order_pb2.ReviewOutcome, str]] = ..., checks: _Optional[_Iterable[_Union[_order_pb2.ReviewCheckResult, _Mapping]]] = ..., approval_level: _Optional[int] = ..., required_approval_levels: _Optional[int] = ..., decided_by: _Optional[_Union[_actor_pb2.Actor, _Mapping]] = ..., note: _Optional[str] = ..., decided_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class OrderHeld(_message.Message):
    __slots__ = ("order_id", "status", "hold_id", "reason", "detail", "review_queue", "held_by", "previous_status", "held_at")
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    HOLD_ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    DETAIL_FIELD_NUMBER: _ClassVar[int]
    REVIEW_QUEUE_FIELD_NUMBER: _ClassVar[int]
    HELD_BY_FIELD_NUMBER: _ClassVar[int]
    PREVIOUS_STATUS_FIELD_NUMBER: _ClassVar[int]
    HELD_AT_FIELD_NUMBER: _ClassVar[int]
    order_id: str
    status: _order_pb2.OrderStatus
    hold_id: str
    reason: _order_pb2.HoldReason
    detail: str
    review_queue: str
    held_by: _actor_pb2.Actor
    previous_status: _order_pb2.OrderStatus
    held_at: _timestamp_pb2.Timestamp
    def __init__(self, order_id: _Optional[str] = ..., status: _Optional[_Union[_order_pb2.OrderStatus, str]] = ..., hold_id: _Optional[str] = ..., reason: _Optional[_Union[_order_pb2.HoldReason, str]] = ..., detail: _Optional[str] = ..., review_queue: _Optional[str] = ..., held_by: _Optional[_Union[_actor_pb2.Actor, _Mapping]] = ..., previous_status: _Optional[_Union[_order_pb2.OrderStatus, str]] = ..., held_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class OrderReleased(_message.Message):
    __slots__ = ("order_id", "status", "hold_id", "released_by", "note", "released_at")
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    HOLD_ID_FIELD_NUMBER: _ClassVar[int]
    RELEASED_BY_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    RELEASED_AT_FIELD_NUMBER: _ClassVar[int]
    order_id: str
    status: _order_pb2.OrderStatus
    hold_id: str
    released_by: _actor_pb2.Actor
    note: str
    released_at: _timestamp_pb2.Timestamp
    def __init__(self, order_id: _Optional[str] = ..., status: _Optional[_Union[_order_pb2.OrderStatus, str]] = ..., hold_id: _Optional[str] = ..., released_by: _Optional[_Union[_actor_pb2.Actor, _Mapping]] = ..., note: _Optional[str] = ..., released_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class OrderClassified(_message.Message):
    __slots__ = ("order_id", "status", "priority", "customer_tier", "kinds", "rules_version", "classified_at")
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    PRIORITY_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_TIER_FIELD_NUMBER: _ClassVar[int]
    KINDS_FIELD_NUMBER: _ClassVar[int]
    RULES_VERSION_FIELD_NUMBER: _ClassVar[int]
    CLASSIFIED_AT_FIELD_NUMBER: _ClassVar[int]
    order_id: str
    status: _order_pb2.OrderStatus
    priority: _order_pb2.OrderPriority
    customer_tier: _order_pb2.CustomerTier
    kinds: _containers.RepeatedScalarFieldContainer[_order_pb2.OrderKind]
    rules_version: str
    classified_at: _timestamp_pb2.Timestamp
    def __init__(self, order_id: _Optional[str] = ..., status: _Optional[_Union[_order_pb2.OrderStatus, str]] = ..., priority: _Optional[_Union[_order_pb2.OrderPriority, str]] = ..., customer_tier: _Optional[_Union[_order_pb2.CustomerTier, str]] = ..., kinds: _Optional[_Iterable[_Union[_order_pb2.OrderKind, str]]] = ..., rules_version: _Optional[str] = ..., classified_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...
