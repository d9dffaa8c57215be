import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from oms.common.v1 import line_quantity_pb2 as _line_quantity_pb2
from oms.order.v1 import order_pb2 as _order_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ProductionQueued(_message.Message):
    __slots__ = ("order_id", "status", "production_job_id", "lines", "due_at", "queued_at")
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    PRODUCTION_JOB_ID_FIELD_NUMBER: _ClassVar[int]
    LINES_FIELD_NUMBER: _ClassVar[int]
    DUE_AT_FIELD_NUMBER: _ClassVar[int]
    QUEUED_AT_FIELD_NUMBER: _ClassVar[int]
    order_id: str
    status: _order_pb2.OrderStatus
    production_job_id: str
    lines: _containers.RepeatedCompositeFieldContainer[_line_quantity_pb2.LineQuantity]
    due_at: _timestamp_pb2.Timestamp
    queued_at: _timestamp_pb2.Timestamp
    def __init__(self, order_id: _Optional[str] = ..., status: _Optional[_Union[_order_pb2.OrderStatus, str]] = ..., production_job_id: _Optional[str] = ..., lines: _Optional[_Iterable[_Union[_line_quantity_pb2.LineQuantity, _Mapping]]] = ..., due_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., queued_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class ProductionProgressed(_message.Message):
    __slots__ = ("order_id", "status", "production_job_id", "stage", "percent_complete", "completed", "reported_at")
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    PRODUCTION_JOB_ID_FIELD_NUMBER: _ClassVar[int]
    STAGE_FIELD_NUMBER: _ClassVar[int]
    PERCENT_COMPLETE_FIELD_NUMBER: _ClassVar[int]
    COMPLETED_FIELD_NUMBER: _ClassVar[int]
    REPORTED_AT_FIELD_NUMBER: _ClassVar[int]
    order_id: str
    status: _order_pb2.OrderStatus
    production_job_id: str
    stage: str
    percent_complete: int
    completed: bool
    reported_at: _timestamp_pb2.Timestamp
    def __init__(self, order_id: _Optional[str] = ..., status: _Optional[_Union[_order_pb2.OrderStatus, str]] = ..., production_job_id: _Optional[str] = ..., stage: _Optional[str] = ..., percent_complete: _Optional[int] = ..., completed: _Optional[bool] = ..., reported_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...
