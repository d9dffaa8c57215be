import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from oms.common.v1 import address_pb2 as _address_pb2
from oms.common.v1 import channel_pb2 as _channel_pb2
from oms.common.v1 import contact_pb2 as _contact_pb2
from oms.common.v1 import invoice_request_pb2 as _invoice_request_pb2
from oms.common.v1 import money_pb2 as _money_pb2
from oms.common.v1 import order_line_pb2 as _order_line_pb2
from oms.common.v1 import payment_pb2 as _payment_pb2
from oms.common.v1 import time_window_pb2 as _time_window_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ChannelOrder(_message.Message):
    __slots__ = ("channel", "channel_account", "channel_order_id", "customer", "contact", "shipping_address", "billing_address", "lines", "reported_totals", "payment", "placed_at", "buyer_note", "seller_note", "requested_delivery", "express_requested", "presale", "group_buy_id", "purchase_order_number", "invoice_request", "promotion_codes", "attributes")
    class AttributesEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    CHANNEL_FIELD_NUMBER: _ClassVar[int]
    CHANNEL_ACCOUNT_FIELD_NUMBER: _ClassVar[int]
    CHANNEL_ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_FIELD_NUMBER: _ClassVar[int]
    CONTACT_FIELD_NUMBER: _ClassVar[int]
    SHIPPING_ADDRESS_FIELD_NUMBER: _ClassVar[int]
    BILLING_ADDRESS_FIELD_NUMBER: _ClassVar[int]
    LINES_FIELD_NUMBER: _ClassVar[int]
    REPORTED_TOTALS_FIELD_NUMBER: _ClassVar[int]
    PAYMENT_FIELD_NUMBER: _ClassVar[int]
    PLACED_AT_FIELD_NUMBER: _ClassVar[int]
    BUYER_NOTE_FIELD_NUMBER: _ClassVar[int]
    SELLER_NOTE_FIELD_NUMBER: _ClassVar[int]
    REQUESTED_DELIVERY_FIELD_NUMBER: _ClassVar[int]
    EXPRESS_REQUESTED_FIELD_NUMBER: _ClassVar[int]
    PRESALE_FIELD_NUMBER: _ClassVar[int]
    GROUP_BUY_ID_FIELD_NUMBER: _ClassVar[int]
    PURCHASE_ORDER_NUMBER_FIELD_NUMBER: _ClassVar[int]
    INVOICE_REQUEST_FIELD_NUMBER: _ClassVar[int]
    PROMOTION_CODES_FIELD_NUMBER: _ClassVar[int]
    ATTRIBUTES_FIELD_NUMBER: _ClassVar[int]
    channel: _channel_pb2.Channel
    channel_account: str
    channel_order_id: str
    customer: ChannelCustomer
    contact: _contact_pb2.Contact
    shipping_address: _address_pb2.Address
    billing_address: _address_pb2.Address
    lines: _containers.RepeatedCompositeFieldContainer[_order_line_pb2.OrderLine]
    reported_totals: ReportedTotals
    payment: ReportedPayment
    placed_at: _timestamp_pb2.Timestamp
    buyer_note: str
    seller_note: str
    requested_delivery: _time_window_pb2.TimeWindow
    express_requested: bool
    presale: bool
    group_buy_id: str
    purchase_order_number: str
    invoice_request: _invoice_request_pb2.InvoiceRequest
    promotion_codes: _containers.RepeatedScalarFieldContainer[str]
    attributes: _containers.ScalarMap[str, str]
    def __init__(self, channel: _Optional[_Union[_channel_pb2.Channel, str]] = ..., channel_account: _Optional[str] = ..., channel_order_id: _Optional[str] = ..., customer: _Optional[_Union[ChannelCustomer, _Mapping]] = ..., contact: _Optional[_Union[_contact_pb2.Contact, _Mapping]] = ..., shipping_address: _Optional[_Union[_address_pb2.Address, _Mapping]] = ..., billing_address: _Optional[_Union[_address_pb2.Address, _Mapping]] = ..., lines: _Optional[_Iterable[_Union[_order_line_pb2.OrderLine, _Mapping]]] = ..., reported_totals: _Optional[_Union[ReportedTotals, _Mapping]] = ..., payment: _Optional[_Union[ReportedPayment, _Mapping]] = ..., placed_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., buyer_note: _Optional[str] = ..., seller_note: _Optional[str] = ..., requested_delivery: _Optional[_Union[_time_window_pb2.TimeWindow, _Mapping]] = ..., express_requested: _Optional[bool] = ..., presale: _Optional[bool] = ..., group_buy_id: _Optional[str] = ..., purchase_order_number: _Optional[str] = ..., invoice_request: _Optional[_Union[_invoice_request_pb2.InvoiceRequest, _Mapping]] = ..., promotion_codes: _Optional[_Iterable[str]] = ..., attributes: _Optional[_Mapping[str, str]] = ...) -> None: ...

