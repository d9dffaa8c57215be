import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from oms.common.v1 import actor_pb2 as _actor_pb2
from oms.inventory.v1 import inventory_pb2 as _inventory_pb2
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class StockReceived(_message.Message):
    __slots__ = ("sku", "warehouse_id", "quantity", "receipt_id", "kind", "reference", "level_after", "received_by", "received_at")
    SKU_FIELD_NUMBER: _ClassVar[int]
    WAREHOUSE_ID_FIELD_NUMBER: _ClassVar[int]
    QUANTITY_FIELD_NUMBER: _ClassVar[int]
    RECEIPT_ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    REFERENCE_FIELD_NUMBER: _ClassVar[int]
    LEVEL_AFTER_FIELD_NUMBER: _ClassVar[int]
    RECEIVED_BY_FIELD_NUMBER: _ClassVar[int]
    RECEIVED_AT_FIELD_NUMBER: _ClassVar[int]
    sku: str
    warehouse_id: str
    quantity: int
    receipt_id: str
    kind: _inventory_pb2.ReceiptKind
    reference: str
    level_after: _inventory_pb2.StockLevel
    received_by: _actor_pb2.Actor
    received_at: _timestamp_pb2.Timestamp
    def __init__(self, sku: _Optional[str] = ..., warehouse_id: _Optional[str] = ..., quantity: _Optional[int] = ..., receipt_id: _Optional[str] = ..., kind: _Optional[_Union[_inventory_pb2.ReceiptKind, str]] = ..., reference: _Optional[str] = ..., level_after: _Optional[_Union[_inventory_pb2.StockLevel, _Mapping]] = ..., received_by: _Optional[_Union[_actor_pb2.Actor, _Mapping]] = ..., received_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class StockAdjusted(_message.Message):
    __slots__ = ("sku", "warehouse_id", "quantity_delta", "adjustment_id", "reason", "note", "level_after", "adjusted_by", "adjusted_at")
    SKU_FIELD_NUMBER: _ClassVar[int]
    WAREHOUSE_ID_FIELD_NUMBER: _ClassVar[int]
    QUANTITY_DELTA_FIELD_NUMBER: _ClassVar[int]
    ADJUSTMENT_ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    LEVEL_AFTER_FIELD_NUMBER: _ClassVar[int]
    ADJUSTED_BY_FIELD_NUMBER: _ClassVar[int]
    ADJUSTED_AT_FIELD_NUMBER: _ClassVar[int]
    sku: str
    warehouse_id: str
    quantity_delta: int
    adjustment_id: str
    reason: _inventory_pb2.AdjustmentReason
    note: str
    level_after: _inventory_pb2.StockLevel
    adjusted_by: _actor_pb2.Actor
    adjusted_at: _timestamp_pb2.Timestamp
    def __init__(self, sku: _Optional[str] = ..., warehouse_id: _Optional[str] = ..., quantity_delta: _Optional[int] = ..., adjustment_id: _Optional[str] = ..., reason: _Optional[_Union[_inventory_pb2.AdjustmentReason, str]] = ..., note: _Optional[str] = ..., level_after: _Optional[_Union[_inventory_pb2.StockLevel, _Mapping]] = ..., adjusted_by: _Optional[_Union[_actor_pb2.Actor, _Mapping]] = ..., adjusted_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class StockCounted(_message.Message):
    __slots__ = ("sku", "warehouse_id", "count_id", "counted_quantity", "expected_quantity", "difference", "level_after", "counted_by", "counted_at")
    SKU_FIELD_NUMBER: _ClassVar[int]
    WAREHOUSE_ID_FIELD_NUMBER: _ClassVar[int]
    COUNT_ID_FIELD_NUMBER: _ClassVar[int]
    COUNTED_QUANTITY_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_QUANTITY_FIELD_NUMBER: _ClassVar[int]
    DIFFERENCE_FIELD_NUMBER: _ClassVar[int]
    LEVEL_AFTER_FIELD_NUMBER: _ClassVar[int]
    COUNTED_BY_FIELD_NUMBER: _ClassVar[int]
    COUNTED_AT_FIELD_NUMBER: _ClassVar[int]
    sku: str
    warehouse_id: str
    count_id: str
    counted_quantity: int
    expected_quantity: int
    difference: int
    level_after: _inventory_pb2.StockLevel
    counted_by: _actor_pb2.Actor
    counted_at: _timestamp_pb2.Timestamp
    def __init__(self, sku: _Optional[str] = ..., warehouse_id: _Optional[str] = ..., count_id: _Optional[str] = ..., counted_quantity: _Optional[int] = ..., expected_quantity: _Optional[int] = ..., difference: _Optional[int] = ..., level_after: _Optional[_Union[_inventory_pb2.StockLevel, _Mapping]] = ..., counted_by: _Optional[_Union[_actor_pb2.Actor, _Mapping]] = ..., counted_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class RestockScheduled(_message.Message):
    __slots__ = ("sku", "warehouse_id", "quantity", "expected_at", "reference", "scheduled_at")
    SKU_FIELD_NUMBER: _ClassVar[int]
    WAREHOUSE_ID_FIELD_NUMBER: _ClassVar[int]
    QUANTITY_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_AT_FIELD_NUMBER: _ClassVar[int]
    REFERENCE_FIELD_NUMBER: _ClassVar[int]
    SCHEDULED_AT_FIELD_NUMBER: _ClassVar[int]
    sku: str
    warehouse_id: str
    quantity: int
    expected_at: _timestamp_pb2.Timestamp
    reference: str
    scheduled_at: _timestamp_pb2.Timestamp
    def __init__(self, sku: _Optional[str] = ..., warehouse_id: _Optional[str] = ..., quantity: _Optional[int] = ..., expected_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., reference: _Optional[str] = ..., scheduled_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class TransferRequested(_message.Message):
    __slots__ = ("transfer_id", "sku", "from_warehouse_id", "to_warehouse_id", "quantity", "order_id", "reason", "requested_at")
    TRANSFER_ID_FIELD_NUMBER: _ClassVar[int]
    SKU_FIELD_NUMBER: _ClassVar[int]
    FROM_WAREHOUSE_ID_FIELD_NUMBER: _ClassVar[int]
    TO_WAREHOUSE_ID_FIELD_NUMBER: _ClassVar[int]
    QUANTITY_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    REQUESTED_AT_FIELD_NUMBER: _ClassVar[int]
    transfer_id: str
    sku: str
    from_warehouse_id: str
    to_warehouse_id: str
    quantity: int
    order_id: str
    reason: str
    requested_at: _timestamp_pb2.Timestamp
    def __init__(self, transfer_id: _Optional[str] = ..., sku: _Optional[str] = ..., from_warehouse_id: _Optional[str] = ..., to_warehouse_id: _Optional[str] = ..., quantity: _Optional[int] = ..., order_id: _Optional[str] = ..., reason: _Optional[str] = ..., requested_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class TransferShipped(_message.Message):
    __slots__ = ("transfer_id", "sku", "from_warehouse_id", "to_warehouse_id", "quantity", "from_level_after", "shipped_at")
    TRANSFER_ID_FIELD_NUMBER: _ClassVar[int]
    SKU_FIELD_NUMBER: _ClassVar[int]
    FROM_WAREHOUSE_ID_FIELD_NUMBER: _ClassVar[int]
    TO_WAREHOUSE_ID_FIELD_NUMBER: _ClassVar[int]
    QUANTITY_FIELD_NUMBER: _ClassVar[int]
    FROM_LEVEL_AFTER_FIELD_NUMBER: _ClassVar[int]
    SHIPPED_AT_FIELD_NUMBER: _ClassVar[int]
    transfer_id: str
    sku: str
    from_warehouse_id: str
    to_warehouse_id: str
    quantity: int
    from_level_after: _inventory_pb2.StockLevel
    shipped_at: _timestamp_pb2.Timestamp
    def __init__(self, transfer_id: _Optional[str] = ..., sku: _Optional[str] = ..., from_warehouse_id: _Optional[str] = ..., to_warehouse_id: _Optional[str] = ..., quantity: _Optional[int] = ..., from_level_after: _Optional[_Union[_inventory_pb2.StockLevel, _Mapping]] = ..., shipped_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class TransferReceived(_message.Message):
    __slots__ = ("transfer_id", "sku", "from_warehouse_id", "to_warehouse_id", "quantity", "to_level_after", "received_at")
    TRANSFER_ID_FIELD_NUMBER: _ClassVar[int]
    SKU_FIELD_NUMBER: _ClassVar[int]
    FROM_WAREHOUSE_ID_FIELD_NUMBER: _ClassVar[int]
    TO_WAREHOUSE_ID_FIELD_NUMBER: _ClassVar[int]
    QUANTITY_FIELD_NUMBER: _ClassVar[int]
    TO_LEVEL_AFTER_FIELD_NUMBER: _ClassVar[int]
    RECEIVED_AT_FIELD_NUMBER: _ClassVar[int]
    transfer_id: str
    sku: str
    from_warehouse_id: str
    to_warehouse_id: str
    quantity: int
    to_level_after: _inventory_pb2.StockLevel
    received_at: _timestamp_pb2.Timestamp
    def __init__(self, transfer_id: _Optional[str] = ..., sku: _Optional[str] = ..., from_warehouse_id: _Optional[str] = ..., to_warehouse_id: _Optional[str] = ..., quantity: _Optional[int] = ..., to_level_after: _Optional[_Union[_inventory_pb2.StockLevel, _Mapping]] = ..., received_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class LowStockDetected(_message.Message):
    __slots__ = ("sku", "warehouse_id", "available", "safety_stock", "detected_at")
    SKU_FIELD_NUMBER: _ClassVar[int]
    WAREHOUSE_ID_FIELD_NUMBER: _ClassVar[int]
    AVAILABLE_FIELD_NUMBER: _ClassVar[int]
    SAFETY_STOCK_FIELD_NUMBER: _ClassVar[int]
    DETECTED_AT_FIELD_NUMBER: _ClassVar[int]
    sku: str
    warehouse_id: str
    available: int
    safety_stock: int
    detected_at: _timestamp_pb2.Timestamp
    def __init__(self, sku: _Optional[str] = ..., warehouse_id: _Optional[str] = ..., available: _Optional[int] = ..., safety_stock: _Optional[int] = ..., detected_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class ReplenishmentSuggested(_message.Message):
    __slots__ = ("sku", "warehouse_id", "suggested_quantity", "daily_sales_velocity", "days_of_cover", "lead_time_days", "reorder_point", "suggested_at")
    SKU_FIELD_NUMBER: _ClassVar[int]
    WAREHOUSE_ID_FIELD_NUMBER: _ClassVar[int]
    SUGGESTED_QUANTITY_FIELD_NUMBER: _ClassVar[int]
    DAILY_SALES_VELOCITY_FIELD_NUMBER: _ClassVar[int]
    DAYS_OF_COVER_FIELD_NUMBER: _ClassVar[int]
    LEAD_TIME_DAYS_FIELD_NUMBER: _ClassVar[int]
    REORDER_POINT_FIELD_NUMBER: _ClassVar[int]
    SUGGESTED_AT_FIELD_NUMBER: _ClassVar[int]
    sku: str
    warehouse_id: str
    suggested_quantity: int
    daily_sales_velocity: float
    days_of_cover: float
    lead_time_days: int
    reorder_point: int
    suggested_at: _timestamp_pb2.Timestamp
    def __init__(self, sku: _Optional[str] = ..., warehouse_id: _Optional[str] = ..., suggested_quantity: _Optional[int] = ..., daily_sales_velocity: _Optional[float] = ..., days_of_cover: _Optional[float] = ..., lead_time_days: _Optional[int] = ..., reorder_point: _Optional[int] = ..., suggested_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...
