import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from oms.common.v1 import actor_pb2 as _actor_pb2
from oms.common.v1 import address_pb2 as _address_pb2
from oms.common.v1 import contact_pb2 as _contact_pb2
from oms.common.v1 import line_quantity_pb2 as _line_quantity_pb2
from oms.common.v1 import money_pb2 as _money_pb2
from oms.common.v1 import reship_reason_pb2 as _reship_reason_pb2
from oms.fulfillment.v1 import fulfillment_pb2 as _fulfillment_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class CreateShipments(_message.Message):
    __slots__ = ("order_id", "order_number", "reservation_id", "shipments", "destination", "recipient", "priority", "requested_service_level", "promised_by", "declared_value", "cash_on_delivery_amount", "gift")
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_NUMBER_FIELD_NUMBER: _ClassVar[int]
    RESERVATION_ID_FIELD_NUMBER: _ClassVar[int]
    SHIPMENTS_FIELD_NUMBER: _ClassVar[int]
    DESTINATION_FIELD_NUMBER: _ClassVar[int]
    RECIPIENT_FIELD_NUMBER: _ClassVar[int]
    PRIORITY_FIELD_NUMBER: _ClassVar[int]
    REQUESTED_SERVICE_LEVEL_FIELD_NUMBER: _ClassVar[int]
    PROMISED_BY_FIELD_NUMBER: _ClassVar[int]
    DECLARED_VALUE_FIELD_NUMBER: _ClassVar[int]
    CASH_ON_DELIVERY_AMOUNT_FIELD_NUMBER: _ClassVar[int]
    GIFT_FIELD_NUMBER: _ClassVar[int]
    order_id: str
    order_number: str
    reservation_id: str
    shipments: _containers.RepeatedCompositeFieldContainer[_fulfillment_pb2.PlannedShipment]
    destination: _address_pb2.Address
    recipient: _contact_pb2.Contact
    priority: int
    requested_service_level: _fulfillment_pb2.ServiceLevel
    promised_by: _timestamp_pb2.Timestamp
    declared_value: _money_pb2.Money
    cash_on_delivery_amount: _money_pb2.Money
    gift: bool
    def __init__(self, order_id: _Optional[str] = ..., order_number: _Optional[str] = ..., reservation_id: _Optional[str] = ..., shipments: _Optional[_Iterable[_Union[_fulfillment_pb2.PlannedShipment, _Mapping]]] = ..., destination: _Optional[_Union[_address_pb2.Address, _Mapping]] = ..., recipient: _Optional[_Union[_contact_pb2.Contact, _Mapping]] = ..., priority: _Optional[int] = ..., requested_service_level: _Optional[_Union[_fulfillment_pb2.ServiceLevel, str]] = ..., promised_by: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., declared_value: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., cash_on_delivery_amount: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., gift: _Optional[bool] = ...) -> None: ...

class PickShipment(_message.Message):
    __slots__ = ("shipment_id", "order_id", "picked", "picker")
    SHIPMENT_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    PICKED_FIELD_NUMBER: _ClassVar[int]
    PICKER_FIELD_NUMBER: _ClassVar[int]
    shipment_id: str
    order_id: str
    picked: _containers.RepeatedCompositeFieldContainer[_line_quantity_pb2.LineQuantity]
    picker: _actor_pb2.Actor
    def __init__(self, shipment_id: _Optional[str] = ..., order_id: _Optional[str] = ..., picked: _Optional[_Iterable[_Union[_line_quantity_pb2.LineQuantity, _Mapping]]] = ..., picker: _Optional[_Union[_actor_pb2.Actor, _Mapping]] = ...) -> None: ...

class PackShipment(_message.Message):
    __slots__ = ("shipment_id", "order_id", "parcels", "quality_check", "packer")
    SHIPMENT_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    PARCELS_FIELD_NUMBER: _ClassVar[int]
    QUALITY_CHECK_FIELD_NUMBER: _ClassVar[int]
    PACKER_FIELD_NUMBER: _ClassVar[int]
    shipment_id: str
    order_id: str
    parcels: _containers.RepeatedCompositeFieldContainer[_fulfillment_pb2.Parcel]
    quality_check: _fulfillment_pb2.QualityCheck
    packer: _actor_pb2.Actor
    def __init__(self, shipment_id: _Optional[str] = ..., order_id: _Optional[str] = ..., parcels: _Optional[_Iterable[_Union[_fulfillment_pb2.Parcel, _Mapping]]] = ..., quality_check: _Optional[_Union[_fulfillment_pb2.QualityCheck, _Mapping]] = ..., packer: _Optional[_Union[_actor_pb2.Actor, _Mapping]] = ...) -> None: ...

