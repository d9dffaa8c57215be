import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from oms.common.v1 import actor_pb2 as _actor_pb2
from oms.common.v1 import address_pb2 as _address_pb2
from oms.common.v1 import contact_pb2 as _contact_pb2
from oms.common.v1 import line_quantity_pb2 as _line_quantity_pb2
from oms.common.v1 import order_line_pb2 as _order_line_pb2
from oms.common.v1 import reship_reason_pb2 as _reship_reason_pb2
from oms.common.v1 import time_window_pb2 as _time_window_pb2
from oms.order.v1 import order_pb2 as _order_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class AddressChanged(_message.Message):
    __slots__ = ("order_id", "status", "previous_address", "new_address", "contact", "source", "changed_by", "changed_at")
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    PREVIOUS_ADDRESS_FIELD_NUMBER: _ClassVar[int]
    NEW_ADDRESS_FIELD_NUMBER: _ClassVar[int]
    CONTACT_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    CHANGED_BY_FIELD_NUMBER: _ClassVar[int]
    CHANGED_AT_FIELD_NUMBER: _ClassVar[int]
    order_id: str
    status: _order_pb2.OrderStatus
    previous_address: _address_pb2.Address
    new_address: _address_pb2.Address
    contact: _contact_pb2.Contact
    source: _order_pb2.ChangeSource
    changed_by: _actor_pb2.Actor
    changed_at: _timestamp_pb2.Timestamp
    def __init__(self, order_id: _Optional[str] = ..., status: _Optional[_Union[_order_pb2.OrderStatus, str]] = ..., previous_address: _Optional[_Union[_address_pb2.Address, _Mapping]] = ..., new_address: _Optional[_Union[_address_pb2.Address, _Mapping]] = ..., contact: _Optional[_Union[_contact_pb2.Contact, _Mapping]] = ..., source: _Optional[_Union[_order_pb2.ChangeSource, str]] = ..., changed_by: _Optional[_Union[_actor_pb2.Actor, _Mapping]] = ..., changed_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class ItemsEdited(_message.Message):
    __slots__ = ("order_id", "status", "added_lines", "removed_line_ids", "changed_lines", "lines_after", "source", "edited_by", "edited_at")
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    ADDED_LINES_FIELD_NUMBER: _ClassVar[int]
    REMOVED_LINE_IDS_FIELD_NUMBER: _ClassVar[int]
    CHANGED_LINES_FIELD_NUMBER: _ClassVar[int]
    LINES_AFTER_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    EDITED_BY_FIELD_NUMBER: _ClassVar[int]
    EDITED_AT_FIELD_NUMBER: _ClassVar[int]
    order_id: str
    status: _order_pb2.OrderStatus
    added_lines: _containers.RepeatedCompositeFieldContainer[_order_line_pb2.OrderLine]
    removed_line_ids: _containers.RepeatedScalarFieldContainer[str]
    changed_lines: _containers.RepeatedCompositeFieldContainer[_order_line_pb2.OrderLine]
    lines_after: _containers.RepeatedCompositeFieldContainer[_order_line_pb2.OrderLine]
    source: _order_pb2.ChangeSource
    edited_by: _actor_pb2.Actor
    edited_at: _timestamp_pb2.Timestamp
    def __init__(self, order_id: _Optional[str] = ..., status: _Optional[_Union[_order_pb2.OrderStatus, str]] = ..., added_lines: _Optional[_Iterable[_Union[_order_line_pb2.OrderLine, _Mapping]]] = ..., removed_line_ids: _Optional[_Iterable[str]] = ..., changed_lines: _Optional[_Iterable[_Union[_order_line_pb2.OrderLine, _Mapping]]] = ..., lines_after: _Optional[_Iterable[_Union[_order_line_pb2.OrderLine, _Mapping]]] = ..., source: _Optional[_Union[_order_pb2.ChangeSource, str]] = ..., edited_by: _Optional[_Union[_actor_pb2.Actor, _Mapping]] = ..., edited_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class DeliveryTimeBooked(_message.Message):
    __slots__ = ("order_id", "status", "window", "booked_by", "booked_at")
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    WINDOW_FIELD_NUMBER: _ClassVar[int]
    BOOKED_BY_FIELD_NUMBER: _ClassVar[int]
    BOOKED_AT_FIELD_NUMBER: _ClassVar[int]
    order_id: str
    status: _order_pb2.OrderStatus
    window: _time_window_pb2.TimeWindow
    booked_by: _actor_pb2.Actor
    booked_at: _timestamp_pb2.Timestamp
    def __init__(self, order_id: _Optional[str] = ..., status: _Optional[_Union[_order_pb2.OrderStatus, str]] = ..., window: _Optional[_Union[_time_window_pb2.TimeWindow, _Mapping]] = ..., booked_by: _Optional[_Union[_actor_pb2.Actor, _Mapping]] = ..., booked_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class OrderSplit(_message.Message):
    __slots__ = ("order_id", "status", "parts", "split_by", "split_at")
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    PARTS_FIELD_NUMBER: _ClassVar[int]
    SPLIT_BY_FIELD_NUMBER: _ClassVar[int]
    SPLIT_AT_FIELD_NUMBER: _ClassVar[int]
    order_id: str
    status: _order_pb2.OrderStatus
    parts: _containers.RepeatedCompositeFieldContainer[_order_pb2.SplitPart]
    split_by: _actor_pb2.Actor
    split_at: _timestamp_pb2.Timestamp
    def __init__(self, order_id: _Optional[str] = ..., status: _Optional[_Union[_order_pb2.OrderStatus, str]] = ..., parts: _Optional[_Iterable[_Union[_order_pb2.SplitPart, _Mapping]]] = ..., split_by: _Optional[_Union[_actor_pb2.Actor, _Mapping]] = ..., split_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class OrderMerged(_message.Message):
    __slots__ = ("order_id", "status", "merge_group_id", "primary_order_id", "member_order_ids", "shipping_address", "merged_at")
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    MERGE_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    PRIMARY_ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    MEMBER_ORDER_IDS_FIELD_NUMBER: _ClassVar[int]
    SHIPPING_ADDRESS_FIELD_NUMBER: _ClassVar[int]
    MERGED_AT_FIELD_NUMBER: _ClassVar[int]
    order_id: str
    status: _order_pb2.OrderStatus
    merge_group_id: str
    primary_order_id: str
    member_order_ids: _containers.RepeatedScalarFieldContainer[str]
    shipping_address: _address_pb2.Address
    merged_at: _timestamp_pb2.Timestamp
    def __init__(self, order_id: _Optional[str] = ..., status: _Optional[_Union[_order_pb2.OrderStatus, str]] = ..., merge_group_id: _Optional[str] = ..., primary_order_id: _Optional[str] = ..., member_order_ids: _Optional[_Iterable[str]] = ..., shipping_address: _Optional[_Union[_address_pb2.Address, _Mapping]] = ..., merged_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class OrderChangeRefused(_message.Message):
    __slots__ = ("order_id", "status", "change", "reason_code", "message", "source", "requested_by", "request_id", "refused_at")
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    CHANGE_FIELD_NUMBER: _ClassVar[int]
    REASON_CODE_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    REQUESTED_BY_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    REFUSED_AT_FIELD_NUMBER: _ClassVar[int]
    order_id: str
    status: _order_pb2.OrderStatus
    change: _order_pb2.OrderChangeKind
    reason_code: str
    message: str
    source: _order_pb2.ChangeSource
    requested_by: _actor_pb2.Actor
    request_id: str
    refused_at: _timestamp_pb2.Timestamp
    def __init__(self, order_id: _Optional[str] = ..., status: _Optional[_Union[_order_pb2.OrderStatus, str]] = ..., change: _Optional[_Union[_order_pb2.OrderChangeKind, str]] = ..., reason_code: _Optional[str] = ..., message: _Optional[str] = ..., source: _Optional[_Union[_order_pb2.ChangeSource, str]] = ..., requested_by: _Optional[_Union[_actor_pb2.Actor, _Mapping]] = ..., request_id: _Optional[str] = ..., refused_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class OrderReshipRequested(_message.Message):
    __slots__ = ("order_id", "status", "original_shipment_id", "new_shipment_id", "reason", "lines", "return_id", "requested_by", "requested_at")
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    ORIGINAL_SHIPMENT_ID_FIELD_NUMBER: _ClassVar[int]
    NEW_SHIPMENT_ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    LINES_FIELD_NUMBER: _ClassVar[int]
    RETURN_ID_FIELD_NUMBER: _ClassVar[int]
    REQUESTED_BY_FIELD_NUMBER: _ClassVar[int]
    REQUESTED_AT_FIELD_NUMBER: _ClassVar[int]
    order_id: str
    status: _order_pb2.OrderStatus
    original_shipment_id: str
    new_shipment_id: str
    reason: _reship_reason_pb2.ReshipReason
    lines: _containers.RepeatedCompositeFieldContainer[_line_quantity_pb2.LineQuantity]
    return_id: str
    requested_by: _actor_pb2.Actor
    requested_at: _timestamp_pb2.Timestamp
    def __init__(self, order_id: _Optional[str] = ..., status: _Optional[_Union[_order_pb2.OrderStatus, str]] = ..., original_shipment_id: _Optional[str] = ..., new_shipment_id: _Optional[str] = ..., reason: _Optional[_Union[_reship_reason_pb2.ReshipReason, str]] = ..., lines: _Optional[_Iterable[_Union[_line_quantity_pb2.LineQuantity, _Mapping]]] = ..., return_id: _Optional[str] = ..., requested_by: _Optional[_Union[_actor_pb2.Actor, _Mapping]] = ..., requested_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...
