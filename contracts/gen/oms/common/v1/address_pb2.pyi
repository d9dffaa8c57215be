from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Address(_message.Message):
    __slots__ = ("recipient_name", "phone", "country_code", "province", "city", "district", "street_lines", "postcode")
    RECIPIENT_NAME_FIELD_NUMBER: _ClassVar[int]
    PHONE_FIELD_NUMBER: _ClassVar[int]
    COUNTRY_CODE_FIELD_NUMBER: _ClassVar[int]
    PROVINCE_FIELD_NUMBER: _ClassVar[int]
    CITY_FIELD_NUMBER: _ClassVar[int]
    DISTRICT_FIELD_NUMBER: _ClassVar[int]
    STREET_LINES_FIELD_NUMBER: _ClassVar[int]
    POSTCODE_FIELD_NUMBER: _ClassVar[int]
    recipient_name: str
    phone: str
    country_code: str
    province: str
    city: str
    district: str
    street_lines: _containers.RepeatedScalarFieldContainer[str]
    postcode: str
    def __init__(self, recipient_name: _Optional[str] = ..., phone: _Optional[str] = ..., country_code: _Optional[str] = ..., province: _Optional[str] = ..., city: _Optional[str] = ..., district: _Optional[str] = ..., street_lines: _Optional[_Iterable[str]] = ..., postcode: _Optional[str] = ...) -> None: ...

class GeoPoint(_message.Message):
    __slots__ = ("latitude", "longitude")
    LATITUDE_FIELD_NUMBER: _ClassVar[int]
    LONGITUDE_FIELD_NUMBER: _ClassVar[int]
    latitude: float
    longitude: float
    def __init__(self, latitude: _Optional[float] = ..., longitude: _Optional[float] = ...) -> None: ...

class Location(_message.Message):
    __slots__ = ("code", "name", "country_code", "province", "city", "district", "geo_point")
    CODE_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    COUNTRY_CODE_FIELD_NUMBER: _ClassVar[int]
    PROVINCE_FIELD_NUMBER: _ClassVar[int]
    CITY_FIELD_NUMBER: _ClassVar[int]
    DISTRICT_FIELD_NUMBER: _ClassVar[int]
    GEO_POINT_FIELD_NUMBER: _ClassVar[int]
    code: str
    name: str
    country_code: str
    province: str
    city: str
    district: str
    geo_point: GeoPoint
    def __init__(self, code: _Optional[str] = ..., name: _Optional[str] = ..., country_code: _Optional[str] = ..., province: _Optional[str] = ..., city: _Optional[str] = ..., district: _Optional[str] = ..., geo_point: _Optional[_Union[GeoPoint, _Mapping]] = ...) -> None: ...