class ChannelCustomer(_message.Message):
    __slots__ = ("channel_customer_id", "name", "membership_level", "company_name")
    CHANNEL_CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    MEMBERSHIP_LEVEL_FIELD_NUMBER: _ClassVar[int]
    COMPANY_NAME_FIELD_NUMBER: _ClassVar[int]
    channel_customer_id: str
    name: str
    membership_level: str
    company_name: str
    def __init__(self, channel_customer_id: _Optional[str] = ..., name: _Optional[str] = ..., membership_level: _Optional[str] = ..., company_name: _Optional[str] = ...) -> None: ...

class ReportedTotals(_message.Message):
    __slots__ = ("subtotal", "discount_total", "shipping_fee", "tax_total", "grand_total")
    SUBTOTAL_FIELD_NUMBER: _ClassVar[int]
    DISCOUNT_TOTAL_FIELD_NUMBER: _ClassVar[int]
    SHIPPING_FEE_FIELD_NUMBER: _ClassVar[int]
    TAX_TOTAL_FIELD_NUMBER: _ClassVar[int]
    GRAND_TOTAL_FIELD_NUMBER: _ClassVar[int]
    subtotal: _money_pb2.Money
    discount_total: _money_pb2.Money
    shipping_fee: _money_pb2.Money
    tax_total: _money_pb2.Money
    grand_total: _money_pb2.Money
    def __init__(self, subtotal: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., discount_total: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., shipping_fee: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., tax_total: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., grand_total: _Optional[_Union[_money_pb2.Money, _Mapping]] = ...) -> None: ...

class ReportedPayment(_message.Message):
    __slots__ = ("status", "method", "paid_amount", "payment_reference", "gateway", "paid_at")
    STATUS_FIELD_NUMBER: _ClassVar[int]
    METHOD_FIELD_NUMBER: _ClassVar[int]
    PAID_AMOUNT_FIELD_NUMBER: _ClassVar[int]
    PAYMENT_REFERENCE_FIELD_NUMBER: _ClassVar[int]
    GATEWAY_FIELD_NUMBER: _ClassVar[int]
    PAID_AT_FIELD_NUMBER: _ClassVar[int]
    status: _payment_pb2.PaymentStatus
    method: _payment_pb2.PaymentMethod
    paid_amount: _money_pb2.Money
    payment_reference: str
    gateway: str
    paid_at: _timestamp_pb2.Timestamp
    def __init__(self, status: _Optional[_Union[_payment_pb2.PaymentStatus, str]] = ..., method: _Optional[_Union[_payment_pb2.PaymentMethod, str]] = ..., paid_amount: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., payment_reference: _Optional[str] = ..., gateway: _Optional[str] = ..., paid_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class ChannelCancellation(_message.Message):
    __slots__ = ("reason", "requested_by_buyer")
    REASON_FIELD_NUMBER: _ClassVar[int]
    REQUESTED_BY_BUYER_FIELD_NUMBER: _ClassVar[int]
    reason: str
    requested_by_buyer: bool
    def __init__(self, reason: _Optional[str] = ..., requested_by_buyer: _Optional[bool] = ...) -> None: ...

class ChannelAddressChange(_message.Message):
    __slots__ = ("shipping_address", "contact")
    SHIPPING_ADDRESS_FIELD_NUMBER: _ClassVar[int]
    CONTACT_FIELD_NUMBER: _ClassVar[int]
    shipping_address: _address_pb2.Address
    contact: _contact_pb2.Contact
    def __init__(self, shipping_address: _Optional[_Union[_address_pb2.Address, _Mapping]] = ..., contact: _Optional[_Union[_contact_pb2.Contact, _Mapping]] = ...) -> None: ...
