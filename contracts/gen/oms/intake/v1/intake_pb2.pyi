import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from oms.common.v1 import address_pb2 as _address_pb2
from oms.common.v1 import channel_pb2 as _channel_pb2
from oms.common.v1 import contact_pb2 as _contact_pb2
from oms.common.v1 import invoice_request_pb2 as _invoice_request_pb2
from oms.common.v1 import order_line_pb2 as _order_line_pb2
from oms.common.v1 import time_window_pb2 as _time_window_pb2
from oms.intake.v1 import channel_order_pb2 as _channel_order_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class RejectionCode(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    REJECTION_CODE_UNSPECIFIED: _ClassVar[RejectionCode]
    REJECTION_CODE_REQUIRED_FIELD_MISSING: _ClassVar[RejectionCode]
    REJECTION_CODE_INVALID_FORMAT: _ClassVar[RejectionCode]
    REJECTION_CODE_INVALID_PHONE: _ClassVar[RejectionCode]
    REJECTION_CODE_INVALID_EMAIL: _ClassVar[RejectionCode]
    REJECTION_CODE_INVALID_ADDRESS: _ClassVar[RejectionCode]
    REJECTION_CODE_UNKNOWN_SKU: _ClassVar[RejectionCode]
    REJECTION_CODE_INVALID_QUANTITY: _ClassVar[RejectionCode]
    REJECTION_CODE_PRICE_MISMATCH: _ClassVar[RejectionCode]
    REJECTION_CODE_UNSUPPORTED_CURRENCY: _ClassVar[RejectionCode]
    REJECTION_CODE_CURRENCY_MISMATCH: _ClassVar[RejectionCode]
    REJECTION_CODE_DUPLICATE_LINE_ID: _ClassVar[RejectionCode]
    REJECTION_CODE_UNDECODABLE_PAYLOAD: _ClassVar[RejectionCode]
    REJECTION_CODE_UNKNOWN_MESSAGE_TYPE: _ClassVar[RejectionCode]
    REJECTION_CODE_UNKNOWN_CHANNEL_ACCOUNT: _ClassVar[RejectionCode]
    REJECTION_CODE_UNKNOWN_CHANNEL_ORDER: _ClassVar[RejectionCode]
    REJECTION_CODE_VALUE_REFUSED: _ClassVar[RejectionCode]
    REJECTION_CODE_NO_LINES: _ClassVar[RejectionCode]

class CustomerMatchMethod(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    CUSTOMER_MATCH_METHOD_UNSPECIFIED: _ClassVar[CustomerMatchMethod]
    CUSTOMER_MATCH_METHOD_NEW_CUSTOMER: _ClassVar[CustomerMatchMethod]
    CUSTOMER_MATCH_METHOD_CHANNEL_CUSTOMER_ID: _ClassVar[CustomerMatchMethod]
    CUSTOMER_MATCH_METHOD_PHONE: _ClassVar[CustomerMatchMethod]
    CUSTOMER_MATCH_METHOD_EMAIL: _ClassVar[CustomerMatchMethod]
    CUSTOMER_MATCH_METHOD_NAME_AND_ADDRESS: _ClassVar[CustomerMatchMethod]
    CUSTOMER_MATCH_METHOD_MANUAL: _ClassVar[CustomerMatchMethod]

class IntakeSource(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    INTAKE_SOURCE_UNSPECIFIED: _ClassVar[IntakeSource]
    INTAKE_SOURCE_KAFKA: _ClassVar[IntakeSource]
    INTAKE_SOURCE_HTTP: _ClassVar[IntakeSource]
    INTAKE_SOURCE_BATCH_FILE: _ClassVar[IntakeSource]

class BatchFileFormat(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    BATCH_FILE_FORMAT_UNSPECIFIED: _ClassVar[BatchFileFormat]
    BATCH_FILE_FORMAT_CSV: _ClassVar[BatchFileFormat]
    BATCH_FILE_FORMAT_EDIFACT_ORDERS: _ClassVar[BatchFileFormat]
    BATCH_FILE_FORMAT_X12_850: _ClassVar[BatchFileFormat]
REJECTION_CODE_UNSPECIFIED: RejectionCode
REJECTION_CODE_REQUIRED_FIELD_MISSING: RejectionCode
REJECTION_CODE_INVALID_FORMAT: RejectionCode
REJECTION_CODE_INVALID_PHONE: RejectionCode
REJECTION_CODE_INVALID_EMAIL: RejectionCode
REJECTION_CODE_INVALID_ADDRESS: RejectionCode
REJECTION_CODE_UNKNOWN_SKU: RejectionCode
REJECTION_CODE_INVALID_QUANTITY: RejectionCode
REJECTION_CODE_PRICE_MISMATCH: RejectionCode
REJECTION_CODE_UNSUPPORTED_CURRENCY: RejectionCode
REJECTION_CODE_CURRENCY_MISMATCH: RejectionCode
REJECTION_CODE_DUPLICATE_LINE_ID: RejectionCode
REJECTION_CODE_UNDECODABLE_PAYLOAD: RejectionCode
REJECTION_CODE_UNKNOWN_MESSAGE_TYPE: RejectionCode
REJECTION_CODE_UNKNOWN_CHANNEL_ACCOUNT: RejectionCode
REJECTION_CODE_UNKNOWN_CHANNEL_ORDER: RejectionCode
REJECTION_CODE_VALUE_REFUSED: RejectionCode
REJECTION_CODE_NO_LINES: RejectionCode
CUSTOMER_MATCH_METHOD_UNSPECIFIED: CustomerMatchMethod
CUSTOMER_MATCH_METHOD_NEW_CUSTOMER: CustomerMatchMethod
CUSTOMER_MATCH_METHOD_CHANNEL_CUSTOMER_ID: CustomerMatchMethod
CUSTOMER_MATCH_METHOD_PHONE: CustomerMatchMethod
CUSTOMER_MATCH_METHOD_EMAIL: CustomerMatchMethod
CUSTOMER_MATCH_METHOD_NAME_AND_ADDRESS: CustomerMatchMethod
CUSTOMER_MATCH_METHOD_MANUAL: CustomerMatchMethod
INTAKE_SOURCE_UNSPECIFIED: IntakeSource
INTAKE_SOURCE_KAFKA: IntakeSource
INTAKE_SOURCE_HTTP: IntakeSource
INTAKE_SOURCE_BATCH_FILE: IntakeSource
BATCH_FILE_FORMAT_UNSPECIFIED: BatchFileFormat
BATCH_FILE_FORMAT_CSV: BatchFileFormat
BATCH_FILE_FORMAT_EDIFACT_ORDERS: BatchFileFormat
BATCH_FILE_FORMAT_X12_850: BatchFileFormat

class ChannelOrderRef(_message.Message):
    __slots__ = ("channel", "channel_account", "channel_order_id")
    CHANNEL_FIELD_NUMBER: _ClassVar[int]
    CHANNEL_ACCOUNT_FIELD_NUMBER: _ClassVar[int]
    CHANNEL_ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    channel: _channel_pb2.Channel
    channel_account: str
    channel_order_id: str
    def __init__(self, channel: _Optional[_Union[_channel_pb2.Channel, str]] = ..., channel_account: _Optional[str] = ..., channel_order_id: _Optional[str] = ...) -> None: ...

class NormalisedOrder(_message.Message):
    __slots__ = ("channel_order", "customer_id", "customer_name", "company_name", "contact", "shipping_address", "billing_address", "lines", "reported_totals", "payment", "placed_at", "buyer_note", "seller_note", "requested_delivery", "express_requested", "presale", "group_buy_id", "purchase_order_number", "invoice_request", "promotion_codes", "attributes", "membership_level")
    class AttributesEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    CHANNEL_ORDER_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_NAME_FIELD_NUMBER: _ClassVar[int]
    COMPANY_NAME_FIELD_NUMBER: _ClassVar[int]
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
    MEMBERSHIP_LEVEL_FIELD_NUMBER: _ClassVar[int]
    channel_order: ChannelOrderRef
    customer_id: str
    customer_name: str
    company_name: str
    contact: _contact_pb2.Contact
    shipping_address: _address_pb2.Address
    billing_address: _address_pb2.Address
    lines: _containers.RepeatedCompositeFieldContainer[_order_line_pb2.OrderLine]
    reported_totals: _channel_order_pb2.ReportedTotals
    payment: _channel_order_pb2.ReportedPayment
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
    membership_level: str
    def __init__(self, channel_order: _Optional[_Union[ChannelOrderRef, _Mapping]] = ..., customer_id: _Optional[str] = ..., customer_name: _Optional[str] = ..., company_name: _Optional[str] = ..., contact: _Optional[_Union[_contact_pb2.Contact, _Mapping]] = ..., shipping_address: _Optional[_Union[_address_pb2.Address, _Mapping]] = ..., billing_address: _Optional[_Union[_address_pb2.Address, _Mapping]] = ..., lines: _Optional[_Iterable[_Union[_order_line_pb2.OrderLine, _Mapping]]] = ..., reported_totals: _Optional[_Union[_channel_order_pb2.ReportedTotals, _Mapping]] = ..., payment: _Optional[_Union[_channel_order_pb2.ReportedPayment, _Mapping]] = ..., placed_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., buyer_note: _Optional[str] = ..., seller_note: _Optional[str] = ..., requested_delivery: _Optional[_Union[_time_window_pb2.TimeWindow, _Mapping]] = ..., express_requested: _Optional[bool] = ..., presale: _Optional[bool] = ..., group_buy_id: _Optional[str] = ..., purchase_order_number: _Optional[str] = ..., invoice_request: _Optional[_Union[_invoice_request_pb2.InvoiceRequest, _Mapping]] = ..., promotion_codes: _Optional[_Iterable[str]] = ..., attributes: _Optional[_Mapping[str, str]] = ..., membership_level: _Optional[str] = ...) -> None: ...

class RejectionReason(_message.Message):
    __slots__ = ("field_path", "code", "message")
    FIELD_PATH_FIELD_NUMBER: _ClassVar[int]
    CODE_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    field_path: str
    code: RejectionCode
    message: str
    def __init__(self, field_path: _Optional[str] = ..., code: _Optional[_Union[RejectionCode, str]] = ..., message: _Optional[str] = ...) -> None: ...

class BatchRowRef(_message.Message):
    __slots__ = ("batch_id", "row_number")
    BATCH_ID_FIELD_NUMBER: _ClassVar[int]
    ROW_NUMBER_FIELD_NUMBER: _ClassVar[int]
    batch_id: str
    row_number: int
    def __init__(self, batch_id: _Optional[str] = ..., row_number: _Optional[int] = ...) -> None: ...
