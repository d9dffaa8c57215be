import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from oms.common.v1 import address_pb2 as _address_pb2
from oms.common.v1 import line_quantity_pb2 as _line_quantity_pb2
from oms.inventory.v1 import inventory_pb2 as _inventory_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ReserveStock(_message.Message):
    __slots__ = ("reservation_id", "order_id", "split_part_id", "lines", "destination", "warehouse_preference", "priority", "expires_at")
    RESERVATION_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    SPLIT_PART_ID_FIELD_NUMBER: _ClassVar[int]
    LINES_FIELD_NUMBER: _ClassVar[int]
    DESTINATION_FIELD_NUMBER: _ClassVar[int]
    WAREHOUSE_PREFERENCE_FIELD_NUMBER: _ClassVar[int]
    PRIORITY_FIELD_NUMBER: _ClassVar[int]
    EXPIRES_AT_FIELD_NUMBER: _ClassVar[int]
    reservation_id: str
    order_id: str
    split_part_id: str
    lines: _containers.RepeatedCompositeFieldContainer[_line_quantity_pb2.LineQuantity]
    destination: _address_pb2.Address
    warehouse_preference: _inventory_pb2.WarehousePreference
    priority: int
    expires_at: _timestamp_pb2.Timestamp
    def __init__(self, reservation_id: _Optional[str] = ..., order_id: _Optional[str] = ..., split_part_id: _Optional[str] = ..., lines: _Optional[_Iterable[_Union[_line_quantity_pb2.LineQuantity, _Mapping]]] = ..., destination: _Optional[_Union[_address_pb2.Address, _Mapping]] = ..., warehouse_preference: _Optional[_Union[_inventory_pb2.WarehousePreference, _Mapping]] = ..., priority: _Optional[int] = ..., expires_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class ReleaseReservation(_message.Message):
    __slots__ = ("reservation_id", "order_id", "reason", "lines")
    RESERVATION_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    LINES_FIELD_NUMBER: _ClassVar[int]
    reservation_id: str
    order_id: str
    reason: _inventory_pb2.ReleaseReason
    lines: _containers.RepeatedCompositeFieldContainer[_line_quantity_pb2.LineQuantity]
    def __init__(self, reservation_id: _Optional[str] = ..., order_id: _Optional[str] = ..., reason: _Optional[_Union[_inventory_pb2.ReleaseReason, str]] = ..., lines: _Optional[_Iterable[_Union[_line_quantity_pb2.LineQuantity, _Mapping]]] = ...) -> None: ...

class ConsumeReservation(_message.Message):
    __slots__ = ("reservation_id", "order_id", "shipment_id", "warehouse_id", "lines")
    RESERVATION_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    SHIPMENT_ID_FIELD_NUMBER: _ClassVar[int]
    WAREHOUSE_ID_FIELD_NUMBER: _ClassVar[int]
    LINES_FIELD_NUMBER: _ClassVar[int]
    reservation_id: str
    order_id: str
    shipment_id: str
    warehouse_id: str
    lines: _containers.RepeatedCompositeFieldContainer[_line_quantity_pb2.LineQuantity]
    def __init__(self, reservation_id: _Optional[str] = ..., order_id: _Optional[str] = ..., shipment_id: _Optional[str] = ..., warehouse_id: _Optional[str] = ..., lines: _Optional[_Iterable[_Union[_line_quantity_pb2.LineQuantity, _Mapping]]] = ...) -> None: ...

class RestockReturnedItems(_message.Message):
    __slots__ = ("return_id", "order_id", "warehouse_id", "lines")
    RETURN_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    WAREHOUSE_ID_FIELD_NUMBER: _ClassVar[int]
    LINES_FIELD_NUMBER: _ClassVar[int]
    return_id: str
    order_id: str
    warehouse_id: str
    lines: _containers.RepeatedCompositeFieldContainer[_line_quantity_pb2.LineQuantity]
    def __init__(self, return_id: _Optional[str] = ..., order_id: _Optional[str] = ..., warehouse_id: _Optional[str] = ..., lines: _Optional[_Iterable[_Union[_line_quantity_pb2.LineQuantity, _Mapping]]] = ...) -> None: ...
