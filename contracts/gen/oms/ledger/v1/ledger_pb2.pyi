from oms.common.v1 import money_pb2 as _money_pb2
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class MatchKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    MATCH_KIND_UNSPECIFIED: _ClassVar[MatchKind]
    MATCH_KIND_EXACT: _ClassVar[MatchKind]
    MATCH_KIND_PARTIAL: _ClassVar[MatchKind]
    MATCH_KIND_OVERPAYMENT: _ClassVar[MatchKind]

class StatementSource(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    STATEMENT_SOURCE_UNSPECIFIED: _ClassVar[StatementSource]
    STATEMENT_SOURCE_CHANNEL_SETTLEMENT: _ClassVar[StatementSource]
    STATEMENT_SOURCE_PAYMENT_GATEWAY: _ClassVar[StatementSource]
    STATEMENT_SOURCE_CARRIER_BILL: _ClassVar[StatementSource]
    STATEMENT_SOURCE_BANK: _ClassVar[StatementSource]

class DifferenceCause(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    DIFFERENCE_CAUSE_UNSPECIFIED: _ClassVar[DifferenceCause]
    DIFFERENCE_CAUSE_MISSING_IN_LEDGER: _ClassVar[DifferenceCause]
    DIFFERENCE_CAUSE_MISSING_IN_STATEMENT: _ClassVar[DifferenceCause]
    DIFFERENCE_CAUSE_AMOUNT_MISMATCH: _ClassVar[DifferenceCause]
    DIFFERENCE_CAUSE_UNBOOKED_FEE: _ClassVar[DifferenceCause]
    DIFFERENCE_CAUSE_DUPLICATE: _ClassVar[DifferenceCause]
    DIFFERENCE_CAUSE_TIMING: _ClassVar[DifferenceCause]
    DIFFERENCE_CAUSE_UNBOOKED_REFUND: _ClassVar[DifferenceCause]
    DIFFERENCE_CAUSE_SHIPPING_SURCHARGE: _ClassVar[DifferenceCause]
    DIFFERENCE_CAUSE_ROUNDING: _ClassVar[DifferenceCause]
    DIFFERENCE_CAUSE_UNEXPLAINED: _ClassVar[DifferenceCause]

class InvoiceKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    INVOICE_KIND_UNSPECIFIED: _ClassVar[InvoiceKind]
    INVOICE_KIND_INVOICE: _ClassVar[InvoiceKind]
    INVOICE_KIND_CREDIT_NOTE: _ClassVar[InvoiceKind]
MATCH_KIND_UNSPECIFIED: MatchKind
MATCH_KIND_EXACT: MatchKind
MATCH_KIND_PARTIAL: MatchKind
MATCH_KIND_OVERPAYMENT: MatchKind
STATEMENT_SOURCE_UNSPECIFIED: StatementSource
STATEMENT_SOURCE_CHANNEL_SETTLEMENT: StatementSource
STATEMENT_SOURCE_PAYMENT_GATEWAY: StatementSource
STATEMENT_SOURCE_CARRIER_BILL: StatementSource
STATEMENT_SOURCE_BANK: StatementSource
DIFFERENCE_CAUSE_UNSPECIFIED: DifferenceCause
DIFFERENCE_CAUSE_MISSING_IN_LEDGER: DifferenceCause
DIFFERENCE_CAUSE_MISSING_IN_STATEMENT: DifferenceCause
DIFFERENCE_CAUSE_AMOUNT_MISMATCH: DifferenceCause
DIFFERENCE_CAUSE_UNBOOKED_FEE: DifferenceCause
DIFFERENCE_CAUSE_DUPLICATE: DifferenceCause
DIFFERENCE_CAUSE_TIMING: DifferenceCause
DIFFERENCE_CAUSE_UNBOOKED_REFUND: DifferenceCause
DIFFERENCE_CAUSE_SHIPPING_SURCHARGE: DifferenceCause
DIFFERENCE_CAUSE_ROUNDING: DifferenceCause
DIFFERENCE_CAUSE_UNEXPLAINED: DifferenceCause
INVOICE_KIND_UNSPECIFIED: InvoiceKind
INVOICE_KIND_INVOICE: InvoiceKind
INVOICE_KIND_CREDIT_NOTE: InvoiceKind

class JournalLine(_message.Message):
    __slots__ = ("account_code", "debit", "credit", "memo")
    ACCOUNT_CODE_FIELD_NUMBER: _ClassVar[int]
    DEBIT_FIELD_NUMBER: _ClassVar[int]
    CREDIT_FIELD_NUMBER: _ClassVar[int]
    MEMO_FIELD_NUMBER: _ClassVar[int]
    account_code: str
    debit: _money_pb2.Money
    credit: _money_pb2.Money
    memo: str
    def __init__(self, account_code: _Optional[str] = ..., debit: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., credit: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., memo: _Optional[str] = ...) -> None: ...

class ReconciliationDifference(_message.Message):
    __slots__ = ("difference_id", "statement_reference", "order_id", "entry_id", "statement_amount", "ledger_amount", "difference", "cause", "explanation")
    DIFFERENCE_ID_FIELD_NUMBER: _ClassVar[int]
    STATEMENT_REFERENCE_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    ENTRY_ID_FIELD_NUMBER: _ClassVar[int]
    STATEMENT_AMOUNT_FIELD_NUMBER: _ClassVar[int]
    LEDGER_AMOUNT_FIELD_NUMBER: _ClassVar[int]
    DIFFERENCE_FIELD_NUMBER: _ClassVar[int]
    CAUSE_FIELD_NUMBER: _ClassVar[int]
    EXPLANATION_FIELD_NUMBER: _ClassVar[int]
    difference_id: str
    statement_reference: str
    order_id: str
    entry_id: str
    statement_amount: _money_pb2.Money
    ledger_amount: _money_pb2.Money
    difference: _money_pb2.Money
    cause: DifferenceCause
    explanation: str
    def __init__(self, difference_id: _Optional[str] = ..., statement_reference: _Optional[str] = ..., order_id: _Optional[str] = ..., entry_id: _Optional[str] = ..., statement_amount: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., ledger_amount: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., difference: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., cause: _Optional[_Union[DifferenceCause, str]] = ..., explanation: _Optional[str] = ...) -> None: ...
