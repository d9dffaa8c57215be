from oms.common.v1 import line_quantity_pb2 as _line_quantity_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ReservationFailureReason(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    RESERVATION_FAILURE_REASON_UNSPECIFIED: _ClassVar[ReservationFailureReason]
    RESERVATION_FAILURE_REASON_INSUFFICIENT_STOCK: _ClassVar[ReservationFailureReason]
    RESERVATION_FAILURE_REASON_UNKNOWN_SKU: _ClassVar[ReservationFailureReason]
    RESERVATION_FAILURE_REASON_NO_WAREHOUSE_SERVES_ADDRESS: _ClassVar[ReservationFailureReason]
    RESERVATION_FAILURE_REASON_SPLIT_NOT_ALLOWED: _ClassVar[ReservationFailureReason]

class ReleaseReason(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    RELEASE_REASON_UNSPECIFIED: _ClassVar[ReleaseReason]
    RELEASE_REASON_ORDER_CANCELLED: _ClassVar[ReleaseReason]
    RELEASE_REASON_ITEMS_EDITED: _ClassVar[ReleaseReason]
    RELEASE_REASON_ADDRESS_CHANGED: _ClassVar[ReleaseReason]
    RELEASE_REASON_REVIEW_REJECTED: _ClassVar[ReleaseReason]
    RELEASE_REASON_MANUAL: _ClassVar[ReleaseReason]
    RELEASE_REASON_SHIPMENT_CANCELLED: _ClassVar[ReleaseReason]

class ReceiptKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    RECEIPT_KIND_UNSPECIFIED: _ClassVar[ReceiptKind]
    RECEIPT_KIND_PURCHASE: _ClassVar[ReceiptKind]
    RECEIPT_KIND_CUSTOMER_RETURN: _ClassVar[ReceiptKind]
    RECEIPT_KIND_TRANSFER: _ClassVar[ReceiptKind]
    RECEIPT_KIND_PRODUCTION: _ClassVar[ReceiptKind]
    RECEIPT_KIND_OPENING_BALANCE: _ClassVar[ReceiptKind]

class AdjustmentReason(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    ADJUSTMENT_REASON_UNSPECIFIED: _ClassVar[AdjustmentReason]
    ADJUSTMENT_REASON_DAMAGED: _ClassVar[AdjustmentReason]
    ADJUSTMENT_REASON_LOST: _ClassVar[AdjustmentReason]
    ADJUSTMENT_REASON_FOUND: _ClassVar[AdjustmentReason]
    ADJUSTMENT_REASON_EXPIRED: _ClassVar[AdjustmentReason]
    ADJUSTMENT_REASON_CORRECTION: _ClassVar[AdjustmentReason]
    ADJUSTMENT_REASON_SAMPLE: _ClassVar[AdjustmentReason]
    ADJUSTMENT_REASON_PICK_SHORTAGE: _ClassVar[AdjustmentReason]
RESERVATION_FAILURE_REASON_UNSPECIFIED: ReservationFailureReason
RESERVATION_FAILURE_REASON_INSUFFICIENT_STOCK: ReservationFailureReason
RESERVATION_FAILURE_REASON_UNKNOWN_SKU: ReservationFailureReason
RESERVATION_FAILURE_REASON_NO_WAREHOUSE_SERVES_ADDRESS: ReservationFailureReason
RESERVATION_FAILURE_REASON_SPLIT_NOT_ALLOWED: ReservationFailureReason
RELEASE_REASON_UNSPECIFIED: ReleaseReason
RELEASE_REASON_ORDER_CANCELLED: ReleaseReason
RELEASE_REASON_ITEMS_EDITED: ReleaseReason
RELEASE_REASON_ADDRESS_CHANGED: ReleaseReason
RELEASE_REASON_REVIEW_REJECTED: ReleaseReason
RELEASE_REASON_MANUAL: ReleaseReason
RELEASE_REASON_SHIPMENT_CANCELLED: ReleaseReason
RECEIPT_KIND_UNSPECIFIED: ReceiptKind
RECEIPT_KIND_PURCHASE: ReceiptKind
RECEIPT_KIND_CUSTOMER_RETURN: ReceiptKind
RECEIPT_KIND_TRANSFER: ReceiptKind
RECEIPT_KIND_PRODUCTION: ReceiptKind
RECEIPT_KIND_OPENING_BALANCE: ReceiptKind
ADJUSTMENT_REASON_UNSPECIFIED: AdjustmentReason
ADJUSTMENT_REASON_DAMAGED: AdjustmentReason
ADJUSTMENT_REASON_LOST: AdjustmentReason
ADJUSTMENT_REASON_FOUND: AdjustmentReason
ADJUSTMENT_REASON_EXPIRED: AdjustmentReason
ADJUSTMENT_REASON_CORRECTION: AdjustmentReason
ADJUSTMENT_REASON_SAMPLE: AdjustmentReason
ADJUSTMENT_REASON_PICK_SHORTAGE: AdjustmentReason

class StockLevel(_message.Message):
    __slots__ = ("on_hand", "reserved", "available", "incoming", "safety_stock")
    ON_HAND_FIELD_NUMBER: _ClassVar[int]
    RESERVED_FIELD_NUMBER: _ClassVar[int]
    AVAILABLE_FIELD_NUMBER: _ClassVar[int]
    INCOMING_FIELD_NUMBER: _ClassVar[int]
    SAFETY_STOCK_FIELD_NUMBER: _ClassVar[int]
    on_hand: int
    reserved: int
    available: int
    incoming: int
    safety_stock: int
    def __init__(self, on_hand: _Optional[int] = ..., reserved: _Optional[int] = ..., available: _Optional[int] = ..., incoming: _Optional[int] = ..., safety_stock: _Optional[int] = ...) -> None: ...

class WarehousePreference(_message.Message):
    __slots__ = ("preferred_warehouse_ids", "excluded_warehouse_ids", "allow_split", "allow_backorder", "allow_transfer")
    PREFERRED_WAREHOUSE_IDS_FIELD_NUMBER: _ClassVar[int]
    EXCLUDED_WAREHOUSE_IDS_FIELD_NUMBER: _ClassVar[int]
    ALLOW_SPLIT_FIELD_NUMBER: _ClassVar[int]
    ALLOW_BACKORDER_FIELD_NUMBER: _ClassVar[int]
    ALLOW_TRANSFER_FIELD_NUMBER: _ClassVar[int]
    preferred_warehouse_ids: _containers.RepeatedScalarFieldContainer[str]
    excluded_warehouse_ids: _containers.RepeatedScalarFieldContainer[str]
    allow_split: bool
    allow_backorder: bool
    allow_transfer: bool
    def __init__(self, preferred_warehouse_ids: _Optional[_Iterable[str]] = ..., excluded_warehouse_ids: _Optional[_Iterable[str]] = ..., allow_split: _Optional[bool] = ..., allow_backorder: _Optional[bool] = ..., allow_transfer: _Optional[bool] = ...) -> None: ...

class LineShortfall(_message.Message):
    __slots__ = ("line_id", "sku", "requested", "available")
    LINE_ID_FIELD_NUMBER: _ClassVar[int]
    SKU_FIELD_NUMBER: _ClassVar[int]
    REQUESTED_FIELD_NUMBER: _ClassVar[int]
    AVAILABLE_FIELD_NUMBER: _ClassVar[int]
    line_id: str
    sku: str
    requested: int
    available: int
    def __init__(self, line_id: _Optional[str] = ..., sku: _Optional[str] = ..., requested: _Optional[int] = ..., available: _Optional[int] = ...) -> None: ...

class WarehouseAvailability(_message.Message):
    __slots__ = ("warehouse_id", "on_hand", "reserved", "available")
    WAREHOUSE_ID_FIELD_NUMBER: _ClassVar[int]
    ON_HAND_FIELD_NUMBER: _ClassVar[int]
    RESERVED_FIELD_NUMBER: _ClassVar[int]
    AVAILABLE_FIELD_NUMBER: _ClassVar[int]
    warehouse_id: str
    on_hand: int
    reserved: int
    available: int
    def __init__(self, warehouse_id: _Optional[str] = ..., on_hand: _Optional[int] = ..., reserved: _Optional[int] = ..., available: _Optional[int] = ...) -> None: ...

class BackorderLine(_message.Message):
    __slots__ = ("line", "expected_warehouse_id")
    LINE_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_WAREHOUSE_ID_FIELD_NUMBER: _ClassVar[int]
    line: _line_quantity_pb2.LineQuantity
    expected_warehouse_id: str
    def __init__(self, line: _Optional[_Union[_line_quantity_pb2.LineQuantity, _Mapping]] = ..., expected_warehouse_id: _Optional[str] = ...) -> None: ...
