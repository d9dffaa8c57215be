import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from oms.common.v1 import actor_pb2 as _actor_pb2
from oms.common.v1 import address_pb2 as _address_pb2
from oms.common.v1 import channel_pb2 as _channel_pb2
from oms.common.v1 import contact_pb2 as _contact_pb2
from oms.common.v1 import invoice_request_pb2 as _invoice_request_pb2
from oms.common.v1 import line_quantity_pb2 as _line_quantity_pb2
from oms.common.v1 import money_pb2 as _money_pb2
from oms.common.v1 import order_line_pb2 as _order_line_pb2
from oms.common.v1 import payment_pb2 as _payment_pb2
from oms.common.v1 import time_window_pb2 as _time_window_pb2
from oms.order.v1 import order_pb2 as _order_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class OrderPlaced(_message.Message):
    __slots__ = ("order_id", "status", "order_number", "channel", "channel_account", "channel_order_id", "customer_id", "contact", "shipping_address", "billing_address", "lines", "reported_totals", "payment_method", "payment_status", "placed_at", "accepted_at", "buyer_note", "requested_delivery", "express_requested", "presale", "group_buy_id", "purchase_order_number", "invoice_request", "promotion_codes", "company_name")
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    ORDER_NUMBER_FIELD_NUMBER: _ClassVar[int]
    CHANNEL_FIELD_NUMBER: _ClassVar[int]
    CHANNEL_ACCOUNT_FIELD_NUMBER: _ClassVar[int]
    CHANNEL_ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    CONTACT_FIELD_NUMBER: _ClassVar[int]
    SHIPPING_ADDRESS_FIELD_NUMBER: _ClassVar[int]
    BILLING_ADDRESS_FIELD_NUMBER: _ClassVar[int]
    LINES_FIELD_NUMBER: _ClassVar[int]
    REPORTED_TOTALS_FIELD_NUMBER: _ClassVar[int]
    PAYMENT_METHOD_FIELD_NUMBER: _ClassVar[int]
    PAYMENT_STATUS_FIELD_NUMBER: _ClassVar[int]
    PLACED_AT_FIELD_NUMBER: _ClassVar[int]
    ACCEPTED_AT_FIELD_NUMBER: _ClassVar[int]
    BUYER_NOTE_FIELD_NUMBER: _ClassVar[int]
    REQUESTED_DELIVERY_FIELD_NUMBER: _ClassVar[int]
    EXPRESS_REQUESTED_FIELD_NUMBER: _ClassVar[int]
    PRESALE_FIELD_NUMBER: _ClassVar[int]
    GROUP_BUY_ID_FIELD_NUMBER: _ClassVar[int]
    PURCHASE_ORDER_NUMBER_FIELD_NUMBER: _ClassVar[int]
    INVOICE_REQUEST_FIELD_NUMBER: _ClassVar[int]
    PROMOTION_CODES_FIELD_NUMBER: _ClassVar[int]
    COMPANY_NAME_FIELD_NUMBER: _ClassVar[int]
    order_id: str
    status: _order_pb2.OrderStatus
    order_number: str
    channel: _channel_pb2.Channel
    channel_account: str
    channel_order_id: str
    customer_id: str
    contact: _contact_pb2.Contact
    shipping_address: _address_pb2.Address
    billing_address: _address_pb2.Address
    lines: _containers.RepeatedCompositeFieldContainer[_order_line_pb2.OrderLine]
    reported_totals: _order_pb2.PriceBreakdown
    payment_method: _payment_pb2.PaymentMethod
    payment_status: _payment_pb2.PaymentStatus
    placed_at: _timestamp_pb2.Timestamp
    accepted_at: _timestamp_pb2.Timestamp
    buyer_note: str
    requested_delivery: _time_window_pb2.TimeWindow
    express_requested: bool
    presale: bool
    group_buy_id: str
    purchase_order_number: str
    invoice_request: _invoice_request_pb2.InvoiceRequest
    promotion_codes: _containers.RepeatedScalarFieldContainer[str]
    company_name: str
    def __init__(self, order_id: _Optional[str] = ..., status: _Optional[_Union[_order_pb2.OrderStatus, str]] = ..., order_number: _Optional[str] = ..., channel: _Optional[_Union[_channel_pb2.Channel, str]] = ..., channel_account: _Optional[str] = ..., channel_order_id: _Optional[str] = ..., customer_id: _Optional[str] = ..., contact: _Optional[_Union[_contact_pb2.Contact, _Mapping]] = ..., shipping_address: _Optional[_Union[_address_pb2.Address, _Mapping]] = ..., billing_address: _Optional[_Union[_address_pb2.Address, _Mapping]] = ..., lines: _Optional[_Iterable[_Union[_order_line_pb2.OrderLine, _Mapping]]] = ..., reported_totals: _Optional[_Union[_order_pb2.PriceBreakdown, _Mapping]] = ..., payment_method: _Optional[_Union[_payment_pb2.PaymentMethod, str]] = ..., payment_status: _Optional[_Union[_payment_pb2.PaymentStatus, str]] = ..., placed_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., accepted_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., buyer_note: _Optional[str] = ..., requested_delivery: _Optional[_Union[_time_window_pb2.TimeWindow, _Mapping]] = ..., express_requested: _Optional[bool] = ..., presale: _Optional[bool] = ..., group_buy_id: _Optional[str] = ..., purchase_order_number: _Optional[str] = ..., invoice_request: _Optional[_Union[_invoice_request_pb2.InvoiceRequest, _Mapping]] = ..., promotion_codes: _Optional[_Iterable[str]] = ..., company_name: _Optional[str] = ...) -> None: ...

