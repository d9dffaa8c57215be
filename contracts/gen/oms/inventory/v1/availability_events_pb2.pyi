import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from oms.inventory.v1 import inventory_pb2 as _inventory_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class AvailabilityChanged(_message.Message):
    __slots__ = ("sku", "available_to_sell", "warehouses", "presale", "expected_restock_at", "changed_at")
    SKU_FIELD_NUMBER: _ClassVar[int]
    AVAILABLE_TO_SELL_FIELD_NUMBER: _ClassVar[int]
    WAREHOUSES_FIELD_NUMBER: _ClassVar[int]
    PRESALE_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_RESTOCK_AT_FIELD_NUMBER: _ClassVar[int]
    CHANGED_AT_FIELD_NUMBER: _ClassVar[int]
    sku: str
    available_to_sell: int
    warehouses: _containers.RepeatedCompositeFieldContainer[_inventory_pb2.WarehouseAvailability]
    presale: bool
    expected_restock_at: _timestamp_pb2.Timestamp
    changed_at: _timestamp_pb2.Timestamp
    def __init__(self, sku: _Optional[str] = ..., available_to_sell: _Optional[int] = ..., warehouses: _Optional[_Iterable[_Union[_inventory_pb2.WarehouseAvailability, _Mapping]]] = ..., presale: _Optional[bool] = ..., expected_restock_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., changed_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...
