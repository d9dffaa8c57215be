import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from oms.common.v1 import actor_pb2 as _actor_pb2
from oms.common.v1 import address_pb2 as _address_pb2
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

class ShipmentCreated(_message.Message):
    __slots__ = ("shipment_id", "order_id", "order_number", "warehouse_id", "reservation_id", "lines", "destination", "priority", "requested_service_level", "promised_by", "reship_of_shipment_id", "cash_on_delivery_amount", "created_at")
    SHIPMENT_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_NUMBER_FIELD_NUMBER: _ClassVar[int]
    WAREHOUSE_ID_FIELD_NUMBER: _ClassVar[int]
    RESERVATION_ID_FIELD_NUMBER: _ClassVar[int]
    LINES_FIELD_NUMBER: _ClassVar[int]
    DESTINATION_FIELD_NUMBER: _ClassVar[int]
    PRIORITY_FIELD_NUMBER: _ClassVar[int]
    REQUESTED_SERVICE_LEVEL_FIELD_NUMBER: _ClassVar[int]
    PROMISED_BY_FIELD_NUMBER: _ClassVar[int]
    RESHIP_OF_SHIPMENT_ID_FIELD_NUMBER: _ClassVar[int]
    CASH_ON_DELIVERY_AMOUNT_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    shipment_id: str
    order_id: str
    order_number: str
    warehouse_id: str
    reservation_id: str
    lines: _containers.RepeatedCompositeFieldContainer[_fulfillment_pb2.ShipmentLine]
    destination: _address_pb2.Address
    priority: int
    requested_service_level: _fulfillment_pb2.ServiceLevel
    promised_by: _timestamp_pb2.Timestamp
    reship_of_shipment_id: str
    cash_on_delivery_amount: _money_pb2.Money
    created_at: _timestamp_pb2.Timestamp
    def __init__(self, shipment_id: _Optional[str] = ..., order_id: _Optional[str] = ..., order_number: _Optional[str] = ..., warehouse_id: _Optional[str] = ..., reservation_id: _Optional[str] = ..., lines: _Optional[_Iterable[_Union[_fulfillment_pb2.ShipmentLine, _Mapping]]] = ..., destination: _Optional[_Union[_address_pb2.Address, _Mapping]] = ..., priority: _Optional[int] = ..., requested_service_level: _Optional[_Union[_fulfillment_pb2.ServiceLevel, str]] = ..., promised_by: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., reship_of_shipment_id: _Optional[str] = ..., cash_on_delivery_amount: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class PickListIssued(_message.Message):
    __slots__ = ("shipment_id", "order_id", "pick_list_id", "wave_id", "warehouse_id", "items", "priority", "issued_at")
    SHIPMENT_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    PICK_LIST_ID_FIELD_NUMBER: _ClassVar[int]
    WAVE_ID_FIELD_NUMBER: _ClassVar[int]
    WAREHOUSE_ID_FIELD_NUMBER: _ClassVar[int]
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    PRIORITY_FIELD_NUMBER: _ClassVar[int]
    ISSUED_AT_FIELD_NUMBER: _ClassVar[int]
    shipment_id: str
    order_id: str
    pick_list_id: str
    wave_id: str
    warehouse_id: str
    items: _containers.RepeatedCompositeFieldContainer[_fulfillment_pb2.PickItem]
    priority: int
    issued_at: _timestamp_pb2.Timestamp
    def __init__(self, shipment_id: _Optional[str] = ..., order_id: _Optional[str] = ..., pick_list_id: _Optional[str] = ..., wave_id: _Optional[str] = ..., warehouse_id: _Optional[str] = ..., items: _Optional[_Iterable[_Union[_fulfillment_pb2.PickItem, _Mapping]]] = ..., priority: _Optional[int] = ..., issued_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class PickingStarted(_message.Message):
    __slots__ = ("shipment_id", "order_id", "warehouse_id", "pick_list_id", "started_by", "implied_by_pick", "started_at")
    SHIPMENT_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    WAREHOUSE_ID_FIELD_NUMBER: _ClassVar[int]
    PICK_LIST_ID_FIELD_NUMBER: _ClassVar[int]
    STARTED_BY_FIELD_NUMBER: _ClassVar[int]
    IMPLIED_BY_PICK_FIELD_NUMBER: _ClassVar[int]
    STARTED_AT_FIELD_NUMBER: _ClassVar[int]
    shipment_id: str
    order_id: str
    warehouse_id: str
    pick_list_id: str
    started_by: _actor_pb2.Actor
    implied_by_pick: bool
    started_at: _timestamp_pb2.Timestamp
    def __init__(self, shipment_id: _Optional[str] = ..., order_id: _Optional[str] = ..., warehouse_id: _Optional[str] = ..., pick_list_id: _Optional[str] = ..., started_by: _Optional[_Union[_actor_pb2.Actor, _Mapping]] = ..., implied_by_pick: _Optional[bool] = ..., started_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class ShipmentPicked(_message.Message):
    __slots__ = ("shipment_id", "order_id", "picked", "picked_by", "picked_at")
    SHIPMENT_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    PICKED_FIELD_NUMBER: _ClassVar[int]
    PICKED_BY_FIELD_NUMBER: _ClassVar[int]
    PICKED_AT_FIELD_NUMBER: _ClassVar[int]
    shipment_id: str
    order_id: str
    picked: _containers.RepeatedCompositeFieldContainer[_line_quantity_pb2.LineQuantity]
    picked_by: _actor_pb2.Actor
    picked_at: _timestamp_pb2.Timestamp
    def __init__(self, shipment_id: _Optional[str] = ..., order_id: _Optional[str] = ..., picked: _Optional[_Iterable[_Union[_line_quantity_pb2.LineQuantity, _Mapping]]] = ..., picked_by: _Optional[_Union[_actor_pb2.Actor, _Mapping]] = ..., picked_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class PickShortageReported(_message.Message):
    __slots__ = ("shipment_id", "order_id", "warehouse_id", "missing", "reported_by", "reported_at")
    SHIPMENT_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    WAREHOUSE_ID_FIELD_NUMBER: _ClassVar[int]
    MISSING_FIELD_NUMBER: _ClassVar[int]
    REPORTED_BY_FIELD_NUMBER: _ClassVar[int]
    REPORTED_AT_FIELD_NUMBER: _ClassVar[int]
    shipment_id: str
    order_id: str
    warehouse_id: str
    missing: _containers.RepeatedCompositeFieldContainer[_line_quantity_pb2.LineQuantity]
    reported_by: _actor_pb2.Actor
    reported_at: _timestamp_pb2.Timestamp
    def __init__(self, shipment_id: _Optional[str] = ..., order_id: _Optional[str] = ..., warehouse_id: _Optional[str] = ..., missing: _Optional[_Iterable[_Union[_line_quantity_pb2.LineQuantity, _Mapping]]] = ..., reported_by: _Optional[_Union[_actor_pb2.Actor, _Mapping]] = ..., reported_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class ShipmentPacked(_message.Message):
    __slots__ = ("shipment_id", "order_id", "parcels", "quality_check", "packed_by", "packed_at")
    SHIPMENT_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    PARCELS_FIELD_NUMBER: _ClassVar[int]
    QUALITY_CHECK_FIELD_NUMBER: _ClassVar[int]
    PACKED_BY_FIELD_NUMBER: _ClassVar[int]
    PACKED_AT_FIELD_NUMBER: _ClassVar[int]
    shipment_id: str
    order_id: str
    parcels: _containers.RepeatedCompositeFieldContainer[_fulfillment_pb2.Parcel]
    quality_check: _fulfillment_pb2.QualityCheck
    packed_by: _actor_pb2.Actor
    packed_at: _timestamp_pb2.Timestamp
    def __init__(self, shipment_id: _Optional[str] = ..., order_id: _Optional[str] = ..., parcels: _Optional[_Iterable[_Union[_fulfillment_pb2.Parcel, _Mapping]]] = ..., quality_check: _Optional[_Union[_fulfillment_pb2.QualityCheck, _Mapping]] = ..., packed_by: _Optional[_Union[_actor_pb2.Actor, _Mapping]] = ..., packed_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class CarrierChosen(_message.Message):
    __slots__ = ("shipment_id", "order_id", "carrier_code", "service_level", "rate", "zone", "selection_rule_id", "insured", "insured_value", "alternatives", "chosen_at")
    SHIPMENT_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    CARRIER_CODE_FIELD_NUMBER: _ClassVar[int]
    SERVICE_LEVEL_FIELD_NUMBER: _ClassVar[int]
    RATE_FIELD_NUMBER: _ClassVar[int]
    ZONE_FIELD_NUMBER: _ClassVar[int]
    SELECTION_RULE_ID_FIELD_NUMBER: _ClassVar[int]
    INSURED_FIELD_NUMBER: _ClassVar[int]
    INSURED_VALUE_FIELD_NUMBER: _ClassVar[int]
    ALTERNATIVES_FIELD_NUMBER: _ClassVar[int]
    CHOSEN_AT_FIELD_NUMBER: _ClassVar[int]
    shipment_id: str
    order_id: str
    carrier_code: str
    service_level: _fulfillment_pb2.ServiceLevel
    rate: _money_pb2.Money
    zone: str
    selection_rule_id: str
    insured: bool
    insured_value: _money_pb2.Money
    alternatives: _containers.RepeatedCompositeFieldContainer[_fulfillment_pb2.CarrierRate]
    chosen_at: _timestamp_pb2.Timestamp
    def __init__(self, shipment_id: _Optional[str] = ..., order_id: _Optional[str] = ..., carrier_code: _Optional[str] = ..., service_level: _Optional[_Union[_fulfillment_pb2.ServiceLevel, str]] = ..., rate: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., zone: _Optional[str] = ..., selection_rule_id: _Optional[str] = ..., insured: _Optional[bool] = ..., insured_value: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., alternatives: _Optional[_Iterable[_Union[_fulfillment_pb2.CarrierRate, _Mapping]]] = ..., chosen_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class LabelPrinted(_message.Message):
    __slots__ = ("shipment_id", "order_id", "parcel_id", "label_id", "carrier_code", "tracking_number", "label_format", "printed_at")
    SHIPMENT_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    PARCEL_ID_FIELD_NUMBER: _ClassVar[int]
    LABEL_ID_FIELD_NUMBER: _ClassVar[int]
    CARRIER_CODE_FIELD_NUMBER: _ClassVar[int]
    TRACKING_NUMBER_FIELD_NUMBER: _ClassVar[int]
    LABEL_FORMAT_FIELD_NUMBER: _ClassVar[int]
    PRINTED_AT_FIELD_NUMBER: _ClassVar[int]
    shipment_id: str
    order_id: str
    parcel_id: str
    label_id: str
    carrier_code: str
    tracking_number: str
    label_format: str
    printed_at: _timestamp_pb2.Timestamp
    def __init__(self, shipment_id: _Optional[str] = ..., order_id: _Optional[str] = ..., parcel_id: _Optional[str] = ..., label_id: _Optional[str] = ..., carrier_code: _Optional[str] = ..., tracking_number: _Optional[str] = ..., label_format: _Optional[str] = ..., printed_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class TrackingNumberAssigned(_message.Message):
    __slots__ = ("shipment_id", "order_id", "parcel_id", "carrier_code", "tracking_number", "source", "assigned_at")
    SHIPMENT_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    PARCEL_ID_FIELD_NUMBER: _ClassVar[int]
    CARRIER_CODE_FIELD_NUMBER: _ClassVar[int]
    TRACKING_NUMBER_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    ASSIGNED_AT_FIELD_NUMBER: _ClassVar[int]
    shipment_id: str
    order_id: str
    parcel_id: str
    carrier_code: str
    tracking_number: str
    source: _fulfillment_pb2.TrackingNumberSource
    assigned_at: _timestamp_pb2.Timestamp
    def __init__(self, shipment_id: _Optional[str] = ..., order_id: _Optional[str] = ..., parcel_id: _Optional[str] = ..., carrier_code: _Optional[str] = ..., tracking_number: _Optional[str] = ..., source: _Optional[_Union[_fulfillment_pb2.TrackingNumberSource, str]] = ..., assigned_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class ShipmentDispatched(_message.Message):
    __slots__ = ("shipment_id", "order_id", "warehouse_id", "carrier_code", "service_level", "tracking_numbers", "lines", "reservation_id", "cash_on_delivery_amount", "scanned_by", "dispatched_at")
    SHIPMENT_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    WAREHOUSE_ID_FIELD_NUMBER: _ClassVar[int]
    CARRIER_CODE_FIELD_NUMBER: _ClassVar[int]
    SERVICE_LEVEL_FIELD_NUMBER: _ClassVar[int]
    TRACKING_NUMBERS_FIELD_NUMBER: _ClassVar[int]
    LINES_FIELD_NUMBER: _ClassVar[int]
    RESERVATION_ID_FIELD_NUMBER: _ClassVar[int]
    CASH_ON_DELIVERY_AMOUNT_FIELD_NUMBER: _ClassVar[int]
    SCANNED_BY_FIELD_NUMBER: _ClassVar[int]
    DISPATCHED_AT_FIELD_NUMBER: _ClassVar[int]
    shipment_id: str
    order_id: str
    warehouse_id: str
    carrier_code: str
    service_level: _fulfillment_pb2.ServiceLevel
    tracking_numbers: _containers.RepeatedScalarFieldContainer[str]
    lines: _containers.RepeatedCompositeFieldContainer[_fulfillment_pb2.ShipmentLine]
    reservation_id: str
    cash_on_delivery_amount: _money_pb2.Money
    scanned_by: _actor_pb2.Actor
    dispatched_at: _timestamp_pb2.Timestamp
    def __init__(self, shipment_id: _Optional[str] = ..., order_id: _Optional[str] = ..., warehouse_id: _Optional[str] = ..., carrier_code: _Optional[str] = ..., service_level: _Optional[_Union[_fulfillment_pb2.ServiceLevel, str]] = ..., tracking_numbers: _Optional[_Iterable[str]] = ..., lines: _Optional[_Iterable[_Union[_fulfillment_pb2.ShipmentLine, _Mapping]]] = ..., reservation_id: _Optional[str] = ..., cash_on_delivery_amount: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., scanned_by: _Optional[_Union[_actor_pb2.Actor, _Mapping]] = ..., dispatched_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class ShipmentCancelled(_message.Message):
    __slots__ = ("shipment_id", "order_id", "reason", "lines", "cancelled_at")
    SHIPMENT_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    LINES_FIELD_NUMBER: _ClassVar[int]
    CANCELLED_AT_FIELD_NUMBER: _ClassVar[int]
    shipment_id: str
    order_id: str
    reason: str
    lines: _containers.RepeatedCompositeFieldContainer[_line_quantity_pb2.LineQuantity]
    cancelled_at: _timestamp_pb2.Timestamp
    def __init__(self, shipment_id: _Optional[str] = ..., order_id: _Optional[str] = ..., reason: _Optional[str] = ..., lines: _Optional[_Iterable[_Union[_line_quantity_pb2.LineQuantity, _Mapping]]] = ..., cancelled_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class ReturnReceived(_message.Message):
    __slots__ = ("return_id", "order_id", "warehouse_id", "original_shipment_id", "lines", "return_tracking_number", "condition_note", "received_by", "received_at")
    RETURN_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    WAREHOUSE_ID_FIELD_NUMBER: _ClassVar[int]
    ORIGINAL_SHIPMENT_ID_FIELD_NUMBER: _ClassVar[int]
    LINES_FIELD_NUMBER: _ClassVar[int]
    RETURN_TRACKING_NUMBER_FIELD_NUMBER: _ClassVar[int]
    CONDITION_NOTE_FIELD_NUMBER: _ClassVar[int]
    RECEIVED_BY_FIELD_NUMBER: _ClassVar[int]
    RECEIVED_AT_FIELD_NUMBER: _ClassVar[int]
    return_id: str
    order_id: str
    warehouse_id: str
    original_shipment_id: str
    lines: _containers.RepeatedCompositeFieldContainer[_line_quantity_pb2.LineQuantity]
    return_tracking_number: str
    condition_note: str
    received_by: _actor_pb2.Actor
    received_at: _timestamp_pb2.Timestamp
    def __init__(self, return_id: _Optional[str] = ..., order_id: _Optional[str] = ..., warehouse_id: _Optional[str] = ..., original_shipment_id: _Optional[str] = ..., lines: _Optional[_Iterable[_Union[_line_quantity_pb2.LineQuantity, _Mapping]]] = ..., return_tracking_number: _Optional[str] = ..., condition_note: _Optional[str] = ..., received_by: _Optional[_Union[_actor_pb2.Actor, _Mapping]] = ..., received_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class ReshipRequested(_message.Message):
    __slots__ = ("order_id", "original_shipment_id", "new_shipment_id", "reason", "lines", "destination", "requested_at")
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    ORIGINAL_SHIPMENT_ID_FIELD_NUMBER: _ClassVar[int]
    NEW_SHIPMENT_ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    LINES_FIELD_NUMBER: _ClassVar[int]
    DESTINATION_FIELD_NUMBER: _ClassVar[int]
    REQUESTED_AT_FIELD_NUMBER: _ClassVar[int]
    order_id: str
    original_shipment_id: str
    new_shipment_id: str
    reason: _reship_reason_pb2.ReshipReason
    lines: _containers.RepeatedCompositeFieldContainer[_line_quantity_pb2.LineQuantity]
    destination: _address_pb2.Address
    requested_at: _timestamp_pb2.Timestamp
    def __init__(self, order_id: _Optional[str] = ..., original_shipment_id: _Optional[str] = ..., new_shipment_id: _Optional[str] = ..., reason: _Optional[_Union[_reship_reason_pb2.ReshipReason, str]] = ..., lines: _Optional[_Iterable[_Union[_line_quantity_pb2.LineQuantity, _Mapping]]] = ..., destination: _Optional[_Union[_address_pb2.Address, _Mapping]] = ..., requested_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...
