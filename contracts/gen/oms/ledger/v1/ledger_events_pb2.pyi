import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from oms.common.v1 import actor_pb2 as _actor_pb2
from oms.common.v1 import money_pb2 as _money_pb2
from oms.common.v1 import payment_pb2 as _payment_pb2
from oms.common.v1 import time_window_pb2 as _time_window_pb2
from oms.ledger.v1 import ledger_pb2 as _ledger_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class JournalEntryPosted(_message.Message):
    __slots__ = ("entry_id", "order_id", "lines", "recognition_rule_id", "source_event_type", "source_event_id", "period", "reverses_entry_id", "memo", "posted_at")
    ENTRY_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    LINES_FIELD_NUMBER: _ClassVar[int]
    RECOGNITION_RULE_ID_FIELD_NUMBER: _ClassVar[int]
    SOURCE_EVENT_TYPE_FIELD_NUMBER: _ClassVar[int]
    SOURCE_EVENT_ID_FIELD_NUMBER: _ClassVar[int]
    PERIOD_FIELD_NUMBER: _ClassVar[int]
    REVERSES_ENTRY_ID_FIELD_NUMBER: _ClassVar[int]
    MEMO_FIELD_NUMBER: _ClassVar[int]
    POSTED_AT_FIELD_NUMBER: _ClassVar[int]
    entry_id: str
    order_id: str
    lines: _containers.RepeatedCompositeFieldContainer[_ledger_pb2.JournalLine]
    recognition_rule_id: str
    source_event_type: str
    source_event_id: str
    period: str
    reverses_entry_id: str
    memo: str
    posted_at: _timestamp_pb2.Timestamp
    def __init__(self, entry_id: _Optional[str] = ..., order_id: _Optional[str] = ..., lines: _Optional[_Iterable[_Union[_ledger_pb2.JournalLine, _Mapping]]] = ..., recognition_rule_id: _Optional[str] = ..., source_event_type: _Optional[str] = ..., source_event_id: _Optional[str] = ..., period: _Optional[str] = ..., reverses_entry_id: _Optional[str] = ..., memo: _Optional[str] = ..., posted_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class PaymentReceived(_message.Message):
    __slots__ = ("payment_id", "order_id", "amount", "method", "gateway", "external_reference", "payer_masked", "received_at")
    PAYMENT_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_FIELD_NUMBER: _ClassVar[int]
    METHOD_FIELD_NUMBER: _ClassVar[int]
    GATEWAY_FIELD_NUMBER: _ClassVar[int]
    EXTERNAL_REFERENCE_FIELD_NUMBER: _ClassVar[int]
    PAYER_MASKED_FIELD_NUMBER: _ClassVar[int]
    RECEIVED_AT_FIELD_NUMBER: _ClassVar[int]
    payment_id: str
    order_id: str
    amount: _money_pb2.Money
    method: _payment_pb2.PaymentMethod
    gateway: str
    external_reference: str
    payer_masked: str
    received_at: _timestamp_pb2.Timestamp
    def __init__(self, payment_id: _Optional[str] = ..., order_id: _Optional[str] = ..., amount: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., method: _Optional[_Union[_payment_pb2.PaymentMethod, str]] = ..., gateway: _Optional[str] = ..., external_reference: _Optional[str] = ..., payer_masked: _Optional[str] = ..., received_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class PaymentMatched(_message.Message):
    __slots__ = ("payment_id", "order_id", "matched_amount", "outstanding_after", "kind", "automatic", "matched_by", "matched_at")
    PAYMENT_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    MATCHED_AMOUNT_FIELD_NUMBER: _ClassVar[int]
    OUTSTANDING_AFTER_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    AUTOMATIC_FIELD_NUMBER: _ClassVar[int]
    MATCHED_BY_FIELD_NUMBER: _ClassVar[int]
    MATCHED_AT_FIELD_NUMBER: _ClassVar[int]
    payment_id: str
    order_id: str
    matched_amount: _money_pb2.Money
    outstanding_after: _money_pb2.Money
    kind: _ledger_pb2.MatchKind
    automatic: bool
    matched_by: _actor_pb2.Actor
    matched_at: _timestamp_pb2.Timestamp
    def __init__(self, payment_id: _Optional[str] = ..., order_id: _Optional[str] = ..., matched_amount: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., outstanding_after: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., kind: _Optional[_Union[_ledger_pb2.MatchKind, str]] = ..., automatic: _Optional[bool] = ..., matched_by: _Optional[_Union[_actor_pb2.Actor, _Mapping]] = ..., matched_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class ReceivableWrittenOff(_message.Message):
    __slots__ = ("write_off_id", "order_id", "amount", "reason", "approved_by", "entry_id", "written_off_at")
    WRITE_OFF_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    APPROVED_BY_FIELD_NUMBER: _ClassVar[int]
    ENTRY_ID_FIELD_NUMBER: _ClassVar[int]
    WRITTEN_OFF_AT_FIELD_NUMBER: _ClassVar[int]
    write_off_id: str
    order_id: str
    amount: _money_pb2.Money
    reason: str
    approved_by: _actor_pb2.Actor
    entry_id: str
    written_off_at: _timestamp_pb2.Timestamp
    def __init__(self, write_off_id: _Optional[str] = ..., order_id: _Optional[str] = ..., amount: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., reason: _Optional[str] = ..., approved_by: _Optional[_Union[_actor_pb2.Actor, _Mapping]] = ..., entry_id: _Optional[str] = ..., written_off_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class RefundIssued(_message.Message):
    __slots__ = ("refund_id", "order_id", "return_id", "amount", "method", "external_reference", "entry_id", "issued_at")
    REFUND_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    RETURN_ID_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_FIELD_NUMBER: _ClassVar[int]
    METHOD_FIELD_NUMBER: _ClassVar[int]
    EXTERNAL_REFERENCE_FIELD_NUMBER: _ClassVar[int]
    ENTRY_ID_FIELD_NUMBER: _ClassVar[int]
    ISSUED_AT_FIELD_NUMBER: _ClassVar[int]
    refund_id: str
    order_id: str
    return_id: str
    amount: _money_pb2.Money
    method: _payment_pb2.PaymentMethod
    external_reference: str
    entry_id: str
    issued_at: _timestamp_pb2.Timestamp
    def __init__(self, refund_id: _Optional[str] = ..., order_id: _Optional[str] = ..., return_id: _Optional[str] = ..., amount: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., method: _Optional[_Union[_payment_pb2.PaymentMethod, str]] = ..., external_reference: _Optional[str] = ..., entry_id: _Optional[str] = ..., issued_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class InvoiceIssued(_message.Message):
    __slots__ = ("invoice_id", "order_id", "invoice_number", "kind", "corrects_invoice_id", "title", "buyer_tax_id", "net_amount", "tax_amount", "total_amount", "document_ref", "sent_to_masked", "issued_at")
    INVOICE_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    INVOICE_NUMBER_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    CORRECTS_INVOICE_ID_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    BUYER_TAX_ID_FIELD_NUMBER: _ClassVar[int]
    NET_AMOUNT_FIELD_NUMBER: _ClassVar[int]
    TAX_AMOUNT_FIELD_NUMBER: _ClassVar[int]
    TOTAL_AMOUNT_FIELD_NUMBER: _ClassVar[int]
    DOCUMENT_REF_FIELD_NUMBER: _ClassVar[int]
    SENT_TO_MASKED_FIELD_NUMBER: _ClassVar[int]
    ISSUED_AT_FIELD_NUMBER: _ClassVar[int]
    invoice_id: str
    order_id: str
    invoice_number: str
    kind: _ledger_pb2.InvoiceKind
    corrects_invoice_id: str
    title: str
    buyer_tax_id: str
    net_amount: _money_pb2.Money
    tax_amount: _money_pb2.Money
    total_amount: _money_pb2.Money
    document_ref: str
    sent_to_masked: str
    issued_at: _timestamp_pb2.Timestamp
    def __init__(self, invoice_id: _Optional[str] = ..., order_id: _Optional[str] = ..., invoice_number: _Optional[str] = ..., kind: _Optional[_Union[_ledger_pb2.InvoiceKind, str]] = ..., corrects_invoice_id: _Optional[str] = ..., title: _Optional[str] = ..., buyer_tax_id: _Optional[str] = ..., net_amount: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., tax_amount: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., total_amount: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., document_ref: _Optional[str] = ..., sent_to_masked: _Optional[str] = ..., issued_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class CodCollected(_message.Message):
    __slots__ = ("order_id", "shipment_id", "carrier_code", "amount", "remittance_reference", "collected_at")
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    SHIPMENT_ID_FIELD_NUMBER: _ClassVar[int]
    CARRIER_CODE_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_FIELD_NUMBER: _ClassVar[int]
    REMITTANCE_REFERENCE_FIELD_NUMBER: _ClassVar[int]
    COLLECTED_AT_FIELD_NUMBER: _ClassVar[int]
    order_id: str
    shipment_id: str
    carrier_code: str
    amount: _money_pb2.Money
    remittance_reference: str
    collected_at: _timestamp_pb2.Timestamp
    def __init__(self, order_id: _Optional[str] = ..., shipment_id: _Optional[str] = ..., carrier_code: _Optional[str] = ..., amount: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., remittance_reference: _Optional[str] = ..., collected_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class StatementImported(_message.Message):
    __slots__ = ("statement_id", "source", "counterparty", "period", "line_count", "total", "file_sha256", "imported_by", "imported_at")
    STATEMENT_ID_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    COUNTERPARTY_FIELD_NUMBER: _ClassVar[int]
    PERIOD_FIELD_NUMBER: _ClassVar[int]
    LINE_COUNT_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    FILE_SHA256_FIELD_NUMBER: _ClassVar[int]
    IMPORTED_BY_FIELD_NUMBER: _ClassVar[int]
    IMPORTED_AT_FIELD_NUMBER: _ClassVar[int]
    statement_id: str
    source: _ledger_pb2.StatementSource
    counterparty: str
    period: _time_window_pb2.TimeWindow
    line_count: int
    total: _money_pb2.Money
    file_sha256: str
    imported_by: _actor_pb2.Actor
    imported_at: _timestamp_pb2.Timestamp
    def __init__(self, statement_id: _Optional[str] = ..., source: _Optional[_Union[_ledger_pb2.StatementSource, str]] = ..., counterparty: _Optional[str] = ..., period: _Optional[_Union[_time_window_pb2.TimeWindow, _Mapping]] = ..., line_count: _Optional[int] = ..., total: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., file_sha256: _Optional[str] = ..., imported_by: _Optional[_Union[_actor_pb2.Actor, _Mapping]] = ..., imported_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class ReconciliationCompleted(_message.Message):
    __slots__ = ("reconciliation_id", "statement_id", "source", "period", "matched_count", "difference_count", "matched_amount", "difference_total", "differences", "completed_at")
    RECONCILIATION_ID_FIELD_NUMBER: _ClassVar[int]
    STATEMENT_ID_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    PERIOD_FIELD_NUMBER: _ClassVar[int]
    MATCHED_COUNT_FIELD_NUMBER: _ClassVar[int]
    DIFFERENCE_COUNT_FIELD_NUMBER: _ClassVar[int]
    MATCHED_AMOUNT_FIELD_NUMBER: _ClassVar[int]
    DIFFERENCE_TOTAL_FIELD_NUMBER: _ClassVar[int]
    DIFFERENCES_FIELD_NUMBER: _ClassVar[int]
    COMPLETED_AT_FIELD_NUMBER: _ClassVar[int]
    reconciliation_id: str
    statement_id: str
    source: _ledger_pb2.StatementSource
    period: _time_window_pb2.TimeWindow
    matched_count: int
    difference_count: int
    matched_amount: _money_pb2.Money
    difference_total: _money_pb2.Money
    differences: _containers.RepeatedCompositeFieldContainer[_ledger_pb2.ReconciliationDifference]
    completed_at: _timestamp_pb2.Timestamp
    def __init__(self, reconciliation_id: _Optional[str] = ..., statement_id: _Optional[str] = ..., source: _Optional[_Union[_ledger_pb2.StatementSource, str]] = ..., period: _Optional[_Union[_time_window_pb2.TimeWindow, _Mapping]] = ..., matched_count: _Optional[int] = ..., difference_count: _Optional[int] = ..., matched_amount: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., difference_total: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., differences: _Optional[_Iterable[_Union[_ledger_pb2.ReconciliationDifference, _Mapping]]] = ..., completed_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class ReconciliationDifferenceFound(_message.Message):
    __slots__ = ("reconciliation_id", "statement_id", "difference", "found_at")
    RECONCILIATION_ID_FIELD_NUMBER: _ClassVar[int]
    STATEMENT_ID_FIELD_NUMBER: _ClassVar[int]
    DIFFERENCE_FIELD_NUMBER: _ClassVar[int]
    FOUND_AT_FIELD_NUMBER: _ClassVar[int]
    reconciliation_id: str
    statement_id: str
    difference: _ledger_pb2.ReconciliationDifference
    found_at: _timestamp_pb2.Timestamp
    def __init__(self, reconciliation_id: _Optional[str] = ..., statement_id: _Optional[str] = ..., difference: _Optional[_Union[_ledger_pb2.ReconciliationDifference, _Mapping]] = ..., found_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class ReconciliationDifferenceResolved(_message.Message):
    __slots__ = ("reconciliation_id", "difference_id", "order_id", "statement_id", "adjusting_entry_id", "resolution", "resolved_by", "resolved_at")
    RECONCILIATION_ID_FIELD_NUMBER: _ClassVar[int]
    DIFFERENCE_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    STATEMENT_ID_FIELD_NUMBER: _ClassVar[int]
    ADJUSTING_ENTRY_ID_FIELD_NUMBER: _ClassVar[int]
    RESOLUTION_FIELD_NUMBER: _ClassVar[int]
    RESOLVED_BY_FIELD_NUMBER: _ClassVar[int]
    RESOLVED_AT_FIELD_NUMBER: _ClassVar[int]
    reconciliation_id: str
    difference_id: str
    order_id: str
    statement_id: str
    adjusting_entry_id: str
    resolution: str
    resolved_by: _actor_pb2.Actor
    resolved_at: _timestamp_pb2.Timestamp
    def __init__(self, reconciliation_id: _Optional[str] = ..., difference_id: _Optional[str] = ..., order_id: _Optional[str] = ..., statement_id: _Optional[str] = ..., adjusting_entry_id: _Optional[str] = ..., resolution: _Optional[str] = ..., resolved_by: _Optional[_Union[_actor_pb2.Actor, _Mapping]] = ..., resolved_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...
