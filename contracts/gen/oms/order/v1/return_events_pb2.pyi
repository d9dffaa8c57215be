import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from oms.common.v1 import actor_pb2 as _actor_pb2
from oms.common.v1 import line_quantity_pb2 as _line_quantity_pb2
from oms.common.v1 import money_pb2 as _money_pb2
from oms.common.v1 import payment_pb2 as _payment_pb2
from oms.order.v1 import order_pb2 as _order_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ReturnRequested(_message.Message):
    __slots__ = ("order_id", "status", "return_id", "kind", "lines", "requested_by", "requested_at")
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    RETURN_ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    LINES_FIELD_NUMBER: _ClassVar[int]
    REQUESTED_BY_FIELD_NUMBER: _ClassVar[int]
    REQUESTED_AT_FIELD_NUMBER: _ClassVar[int]
    order_id: str
    status: _order_pb2.OrderStatus
    return_id: str
    kind: _order_pb2.ReturnKind
    lines: _containers.RepeatedCompositeFieldContainer[_order_pb2.ReturnLine]
    requested_by: _actor_pb2.Actor
    requested_at: _timestamp_pb2.Timestamp
    def __init__(self, order_id: _Optional[str] = ..., status: _Optional[_Union[_order_pb2.OrderStatus, str]] = ..., return_id: _Optional[str] = ..., kind: _Optional[_Union[_order_pb2.ReturnKind, str]] = ..., lines: _Optional[_Iterable[_Union[_order_pb2.ReturnLine, _Mapping]]] = ..., requested_by: _Optional[_Union[_actor_pb2.Actor, _Mapping]] = ..., requested_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class ReturnApproved(_message.Message):
    __slots__ = ("order_id", "status", "return_id", "approved_lines", "return_warehouse_id", "instructions", "expected_refund", "approved_by", "approved_at")
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    RETURN_ID_FIELD_NUMBER: _ClassVar[int]
    APPROVED_LINES_FIELD_NUMBER: _ClassVar[int]
    RETURN_WAREHOUSE_ID_FIELD_NUMBER: _ClassVar[int]
    INSTRUCTIONS_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_REFUND_FIELD_NUMBER: _ClassVar[int]
    APPROVED_BY_FIELD_NUMBER: _ClassVar[int]
    APPROVED_AT_FIELD_NUMBER: _ClassVar[int]
    order_id: str
    status: _order_pb2.OrderStatus
    return_id: str
    approved_lines: _containers.RepeatedCompositeFieldContainer[_order_pb2.ReturnLine]
    return_warehouse_id: str
    instructions: str
    expected_refund: _money_pb2.Money
    approved_by: _actor_pb2.Actor
    approved_at: _timestamp_pb2.Timestamp
    def __init__(self, order_id: _Optional[str] = ..., status: _Optional[_Union[_order_pb2.OrderStatus, str]] = ..., return_id: _Optional[str] = ..., approved_lines: _Optional[_Iterable[_Union[_order_pb2.ReturnLine, _Mapping]]] = ..., return_warehouse_id: _Optional[str] = ..., instructions: _Optional[str] = ..., expected_refund: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., approved_by: _Optional[_Union[_actor_pb2.Actor, _Mapping]] = ..., approved_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class ReturnRejected(_message.Message):
    __slots__ = ("order_id", "status", "return_id", "reason", "rejected_by", "rejected_at")
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    RETURN_ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    REJECTED_BY_FIELD_NUMBER: _ClassVar[int]
    REJECTED_AT_FIELD_NUMBER: _ClassVar[int]
    order_id: str
    status: _order_pb2.OrderStatus
    return_id: str
    reason: str
    rejected_by: _actor_pb2.Actor
    rejected_at: _timestamp_pb2.Timestamp
    def __init__(self, order_id: _Optional[str] = ..., status: _Optional[_Union[_order_pb2.OrderStatus, str]] = ..., return_id: _Optional[str] = ..., reason: _Optional[str] = ..., rejected_by: _Optional[_Union[_actor_pb2.Actor, _Mapping]] = ..., rejected_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class ReturnReceived(_message.Message):
    __slots__ = ("order_id", "status", "return_id", "warehouse_id", "received_lines", "received_at")
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    RETURN_ID_FIELD_NUMBER: _ClassVar[int]
    WAREHOUSE_ID_FIELD_NUMBER: _ClassVar[int]
    RECEIVED_LINES_FIELD_NUMBER: _ClassVar[int]
    RECEIVED_AT_FIELD_NUMBER: _ClassVar[int]
    order_id: str
    status: _order_pb2.OrderStatus
    return_id: str
    warehouse_id: str
    received_lines: _containers.RepeatedCompositeFieldContainer[_line_quantity_pb2.LineQuantity]
    received_at: _timestamp_pb2.Timestamp
    def __init__(self, order_id: _Optional[str] = ..., status: _Optional[_Union[_order_pb2.OrderStatus, str]] = ..., return_id: _Optional[str] = ..., warehouse_id: _Optional[str] = ..., received_lines: _Optional[_Iterable[_Union[_line_quantity_pb2.LineQuantity, _Mapping]]] = ..., received_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class ReturnInspected(_message.Message):
    __slots__ = ("order_id", "status", "return_id", "results", "inspected_by", "inspected_at")
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    RETURN_ID_FIELD_NUMBER: _ClassVar[int]
    RESULTS_FIELD_NUMBER: _ClassVar[int]
    INSPECTED_BY_FIELD_NUMBER: _ClassVar[int]
    INSPECTED_AT_FIELD_NUMBER: _ClassVar[int]
    order_id: str
    status: _order_pb2.OrderStatus
    return_id: str
    results: _containers.RepeatedCompositeFieldContainer[_order_pb2.LineInspection]
    inspected_by: _actor_pb2.Actor
    inspected_at: _timestamp_pb2.Timestamp
    def __init__(self, order_id: _Optional[str] = ..., status: _Optional[_Union[_order_pb2.OrderStatus, str]] = ..., return_id: _Optional[str] = ..., results: _Optional[_Iterable[_Union[_order_pb2.LineInspection, _Mapping]]] = ..., inspected_by: _Optional[_Union[_actor_pb2.Actor, _Mapping]] = ..., inspected_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class OrderRefunded(_message.Message):
    __slots__ = ("order_id", "status", "refund_id", "return_id", "amount", "shipping_refund", "lines", "payment_method", "payment_reference", "reason", "refunded_at")
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    REFUND_ID_FIELD_NUMBER: _ClassVar[int]
    RETURN_ID_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_FIELD_NUMBER: _ClassVar[int]
    SHIPPING_REFUND_FIELD_NUMBER: _ClassVar[int]
    LINES_FIELD_NUMBER: _ClassVar[int]
    PAYMENT_METHOD_FIELD_NUMBER: _ClassVar[int]
    PAYMENT_REFERENCE_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    REFUNDED_AT_FIELD_NUMBER: _ClassVar[int]
    order_id: str
    status: _order_pb2.OrderStatus
    refund_id: str
    return_id: str
    amount: _money_pb2.Money
    shipping_refund: _money_pb2.Money
    lines: _containers.RepeatedCompositeFieldContainer[_line_quantity_pb2.LineQuantity]
    payment_method: _payment_pb2.PaymentMethod
    payment_reference: str
    reason: str
    refunded_at: _timestamp_pb2.Timestamp
    def __init__(self, order_id: _Optional[str] = ..., status: _Optional[_Union[_order_pb2.OrderStatus, str]] = ..., refund_id: _Optional[str] = ..., return_id: _Optional[str] = ..., amount: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., shipping_refund: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., lines: _Optional[_Iterable[_Union[_line_quantity_pb2.LineQuantity, _Mapping]]] = ..., payment_method: _Optional[_Union[_payment_pb2.PaymentMethod, str]] = ..., payment_reference: _Optional[str] = ..., reason: _Optional[str] = ..., refunded_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...
