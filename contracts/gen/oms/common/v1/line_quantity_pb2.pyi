from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class LineQuantity(_message.Message):
    __slots__ = ("line_id", "sku", "quantity")
    LINE_ID_FIELD_NUMBER: _ClassVar[int]
    SKU_FIELD_NUMBER: _ClassVar[int]
    QUANTITY_FIELD_NUMBER: _ClassVar[int]
    line_id: str
    sku: str
    quantity: int
    def __init__(self, line_id: _Optional[str] = ..., sku: _Optional[str] = ..., quantity: _Optional[int] = ...) -> None: ...

class WarehouseAllocation(_message.Message):
    __slots__ = ("warehouse_id", "lines")
    WAREHOUSE_ID_FIELD_NUMBER: _ClassVar[int]
    LINES_FIELD_NUMBER: _ClassVar[int]
    warehouse_id: str
    lines: _containers.RepeatedCompositeFieldContainer[LineQuantity]
    def __init__(self, warehouse_id: _Optional[str] = ..., lines: _Optional[_Iterable[_Union[LineQuantity, _Mapping]]] = ...) -> None: ...