class OrderAwaitingPayment(_message.Message):
    __slots__ = ("order_id", "status", "amount_due", "payment_method", "pay_by")
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_DUE_FIELD_NUMBER: _ClassVar[int]
    PAYMENT_METHOD_FIELD_NUMBER: _ClassVar[int]
    PAY_BY_FIELD_NUMBER: _ClassVar[int]
    order_id: str
    status: _order_pb2.OrderStatus
    amount_due: _money_pb2.Money
    payment_method: _payment_pb2.PaymentMethod
    pay_by: _timestamp_pb2.Timestamp
    def __init__(self, order_id: _Optional[str] = ..., status: _Optional[_Union[_order_pb2.OrderStatus, str]] = ..., amount_due: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., payment_method: _Optional[_Union[_payment_pb2.PaymentMethod, str]] = ..., pay_by: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class PaymentConfirmed(_message.Message):
    __slots__ = ("order_id", "status", "payment_reference", "method", "amount", "source", "paid_at")
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    PAYMENT_REFERENCE_FIELD_NUMBER: _ClassVar[int]
    METHOD_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    PAID_AT_FIELD_NUMBER: _ClassVar[int]
    order_id: str
    status: _order_pb2.OrderStatus
    payment_reference: str
    method: _payment_pb2.PaymentMethod
    amount: _money_pb2.Money
    source: _order_pb2.PaymentSource
    paid_at: _timestamp_pb2.Timestamp
    def __init__(self, order_id: _Optional[str] = ..., status: _Optional[_Union[_order_pb2.OrderStatus, str]] = ..., payment_reference: _Optional[str] = ..., method: _Optional[_Union[_payment_pb2.PaymentMethod, str]] = ..., amount: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., source: _Optional[_Union[_order_pb2.PaymentSource, str]] = ..., paid_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class OrderApproved(_message.Message):
    __slots__ = ("order_id", "status", "auto_approved", "approved_by", "approval_levels", "approved_at")
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    AUTO_APPROVED_FIELD_NUMBER: _ClassVar[int]
    APPROVED_BY_FIELD_NUMBER: _ClassVar[int]
    APPROVAL_LEVELS_FIELD_NUMBER: _ClassVar[int]
    APPROVED_AT_FIELD_NUMBER: _ClassVar[int]
    order_id: str
    status: _order_pb2.OrderStatus
    auto_approved: bool
    approved_by: _actor_pb2.Actor
    approval_levels: int
    approved_at: _timestamp_pb2.Timestamp
    def __init__(self, order_id: _Optional[str] = ..., status: _Optional[_Union[_order_pb2.OrderStatus, str]] = ..., auto_approved: _Optional[bool] = ..., approved_by: _Optional[_Union[_actor_pb2.Actor, _Mapping]] = ..., approval_levels: _Optional[int] = ..., approved_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class OrderAllocated(_message.Message):
    __slots__ = ("order_id", "status", "reservation_id", "allocations", "split_part_id", "allocated_at")
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    RESERVATION_ID_FIELD_NUMBER: _ClassVar[int]
    ALLOCATIONS_FIELD_NUMBER: _ClassVar[int]
    SPLIT_PART_ID_FIELD_NUMBER: _ClassVar[int]
    ALLOCATED_AT_FIELD_NUMBER: _ClassVar[int]
    order_id: str
    status: _order_pb2.OrderStatus
    reservation_id: str
    allocations: _containers.RepeatedCompositeFieldContainer[_line_quantity_pb2.WarehouseAllocation]
    split_part_id: str
    allocated_at: _timestamp_pb2.Timestamp
    def __init__(self, order_id: _Optional[str] = ..., status: _Optional[_Union[_order_pb2.OrderStatus, str]] = ..., reservation_id: _Optional[str] = ..., allocations: _Optional[_Iterable[_Union[_line_quantity_pb2.WarehouseAllocation, _Mapping]]] = ..., split_part_id: _Optional[str] = ..., allocated_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class OrderBackordered(_message.Message):
    __slots__ = ("order_id", "status", "reservation_id", "lines", "expected_restock_at", "delivery_eta")
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    RESERVATION_ID_FIELD_NUMBER: _ClassVar[int]
    LINES_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_RESTOCK_AT_FIELD_NUMBER: _ClassVar[int]
    DELIVERY_ETA_FIELD_NUMBER: _ClassVar[int]
    order_id: str
    status: _order_pb2.OrderStatus
    reservation_id: str
    lines: _containers.RepeatedCompositeFieldContainer[_line_quantity_pb2.LineQuantity]
    expected_restock_at: _timestamp_pb2.Timestamp
    delivery_eta: _time_window_pb2.TimeWindow
    def __init__(self, order_id: _Optional[str] = ..., status: _Optional[_Union[_order_pb2.OrderStatus, str]] = ..., reservation_id: _Optional[str] = ..., lines: _Optional[_Iterable[_Union[_line_quantity_pb2.LineQuantity, _Mapping]]] = ..., expected_restock_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., delivery_eta: _Optional[_Union[_time_window_pb2.TimeWindow, _Mapping]] = ...) -> None: ...

class FulfilmentStarted(_message.Message):
    __slots__ = ("order_id", "status", "shipment_ids", "started_at")
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    SHIPMENT_IDS_FIELD_NUMBER: _ClassVar[int]
    STARTED_AT_FIELD_NUMBER: _ClassVar[int]
    order_id: str
    status: _order_pb2.OrderStatus
    shipment_ids: _containers.RepeatedScalarFieldContainer[str]
    started_at: _timestamp_pb2.Timestamp
    def __init__(self, order_id: _Optional[str] = ..., status: _Optional[_Union[_order_pb2.OrderStatus, str]] = ..., shipment_ids: _Optional[_Iterable[str]] = ..., started_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class OrderPartlyShipped(_message.Message):
    __slots__ = ("order_id", "status", "shipment_id", "shipped_lines", "remaining_lines", "carrier_code", "tracking_number", "shipped_at")
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    SHIPMENT_ID_FIELD_NUMBER: _ClassVar[int]
    SHIPPED_LINES_FIELD_NUMBER: _ClassVar[int]
    REMAINING_LINES_FIELD_NUMBER: _ClassVar[int]
    CARRIER_CODE_FIELD_NUMBER: _ClassVar[int]
    TRACKING_NUMBER_FIELD_NUMBER: _ClassVar[int]
    SHIPPED_AT_FIELD_NUMBER: _ClassVar[int]
    order_id: str
    status: _order_pb2.OrderStatus
    shipment_id: str
    shipped_lines: _containers.RepeatedCompositeFieldContainer[_line_quantity_pb2.LineQuantity]
    remaining_lines: _containers.RepeatedCompositeFieldContainer[_line_quantity_pb2.LineQuantity]
    carrier_code: str
    tracking_number: str
    shipped_at: _timestamp_pb2.Timestamp
    def __init__(self, order_id: _Optional[str] = ..., status: _Optional[_Union[_order_pb2.OrderStatus, str]] = ..., shipment_id: _Optional[str] = ..., shipped_lines: _Optional[_Iterable[_Union[_line_quantity_pb2.LineQuantity, _Mapping]]] = ..., remaining_lines: _Optional[_Iterable[_Union[_line_quantity_pb2.LineQuantity, _Mapping]]] = ..., carrier_code: _Optional[str] = ..., tracking_number: _Optional[str] = ..., shipped_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class OrderShipped(_message.Message):
    __slots__ = ("order_id", "status", "shipment_ids", "shipped_at")
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    SHIPMENT_IDS_FIELD_NUMBER: _ClassVar[int]
    SHIPPED_AT_FIELD_NUMBER: _ClassVar[int]
    order_id: str
    status: _order_pb2.OrderStatus
    shipment_ids: _containers.RepeatedScalarFieldContainer[str]
    shipped_at: _timestamp_pb2.Timestamp
    def __init__(self, order_id: _Optional[str] = ..., status: _Optional[_Union[_order_pb2.OrderStatus, str]] = ..., shipment_ids: _Optional[_Iterable[str]] = ..., shipped_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class OrderDelivered(_message.Message):
    __slots__ = ("order_id", "status", "shipment_ids", "delivered_at")
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    SHIPMENT_IDS_FIELD_NUMBER: _ClassVar[int]
    DELIVERED_AT_FIELD_NUMBER: _ClassVar[int]
    order_id: str
    status: _order_pb2.OrderStatus
    shipment_ids: _containers.RepeatedScalarFieldContainer[str]
    delivered_at: _timestamp_pb2.Timestamp
    def __init__(self, order_id: _Optional[str] = ..., status: _Optional[_Union[_order_pb2.OrderStatus, str]] = ..., shipment_ids: _Optional[_Iterable[str]] = ..., delivered_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class OrderCompleted(_message.Message):
    __slots__ = ("order_id", "status", "reason", "completed_at")
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    COMPLETED_AT_FIELD_NUMBER: _ClassVar[int]
    order_id: str
    status: _order_pb2.OrderStatus
    reason: str
    completed_at: _timestamp_pb2.Timestamp
    def __init__(self, order_id: _Optional[str] = ..., status: _Optional[_Union[_order_pb2.OrderStatus, str]] = ..., reason: _Optional[str] = ..., completed_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class OrderCancelled(_message.Message):
    __slots__ = ("order_id", "status", "reason", "detail", "cancelled_by", "refund_due", "previous_status", "cancelled_at")
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    DETAIL_FIELD_NUMBER: _ClassVar[int]
    CANCELLED_BY_FIELD_NUMBER: _ClassVar[int]
    REFUND_DUE_FIELD_NUMBER: _ClassVar[int]
    PREVIOUS_STATUS_FIELD_NUMBER: _ClassVar[int]
    CANCELLED_AT_FIELD_NUMBER: _ClassVar[int]
    order_id: str
    status: _order_pb2.OrderStatus
    reason: _order_pb2.CancellationReason
    detail: str
    cancelled_by: _actor_pb2.Actor
    refund_due: _money_pb2.Money
    previous_status: _order_pb2.OrderStatus
    cancelled_at: _timestamp_pb2.Timestamp
    def __init__(self, order_id: _Optional[str] = ..., status: _Optional[_Union[_order_pb2.OrderStatus, str]] = ..., reason: _Optional[_Union[_order_pb2.CancellationReason, str]] = ..., detail: _Optional[str] = ..., cancelled_by: _Optional[_Union[_actor_pb2.Actor, _Mapping]] = ..., refund_due: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., previous_status: _Optional[_Union[_order_pb2.OrderStatus, str]] = ..., cancelled_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...
