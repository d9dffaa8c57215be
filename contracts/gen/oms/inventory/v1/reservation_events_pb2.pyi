import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from oms.common.v1 import line_quantity_pb2 as _line_quantity_pb2
from oms.common.v1 import time_window_pb2 as _time_window_pb2
from oms.inventory.v1 import inventory_pb2 as _inventory_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ReservationMade(_message.Message):
    __slots__ = ("reservation_id", "order_id", "split_part_id", "allocations", "sourcing_rule_id", "expires_at", "reserved_at")
    RESERVATION_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    SPLIT_PART_ID_FIELD_NUMBER: _ClassVar[int]
    ALLOCATIONS_FIELD_NUMBER: _ClassVar[int]
    SOURCING_RULE_ID_FIELD_NUMBER: _ClassVar[int]
    EXPIRES_AT_FIELD_NUMBER: _ClassVar[int]
    RESERVED_AT_FIELD_NUMBER: _ClassVar[int]
    reservation_id: str
    order_id: str
    split_part_id: str
    allocations: _containers.RepeatedCompositeFieldContainer[_line_quantity_pb2.WarehouseAllocation]
    sourcing_rule_id: str
    expires_at: _timestamp_pb2.Timestamp
    reserved_at: _timestamp_pb2.Timestamp
    def __init__(self, reservation_id: _Optional[str] = ..., order_id: _Optional[str] = ..., split_part_id: _Optional[str] = ..., allocations: _Optional[_Iterable[_Union[_line_quantity_pb2.WarehouseAllocation, _Mapping]]] = ..., sourcing_rule_id: _Optional[str] = ..., expires_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., reserved_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class ReservationFailed(_message.Message):
    __slots__ = ("reservation_id", "order_id", "split_part_id", "reason", "shortfalls", "failed_at")
    RESERVATION_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    SPLIT_PART_ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    SHORTFALLS_FIELD_NUMBER: _ClassVar[int]
    FAILED_AT_FIELD_NUMBER: _ClassVar[int]
    reservation_id: str
    order_id: str
    split_part_id: str
    reason: _inventory_pb2.ReservationFailureReason
    shortfalls: _containers.RepeatedCompositeFieldContainer[_inventory_pb2.LineShortfall]
    failed_at: _timestamp_pb2.Timestamp
    def __init__(self, reservation_id: _Optional[str] = ..., order_id: _Optional[str] = ..., split_part_id: _Optional[str] = ..., reason: _Optional[_Union[_inventory_pb2.ReservationFailureReason, str]] = ..., shortfalls: _Optional[_Iterable[_Union[_inventory_pb2.LineShortfall, _Mapping]]] = ..., failed_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class ReservationReleased(_message.Message):
    __slots__ = ("reservation_id", "order_id", "reason", "released", "released_at")
    RESERVATION_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    RELEASED_FIELD_NUMBER: _ClassVar[int]
    RELEASED_AT_FIELD_NUMBER: _ClassVar[int]
    reservation_id: str
    order_id: str
    reason: _inventory_pb2.ReleaseReason
    released: _containers.RepeatedCompositeFieldContainer[_line_quantity_pb2.WarehouseAllocation]
    released_at: _timestamp_pb2.Timestamp
    def __init__(self, reservation_id: _Optional[str] = ..., order_id: _Optional[str] = ..., reason: _Optional[_Union[_inventory_pb2.ReleaseReason, str]] = ..., released: _Optional[_Iterable[_Union[_line_quantity_pb2.WarehouseAllocation, _Mapping]]] = ..., released_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class ReservationConsumed(_message.Message):
    __slots__ = ("reservation_id", "order_id", "shipment_id", "consumed", "consumed_at")
    RESERVATION_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    SHIPMENT_ID_FIELD_NUMBER: _ClassVar[int]
    CONSUMED_FIELD_NUMBER: _ClassVar[int]
    CONSUMED_AT_FIELD_NUMBER: _ClassVar[int]
    reservation_id: str
    order_id: str
    shipment_id: str
    consumed: _line_quantity_pb2.WarehouseAllocation
    consumed_at: _timestamp_pb2.Timestamp
    def __init__(self, reservation_id: _Optional[str] = ..., order_id: _Optional[str] = ..., shipment_id: _Optional[str] = ..., consumed: _Optional[_Union[_line_quantity_pb2.WarehouseAllocation, _Mapping]] = ..., consumed_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class ReservationExpired(_message.Message):
    __slots__ = ("reservation_id", "order_id", "released", "expired_at")
    RESERVATION_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    RELEASED_FIELD_NUMBER: _ClassVar[int]
    EXPIRED_AT_FIELD_NUMBER: _ClassVar[int]
    reservation_id: str
    order_id: str
    released: _containers.RepeatedCompositeFieldContainer[_line_quantity_pb2.WarehouseAllocation]
    expired_at: _timestamp_pb2.Timestamp
    def __init__(self, reservation_id: _Optional[str] = ..., order_id: _Optional[str] = ..., released: _Optional[_Iterable[_Union[_line_quantity_pb2.WarehouseAllocation, _Mapping]]] = ..., expired_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class Backordered(_message.Message):
    __slots__ = ("reservation_id", "order_id", "split_part_id", "lines", "expected_restock_at", "delivery_eta", "backordered_at")
    RESERVATION_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    SPLIT_PART_ID_FIELD_NUMBER: _ClassVar[int]
    LINES_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_RESTOCK_AT_FIELD_NUMBER: _ClassVar[int]
    DELIVERY_ETA_FIELD_NUMBER: _ClassVar[int]
    BACKORDERED_AT_FIELD_NUMBER: _ClassVar[int]
    reservation_id: str
    order_id: str
    split_part_id: str
    lines: _containers.RepeatedCompositeFieldContainer[_inventory_pb2.BackorderLine]
    expected_restock_at: _timestamp_pb2.Timestamp
    delivery_eta: _time_window_pb2.TimeWindow
    backordered_at: _timestamp_pb2.Timestamp
    def __init__(self, reservation_id: _Optional[str] = ..., order_id: _Optional[str] = ..., split_part_id: _Optional[str] = ..., lines: _Optional[_Iterable[_Union[_inventory_pb2.BackorderLine, _Mapping]]] = ..., expected_restock_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., delivery_eta: _Optional[_Union[_time_window_pb2.TimeWindow, _Mapping]] = ..., backordered_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class ReturnedItemsRestocked(_message.Message):
    __slots__ = ("return_id", "order_id", "warehouse_id", "lines", "restocked_at")
    RETURN_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    WAREHOUSE_ID_FIELD_NUMBER: _ClassVar[int]
    LINES_FIELD_NUMBER: _ClassVar[int]
    RESTOCKED_AT_FIELD_NUMBER: _ClassVar[int]
    return_id: str
    order_id: str
    warehouse_id: str
    lines: _containers.RepeatedCompositeFieldContainer[_line_quantity_pb2.LineQuantity]
    restocked_at: _timestamp_pb2.Timestamp
    def __init__(self, return_id: _Optional[str] = ..., order_id: _Optional[str] = ..., warehouse_id: _Optional[str] = ..., lines: _Optional[_Iterable[_Union[_line_quantity_pb2.LineQuantity, _Mapping]]] = ..., restocked_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...
