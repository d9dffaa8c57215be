from oms.common.v1 import actor_pb2 as _actor_pb2
from oms.common.v1 import line_quantity_pb2 as _line_quantity_pb2
from oms.common.v1 import money_pb2 as _money_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ServiceLevel(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    SERVICE_LEVEL_UNSPECIFIED: _ClassVar[ServiceLevel]
    SERVICE_LEVEL_ECONOMY: _ClassVar[ServiceLevel]
    SERVICE_LEVEL_STANDARD: _ClassVar[ServiceLevel]
    SERVICE_LEVEL_EXPRESS: _ClassVar[ServiceLevel]
    SERVICE_LEVEL_NEXT_DAY: _ClassVar[ServiceLevel]
    SERVICE_LEVEL_SAME_DAY: _ClassVar[ServiceLevel]
    SERVICE_LEVEL_FREIGHT: _ClassVar[ServiceLevel]

class TrackingNumberSource(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    TRACKING_NUMBER_SOURCE_UNSPECIFIED: _ClassVar[TrackingNumberSource]
    TRACKING_NUMBER_SOURCE_CARRIER_API: _ClassVar[TrackingNumberSource]
    TRACKING_NUMBER_SOURCE_MANUAL: _ClassVar[TrackingNumberSource]
    TRACKING_NUMBER_SOURCE_NUMBER_RANGE: _ClassVar[TrackingNumberSource]
SERVICE_LEVEL_UNSPECIFIED: ServiceLevel
SERVICE_LEVEL_ECONOMY: ServiceLevel
SERVICE_LEVEL_STANDARD: ServiceLevel
SERVICE_LEVEL_EXPRESS: ServiceLevel
SERVICE_LEVEL_NEXT_DAY: ServiceLevel
SERVICE_LEVEL_SAME_DAY: ServiceLevel
SERVICE_LEVEL_FREIGHT: ServiceLevel
TRACKING_NUMBER_SOURCE_UNSPECIFIED: TrackingNumberSource
TRACKING_NUMBER_SOURCE_CARRIER_API: TrackingNumberSource
TRACKING_NUMBER_SOURCE_MANUAL: TrackingNumberSource
TRACKING_NUMBER_SOURCE_NUMBER_RANGE: TrackingNumberSource

class ShipmentLine(_message.Message):
    __slots__ = ("line_id", "sku", "name", "quantity")
    LINE_ID_FIELD_NUMBER: _ClassVar[int]
    SKU_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    QUANTITY_FIELD_NUMBER: _ClassVar[int]
    line_id: str
    sku: str
    name: str
    quantity: int
    def __init__(self, line_id: _Optional[str] = ..., sku: _Optional[str] = ..., name: _Optional[str] = ..., quantity: _Optional[int] = ...) -> None: ...

class PlannedShipment(_message.Message):
    __slots__ = ("shipment_id", "warehouse_id", "lines")
    SHIPMENT_ID_FIELD_NUMBER: _ClassVar[int]
    WAREHOUSE_ID_FIELD_NUMBER: _ClassVar[int]
    LINES_FIELD_NUMBER: _ClassVar[int]
    shipment_id: str
    warehouse_id: str
    lines: _containers.RepeatedCompositeFieldContainer[ShipmentLine]
    def __init__(self, shipment_id: _Optional[str] = ..., warehouse_id: _Optional[str] = ..., lines: _Optional[_Iterable[_Union[ShipmentLine, _Mapping]]] = ...) -> None: ...

class PickItem(_message.Message):
    __slots__ = ("line_id", "sku", "quantity", "bin_location")
    LINE_ID_FIELD_NUMBER: _ClassVar[int]
    SKU_FIELD_NUMBER: _ClassVar[int]
    QUANTITY_FIELD_NUMBER: _ClassVar[int]
    BIN_LOCATION_FIELD_NUMBER: _ClassVar[int]
    line_id: str
    sku: str
    quantity: int
    bin_location: str
    def __init__(self, line_id: _Optional[str] = ..., sku: _Optional[str] = ..., quantity: _Optional[int] = ..., bin_location: _Optional[str] = ...) -> None: ...

class Parcel(_message.Message):
    __slots__ = ("parcel_id", "weight_grams", "length_mm", "width_mm", "height_mm", "lines")
    PARCEL_ID_FIELD_NUMBER: _ClassVar[int]
    WEIGHT_GRAMS_FIELD_NUMBER: _ClassVar[int]
    LENGTH_MM_FIELD_NUMBER: _ClassVar[int]
    WIDTH_MM_FIELD_NUMBER: _ClassVar[int]
    HEIGHT_MM_FIELD_NUMBER: _ClassVar[int]
    LINES_FIELD_NUMBER: _ClassVar[int]
    parcel_id: str
    weight_grams: int
    length_mm: int
    width_mm: int
    height_mm: int
    lines: _containers.RepeatedCompositeFieldContainer[_line_quantity_pb2.LineQuantity]
    def __init__(self, parcel_id: _Optional[str] = ..., weight_grams: _Optional[int] = ..., length_mm: _Optional[int] = ..., width_mm: _Optional[int] = ..., height_mm: _Optional[int] = ..., lines: _Optional[_Iterable[_Union[_line_quantity_pb2.LineQuantity, _Mapping]]] = ...) -> None: ...

class QualityCheckItem(_message.Message):
    __slots__ = ("check_code", "passed", "note")
    CHECK_CODE_FIELD_NUMBER: _ClassVar[int]
    PASSED_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    check_code: str
    passed: bool
    note: str
    def __init__(self, check_code: _Optional[str] = ..., passed: _Optional[bool] = ..., note: _Optional[str] = ...) -> None: ...

class QualityCheck(_message.Message):
    __slots__ = ("passed", "items", "inspector", "notes")
    PASSED_FIELD_NUMBER: _ClassVar[int]
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    INSPECTOR_FIELD_NUMBER: _ClassVar[int]
    NOTES_FIELD_NUMBER: _ClassVar[int]
    passed: bool
    items: _containers.RepeatedCompositeFieldContainer[QualityCheckItem]
    inspector: _actor_pb2.Actor
    notes: str
    def __init__(self, passed: _Optional[bool] = ..., items: _Optional[_Iterable[_Union[QualityCheckItem, _Mapping]]] = ..., inspector: _Optional[_Union[_actor_pb2.Actor, _Mapping]] = ..., notes: _Optional[str] = ...) -> None: ...

class CarrierRate(_message.Message):
    __slots__ = ("carrier_code", "service_level", "rate", "zone", "transit_days")
    CARRIER_CODE_FIELD_NUMBER: _ClassVar[int]
    SERVICE_LEVEL_FIELD_NUMBER: _ClassVar[int]
    RATE_FIELD_NUMBER: _ClassVar[int]
    ZONE_FIELD_NUMBER: _ClassVar[int]
    TRANSIT_DAYS_FIELD_NUMBER: _ClassVar[int]
    carrier_code: str
    service_level: ServiceLevel
    rate: _money_pb2.Money
    zone: str
    transit_days: int
    def __init__(self, carrier_code: _Optional[str] = ..., service_level: _Optional[_Union[ServiceLevel, str]] = ..., rate: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., zone: _Optional[str] = ..., transit_days: _Optional[int] = ...) -> None: ...
