import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from oms.common.v1 import money_pb2 as _money_pb2
from oms.order.v1 import order_pb2 as _order_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class OrderPriced(_message.Message):
    __slots__ = ("order_id", "status", "computed", "promotions", "taxes", "shipping_fee_rule_id", "rules_version", "priced_at")
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    COMPUTED_FIELD_NUMBER: _ClassVar[int]
    PROMOTIONS_FIELD_NUMBER: _ClassVar[int]
    TAXES_FIELD_NUMBER: _ClassVar[int]
    SHIPPING_FEE_RULE_ID_FIELD_NUMBER: _ClassVar[int]
    RULES_VERSION_FIELD_NUMBER: _ClassVar[int]
    PRICED_AT_FIELD_NUMBER: _ClassVar[int]
    order_id: str
    status: _order_pb2.OrderStatus
    computed: _order_pb2.PriceBreakdown
    promotions: _containers.RepeatedCompositeFieldContainer[_order_pb2.AppliedPromotion]
    taxes: _containers.RepeatedCompositeFieldContainer[_order_pb2.TaxAmount]
    shipping_fee_rule_id: str
    rules_version: str
    priced_at: _timestamp_pb2.Timestamp
    def __init__(self, order_id: _Optional[str] = ..., status: _Optional[_Union[_order_pb2.OrderStatus, str]] = ..., computed: _Optional[_Union[_order_pb2.PriceBreakdown, _Mapping]] = ..., promotions: _Optional[_Iterable[_Union[_order_pb2.AppliedPromotion, _Mapping]]] = ..., taxes: _Optional[_Iterable[_Union[_order_pb2.TaxAmount, _Mapping]]] = ..., shipping_fee_rule_id: _Optional[str] = ..., rules_version: _Optional[str] = ..., priced_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class PriceMismatchDetected(_message.Message):
    __slots__ = ("order_id", "status", "computed", "reported", "difference", "tolerance", "differences", "detected_at")
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    COMPUTED_FIELD_NUMBER: _ClassVar[int]
    REPORTED_FIELD_NUMBER: _ClassVar[int]
    DIFFERENCE_FIELD_NUMBER: _ClassVar[int]
    TOLERANCE_FIELD_NUMBER: _ClassVar[int]
    DIFFERENCES_FIELD_NUMBER: _ClassVar[int]
    DETECTED_AT_FIELD_NUMBER: _ClassVar[int]
    order_id: str
    status: _order_pb2.OrderStatus
    computed: _order_pb2.PriceBreakdown
    reported: _order_pb2.PriceBreakdown
    difference: _money_pb2.Money
    tolerance: _money_pb2.Money
    differences: _containers.RepeatedCompositeFieldContainer[_order_pb2.PriceDifference]
    detected_at: _timestamp_pb2.Timestamp
    def __init__(self, order_id: _Optional[str] = ..., status: _Optional[_Union[_order_pb2.OrderStatus, str]] = ..., computed: _Optional[_Union[_order_pb2.PriceBreakdown, _Mapping]] = ..., reported: _Optional[_Union[_order_pb2.PriceBreakdown, _Mapping]] = ..., difference: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., tolerance: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., differences: _Optional[_Iterable[_Union[_order_pb2.PriceDifference, _Mapping]]] = ..., detected_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...
