import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from oms.common.v1 import channel_pb2 as _channel_pb2
from oms.intake.v1 import channel_order_pb2 as _channel_order_pb2
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ChannelOrderPlaced(_message.Message):
    __slots__ = ("order", "received_at")
    ORDER_FIELD_NUMBER: _ClassVar[int]
    RECEIVED_AT_FIELD_NUMBER: _ClassVar[int]
    order: _channel_order_pb2.ChannelOrder
    received_at: _timestamp_pb2.Timestamp
    def __init__(self, order: _Optional[_Union[_channel_order_pb2.ChannelOrder, _Mapping]] = ..., received_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class ChannelOrderUpdated(_message.Message):
    __slots__ = ("channel", "channel_account", "channel_order_id", "update_id", "updated_at", "payment", "cancellation", "address_change")
    CHANNEL_FIELD_NUMBER: _ClassVar[int]
    CHANNEL_ACCOUNT_FIELD_NUMBER: _ClassVar[int]
    CHANNEL_ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    UPDATE_ID_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    PAYMENT_FIELD_NUMBER: _ClassVar[int]
    CANCELLATION_FIELD_NUMBER: _ClassVar[int]
    ADDRESS_CHANGE_FIELD_NUMBER: _ClassVar[int]
    channel: _channel_pb2.Channel
    channel_account: str
    channel_order_id: str
    update_id: str
    updated_at: _timestamp_pb2.Timestamp
    payment: _channel_order_pb2.ReportedPayment
    cancellation: _channel_order_pb2.ChannelCancellation
    address_change: _channel_order_pb2.ChannelAddressChange
    def __init__(self, channel: _Optional[_Union[_channel_pb2.Channel, str]] = ..., channel_account: _Optional[str] = ..., channel_order_id: _Optional[str] = ..., update_id: _Optional[str] = ..., updated_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., payment: _Optional[_Union[_channel_order_pb2.ReportedPayment, _Mapping]] = ..., cancellation: _Optional[_Union[_channel_order_pb2.ChannelCancellation, _Mapping]] = ..., address_change: _Optional[_Union[_channel_order_pb2.ChannelAddressChange, _Mapping]] = ...) -> None: ...
