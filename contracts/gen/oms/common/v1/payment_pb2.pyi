from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from typing import ClassVar as _ClassVar

DESCRIPTOR: _descriptor.FileDescriptor

class PaymentMethod(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    PAYMENT_METHOD_UNSPECIFIED: _ClassVar[PaymentMethod]
    PAYMENT_METHOD_ONLINE: _ClassVar[PaymentMethod]
    PAYMENT_METHOD_MARKETPLACE_ESCROW: _ClassVar[PaymentMethod]
    PAYMENT_METHOD_CASH_ON_DELIVERY: _ClassVar[PaymentMethod]
    PAYMENT_METHOD_BANK_TRANSFER: _ClassVar[PaymentMethod]
    PAYMENT_METHOD_CREDIT_TERMS: _ClassVar[PaymentMethod]
    PAYMENT_METHOD_IN_STORE: _ClassVar[PaymentMethod]

class PaymentStatus(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    PAYMENT_STATUS_UNSPECIFIED: _ClassVar[PaymentStatus]
    PAYMENT_STATUS_UNPAID: _ClassVar[PaymentStatus]
    PAYMENT_STATUS_AUTHORISED: _ClassVar[PaymentStatus]
    PAYMENT_STATUS_PARTLY_PAID: _ClassVar[PaymentStatus]
    PAYMENT_STATUS_PAID: _ClassVar[PaymentStatus]
    PAYMENT_STATUS_CASH_ON_DELIVERY: _ClassVar[PaymentStatus]
    PAYMENT_STATUS_PARTLY_REFUNDED: _ClassVar[PaymentStatus]
    PAYMENT_STATUS_REFUNDED: _ClassVar[PaymentStatus]
PAYMENT_METHOD_UNSPECIFIED: PaymentMethod
PAYMENT_METHOD_ONLINE: PaymentMethod
PAYMENT_METHOD_MARKETPLACE_ESCROW: PaymentMethod
PAYMENT_METHOD_CASH_ON_DELIVERY: PaymentMethod
PAYMENT_METHOD_BANK_TRANSFER: PaymentMethod
PAYMENT_METHOD_CREDIT_TERMS: PaymentMethod
PAYMENT_METHOD_IN_STORE: PaymentMethod
PAYMENT_STATUS_UNSPECIFIED: PaymentStatus
PAYMENT_STATUS_UNPAID: PaymentStatus
PAYMENT_STATUS_AUTHORISED: PaymentStatus
PAYMENT_STATUS_PARTLY_PAID: PaymentStatus
PAYMENT_STATUS_PAID: PaymentStatus
PAYMENT_STATUS_CASH_ON_DELIVERY: PaymentStatus
PAYMENT_STATUS_PARTLY_REFUNDED: PaymentStatus
PAYMENT_STATUS_REFUNDED: PaymentStatus