class DispatchShipment(_message.Message):
    __slots__ = ("shipment_id", "order_id", "tracking_numbers", "carrier_code", "scanned_by")
    SHIPMENT_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    TRACKING_NUMBERS_FIELD_NUMBER: _ClassVar[int]
    CARRIER_CODE_FIELD_NUMBER: _ClassVar[int]
    SCANNED_BY_FIELD_NUMBER: _ClassVar[int]
    shipment_id: str
    order_id: str
    tracking_numbers: _containers.RepeatedScalarFieldContainer[str]
    carrier_code: str
    scanned_by: _actor_pb2.Actor
    def __init__(self, shipment_id: _Optional[str] = ..., order_id: _Optional[str] = ..., tracking_numbers: _Optional[_Iterable[str]] = ..., carrier_code: _Optional[str] = ..., scanned_by: _Optional[_Union[_actor_pb2.Actor, _Mapping]] = ...) -> None: ...

class CancelShipment(_message.Message):
    __slots__ = ("shipment_id", "order_id", "reason")
    SHIPMENT_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    shipment_id: str
    order_id: str
    reason: str
    def __init__(self, shipment_id: _Optional[str] = ..., order_id: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class ReshipShipment(_message.Message):
    __slots__ = ("order_id", "original_shipment_id", "new_shipment_id", "warehouse_id", "lines", "reason", "destination", "recipient")
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    ORIGINAL_SHIPMENT_ID_FIELD_NUMBER: _ClassVar[int]
    NEW_SHIPMENT_ID_FIELD_NUMBER: _ClassVar[int]
    WAREHOUSE_ID_FIELD_NUMBER: _ClassVar[int]
    LINES_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    DESTINATION_FIELD_NUMBER: _ClassVar[int]
    RECIPIENT_FIELD_NUMBER: _ClassVar[int]
    order_id: str
    original_shipment_id: str
    new_shipment_id: str
    warehouse_id: str
    lines: _containers.RepeatedCompositeFieldContainer[_fulfillment_pb2.ShipmentLine]
    reason: _reship_reason_pb2.ReshipReason
    destination: _address_pb2.Address
    recipient: _contact_pb2.Contact
    def __init__(self, order_id: _Optional[str] = ..., original_shipment_id: _Optional[str] = ..., new_shipment_id: _Optional[str] = ..., warehouse_id: _Optional[str] = ..., lines: _Optional[_Iterable[_Union[_fulfillment_pb2.ShipmentLine, _Mapping]]] = ..., reason: _Optional[_Union[_reship_reason_pb2.ReshipReason, str]] = ..., destination: _Optional[_Union[_address_pb2.Address, _Mapping]] = ..., recipient: _Optional[_Union[_contact_pb2.Contact, _Mapping]] = ...) -> None: ...

class ExpectReturn(_message.Message):
    __slots__ = ("return_id", "order_id", "warehouse_id", "lines", "original_shipment_id")
    RETURN_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    WAREHOUSE_ID_FIELD_NUMBER: _ClassVar[int]
    LINES_FIELD_NUMBER: _ClassVar[int]
    ORIGINAL_SHIPMENT_ID_FIELD_NUMBER: _ClassVar[int]
    return_id: str
    order_id: str
    warehouse_id: str
    lines: _containers.RepeatedCompositeFieldContainer[_line_quantity_pb2.LineQuantity]
    original_shipment_id: str
    def __init__(self, return_id: _Optional[str] = ..., order_id: _Optional[str] = ..., warehouse_id: _Optional[str] = ..., lines: _Optional[_Iterable[_Union[_line_quantity_pb2.LineQuantity, _Mapping]]] = ..., original_shipment_id: _Optional[str] = ...) -> None: ...
