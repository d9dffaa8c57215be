from oms.common.v1 import line_quantity_pb2 as _line_quantity_pb2
from oms.common.v1 import money_pb2 as _money_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class OrderStatus(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    ORDER_STATUS_UNSPECIFIED: _ClassVar[OrderStatus]
    ORDER_STATUS_RECEIVED: _ClassVar[OrderStatus]
    ORDER_STATUS_AWAITING_PAYMENT: _ClassVar[OrderStatus]
    ORDER_STATUS_PAID: _ClassVar[OrderStatus]
    ORDER_STATUS_UNDER_REVIEW: _ClassVar[OrderStatus]
    ORDER_STATUS_ON_HOLD: _ClassVar[OrderStatus]
    ORDER_STATUS_APPROVED: _ClassVar[OrderStatus]
    ORDER_STATUS_ALLOCATED: _ClassVar[OrderStatus]
    ORDER_STATUS_IN_FULFILMENT: _ClassVar[OrderStatus]
    ORDER_STATUS_PARTLY_SHIPPED: _ClassVar[OrderStatus]
    ORDER_STATUS_SHIPPED: _ClassVar[OrderStatus]
    ORDER_STATUS_DELIVERED: _ClassVar[OrderStatus]
    ORDER_STATUS_COMPLETED: _ClassVar[OrderStatus]
    ORDER_STATUS_CANCELLED: _ClassVar[OrderStatus]
    ORDER_STATUS_RETURNED: _ClassVar[OrderStatus]
    ORDER_STATUS_REFUNDED: _ClassVar[OrderStatus]

class HoldReason(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    HOLD_REASON_UNSPECIFIED: _ClassVar[HoldReason]
    HOLD_REASON_PAYMENT_NOT_VERIFIED: _ClassVar[HoldReason]
    HOLD_REASON_PAYMENT_AMOUNT_MISMATCH: _ClassVar[HoldReason]
    HOLD_REASON_PRICE_MISMATCH: _ClassVar[HoldReason]
    HOLD_REASON_CREDIT_RISK: _ClassVar[HoldReason]
    HOLD_REASON_BLACKLISTED: _ClassVar[HoldReason]
    HOLD_REASON_ADDRESS_ANOMALY: _ClassVar[HoldReason]
    HOLD_REASON_UNUSUAL_QUANTITY: _ClassVar[HoldReason]
    HOLD_REASON_COD_LIMIT_EXCEEDED: _ClassVar[HoldReason]
    HOLD_REASON_APPROVAL_REQUIRED: _ClassVar[HoldReason]
    HOLD_REASON_MANUAL: _ClassVar[HoldReason]
    HOLD_REASON_CUSTOMER_REQUEST: _ClassVar[HoldReason]
    HOLD_REASON_MERGE_WINDOW: _ClassVar[HoldReason]

class CancellationReason(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    CANCELLATION_REASON_UNSPECIFIED: _ClassVar[CancellationReason]
    CANCELLATION_REASON_CUSTOMER_REQUEST: _ClassVar[CancellationReason]
    CANCELLATION_REASON_CHANNEL_CANCELLED: _ClassVar[CancellationReason]
    CANCELLATION_REASON_PAYMENT_TIMEOUT: _ClassVar[CancellationReason]
    CANCELLATION_REASON_REVIEW_REJECTED: _ClassVar[CancellationReason]
    CANCELLATION_REASON_OUT_OF_STOCK: _ClassVar[CancellationReason]
    CANCELLATION_REASON_DUPLICATE: _ClassVar[CancellationReason]
    CANCELLATION_REASON_STAFF_DECISION: _ClassVar[CancellationReason]

class OrderPriority(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    ORDER_PRIORITY_UNSPECIFIED: _ClassVar[OrderPriority]
    ORDER_PRIORITY_LOW: _ClassVar[OrderPriority]
    ORDER_PRIORITY_NORMAL: _ClassVar[OrderPriority]
    ORDER_PRIORITY_HIGH: _ClassVar[OrderPriority]
    ORDER_PRIORITY_URGENT: _ClassVar[OrderPriority]

class CustomerTier(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    CUSTOMER_TIER_UNSPECIFIED: _ClassVar[CustomerTier]
    CUSTOMER_TIER_STANDARD: _ClassVar[CustomerTier]
    CUSTOMER_TIER_VIP: _ClassVar[CustomerTier]
    CUSTOMER_TIER_BUSINESS: _ClassVar[CustomerTier]
    CUSTOMER_TIER_NEW: _ClassVar[CustomerTier]

class OrderKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    ORDER_KIND_UNSPECIFIED: _ClassVar[OrderKind]
    ORDER_KIND_EXPRESS: _ClassVar[OrderKind]
    ORDER_KIND_PRESALE: _ClassVar[OrderKind]
    ORDER_KIND_GROUP_BUY: _ClassVar[OrderKind]
    ORDER_KIND_B2B: _ClassVar[OrderKind]
    ORDER_KIND_MADE_TO_ORDER: _ClassVar[OrderKind]
    ORDER_KIND_CASH_ON_DELIVERY: _ClassVar[OrderKind]
    ORDER_KIND_GIFT: _ClassVar[OrderKind]

class PromotionKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    PROMOTION_KIND_UNSPECIFIED: _ClassVar[PromotionKind]
    PROMOTION_KIND_PERCENT_OFF: _ClassVar[PromotionKind]
    PROMOTION_KIND_FIXED_AMOUNT_OFF: _ClassVar[PromotionKind]
    PROMOTION_KIND_SPEND_THRESHOLD: _ClassVar[PromotionKind]
    PROMOTION_KIND_BUY_X_GET_Y: _ClassVar[PromotionKind]
    PROMOTION_KIND_FREE_SHIPPING: _ClassVar[PromotionKind]

class ReviewRuleKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    REVIEW_RULE_KIND_UNSPECIFIED: _ClassVar[ReviewRuleKind]
    REVIEW_RULE_KIND_PAYMENT_VERIFIED: _ClassVar[ReviewRuleKind]
    REVIEW_RULE_KIND_AMOUNT_MATCHES: _ClassVar[ReviewRuleKind]
    REVIEW_RULE_KIND_CUSTOMER_CREDIT: _ClassVar[ReviewRuleKind]
    REVIEW_RULE_KIND_BLACKLIST: _ClassVar[ReviewRuleKind]
    REVIEW_RULE_KIND_ADDRESS_ANOMALY: _ClassVar[ReviewRuleKind]
    REVIEW_RULE_KIND_UNUSUAL_QUANTITY: _ClassVar[ReviewRuleKind]
    REVIEW_RULE_KIND_COD_LIMIT: _ClassVar[ReviewRuleKind]
    REVIEW_RULE_KIND_APPROVAL_LEVELS: _ClassVar[ReviewRuleKind]
    REVIEW_RULE_KIND_PRICE_MATCHES: _ClassVar[ReviewRuleKind]

class ReviewOutcome(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    REVIEW_OUTCOME_UNSPECIFIED: _ClassVar[ReviewOutcome]
    REVIEW_OUTCOME_APPROVE: _ClassVar[ReviewOutcome]
    REVIEW_OUTCOME_HOLD: _ClassVar[ReviewOutcome]
    REVIEW_OUTCOME_REJECT: _ClassVar[ReviewOutcome]
    REVIEW_OUTCOME_ESCALATE: _ClassVar[ReviewOutcome]

class SplitReleasePolicy(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    SPLIT_RELEASE_POLICY_UNSPECIFIED: _ClassVar[SplitReleasePolicy]
    SPLIT_RELEASE_POLICY_SHIP_NOW: _ClassVar[SplitReleasePolicy]
    SPLIT_RELEASE_POLICY_SHIP_WHEN_IN_STOCK: _ClassVar[SplitReleasePolicy]
    SPLIT_RELEASE_POLICY_SHIP_AFTER_DATE: _ClassVar[SplitReleasePolicy]

class SplitReason(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    SPLIT_REASON_UNSPECIFIED: _ClassVar[SplitReason]
    SPLIT_REASON_PRESALE: _ClassVar[SplitReason]
    SPLIT_REASON_BACKORDER: _ClassVar[SplitReason]
    SPLIT_REASON_MULTI_WAREHOUSE: _ClassVar[SplitReason]
    SPLIT_REASON_OVERSIZE: _ClassVar[SplitReason]
    SPLIT_REASON_MADE_TO_ORDER: _ClassVar[SplitReason]
    SPLIT_REASON_CUSTOMER_REQUEST: _ClassVar[SplitReason]

class OrderChangeKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    ORDER_CHANGE_KIND_UNSPECIFIED: _ClassVar[OrderChangeKind]
    ORDER_CHANGE_KIND_CANCEL: _ClassVar[OrderChangeKind]
    ORDER_CHANGE_KIND_ADDRESS: _ClassVar[OrderChangeKind]
    ORDER_CHANGE_KIND_ITEMS: _ClassVar[OrderChangeKind]
    ORDER_CHANGE_KIND_DELIVERY_TIME: _ClassVar[OrderChangeKind]
    ORDER_CHANGE_KIND_RETURN: _ClassVar[OrderChangeKind]
    ORDER_CHANGE_KIND_STATUS_TRANSITION: _ClassVar[OrderChangeKind]
    ORDER_CHANGE_KIND_PAYMENT: _ClassVar[OrderChangeKind]

class ChangeSource(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    CHANGE_SOURCE_UNSPECIFIED: _ClassVar[ChangeSource]
    CHANGE_SOURCE_CHANNEL: _ClassVar[ChangeSource]
    CHANGE_SOURCE_CUSTOMER_SELF_SERVICE: _ClassVar[ChangeSource]
    CHANGE_SOURCE_STAFF: _ClassVar[ChangeSource]
    CHANGE_SOURCE_SYSTEM: _ClassVar[ChangeSource]

class PaymentSource(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    PAYMENT_SOURCE_UNSPECIFIED: _ClassVar[PaymentSource]
    PAYMENT_SOURCE_CHANNEL: _ClassVar[PaymentSource]
    PAYMENT_SOURCE_GATEWAY: _ClassVar[PaymentSource]
    PAYMENT_SOURCE_BANK_TRANSFER: _ClassVar[PaymentSource]
    PAYMENT_SOURCE_MANUAL: _ClassVar[PaymentSource]
    PAYMENT_SOURCE_DEFERRED: _ClassVar[PaymentSource]

class ReturnKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    RETURN_KIND_UNSPECIFIED: _ClassVar[ReturnKind]
    RETURN_KIND_REFUND: _ClassVar[ReturnKind]
    RETURN_KIND_EXCHANGE: _ClassVar[ReturnKind]

class ReturnReason(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    RETURN_REASON_UNSPECIFIED: _ClassVar[ReturnReason]
    RETURN_REASON_CHANGED_MIND: _ClassVar[ReturnReason]
    RETURN_REASON_DAMAGED: _ClassVar[ReturnReason]
    RETURN_REASON_DEFECTIVE: _ClassVar[ReturnReason]
    RETURN_REASON_WRONG_ITEM: _ClassVar[ReturnReason]
    RETURN_REASON_SIZE_OR_FIT: _ClassVar[ReturnReason]
    RETURN_REASON_NOT_AS_DESCRIBED: _ClassVar[ReturnReason]
    RETURN_REASON_LATE_DELIVERY: _ClassVar[ReturnReason]

class ItemCondition(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    ITEM_CONDITION_UNSPECIFIED: _ClassVar[ItemCondition]
    ITEM_CONDITION_AS_NEW: _ClassVar[ItemCondition]
    ITEM_CONDITION_OPENED: _ClassVar[ItemCondition]
    ITEM_CONDITION_DAMAGED: _ClassVar[ItemCondition]
    ITEM_CONDITION_DEFECTIVE: _ClassVar[ItemCondition]
    ITEM_CONDITION_WRONG_ITEM: _ClassVar[ItemCondition]
    ITEM_CONDITION_MISSING: _ClassVar[ItemCondition]

class Disposition(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    DISPOSITION_UNSPECIFIED: _ClassVar[Disposition]
    DISPOSITION_RESTOCK: _ClassVar[Disposition]
    DISPOSITION_REFURBISH: _ClassVar[Disposition]
    DISPOSITION_SCRAP: _ClassVar[Disposition]
    DISPOSITION_RETURN_TO_VENDOR: _ClassVar[Disposition]
ORDER_STATUS_UNSPECIFIED: OrderStatus
ORDER_STATUS_RECEIVED: OrderStatus
ORDER_STATUS_AWAITING_PAYMENT: OrderStatus
ORDER_STATUS_PAID: OrderStatus
ORDER_STATUS_UNDER_REVIEW: OrderStatus
ORDER_STATUS_ON_HOLD: OrderStatus
ORDER_STATUS_APPROVED: OrderStatus
ORDER_STATUS_ALLOCATED: OrderStatus
ORDER_STATUS_IN_FULFILMENT: OrderStatus
ORDER_STATUS_PARTLY_SHIPPED: OrderStatus
ORDER_STATUS_SHIPPED: OrderStatus
ORDER_STATUS_DELIVERED: OrderStatus
ORDER_STATUS_COMPLETED: OrderStatus
ORDER_STATUS_CANCELLED: OrderStatus
ORDER_STATUS_RETURNED: OrderStatus
ORDER_STATUS_REFUNDED: OrderStatus
HOLD_REASON_UNSPECIFIED: HoldReason
HOLD_REASON_PAYMENT_NOT_VERIFIED: HoldReason
HOLD_REASON_PAYMENT_AMOUNT_MISMATCH: HoldReason
HOLD_REASON_PRICE_MISMATCH: HoldReason
HOLD_REASON_CREDIT_RISK: HoldReason
HOLD_REASON_BLACKLISTED: HoldReason
HOLD_REASON_ADDRESS_ANOMALY: HoldReason
HOLD_REASON_UNUSUAL_QUANTITY: HoldReason
HOLD_REASON_COD_LIMIT_EXCEEDED: HoldReason
HOLD_REASON_APPROVAL_REQUIRED: HoldReason
HOLD_REASON_MANUAL: HoldReason
HOLD_REASON_CUSTOMER_REQUEST: HoldReason
HOLD_REASON_MERGE_WINDOW: HoldReason
CANCELLATION_REASON_UNSPECIFIED: CancellationReason
CANCELLATION_REASON_CUSTOMER_REQUEST: CancellationReason
CANCELLATION_REASON_CHANNEL_CANCELLED: CancellationReason
CANCELLATION_REASON_PAYMENT_TIMEOUT: CancellationReason
CANCELLATION_REASON_REVIEW_REJECTED: CancellationReason
CANCELLATION_REASON_OUT_OF_STOCK: CancellationReason
CANCELLATION_REASON_DUPLICATE: CancellationReason
CANCELLATION_REASON_STAFF_DECISION: CancellationReason
ORDER_PRIORITY_UNSPECIFIED: OrderPriority
ORDER_PRIORITY_LOW: OrderPriority
ORDER_PRIORITY_NORMAL: OrderPriority
ORDER_PRIORITY_HIGH: OrderPriority
ORDER_PRIORITY_URGENT: OrderPriority
CUSTOMER_TIER_UNSPECIFIED: CustomerTier
CUSTOMER_TIER_STANDARD: CustomerTier
CUSTOMER_TIER_VIP: CustomerTier
CUSTOMER_TIER_BUSINESS: CustomerTier
CUSTOMER_TIER_NEW: CustomerTier
ORDER_KIND_UNSPECIFIED: OrderKind
ORDER_KIND_EXPRESS: OrderKind
ORDER_KIND_PRESALE: OrderKind
ORDER_KIND_GROUP_BUY: OrderKind
ORDER_KIND_B2B: OrderKind
ORDER_KIND_MADE_TO_ORDER: OrderKind
ORDER_KIND_CASH_ON_DELIVERY: OrderKind
ORDER_KIND_GIFT: OrderKind
PROMOTION_KIND_UNSPECIFIED: PromotionKind
PROMOTION_KIND_PERCENT_OFF: PromotionKind
PROMOTION_KIND_FIXED_AMOUNT_OFF: PromotionKind
PROMOTION_KIND_SPEND_THRESHOLD: PromotionKind
PROMOTION_KIND_BUY_X_GET_Y: PromotionKind
PROMOTION_KIND_FREE_SHIPPING: PromotionKind
REVIEW_RULE_KIND_UNSPECIFIED: ReviewRuleKind
REVIEW_RULE_KIND_PAYMENT_VERIFIED: ReviewRuleKind
REVIEW_RULE_KIND_AMOUNT_MATCHES: ReviewRuleKind
REVIEW_RULE_KIND_CUSTOMER_CREDIT: ReviewRuleKind
REVIEW_RULE_KIND_BLACKLIST: ReviewRuleKind
REVIEW_RULE_KIND_ADDRESS_ANOMALY: ReviewRuleKind
REVIEW_RULE_KIND_UNUSUAL_QUANTITY: ReviewRuleKind
REVIEW_RULE_KIND_COD_LIMIT: ReviewRuleKind
REVIEW_RULE_KIND_APPROVAL_LEVELS: ReviewRuleKind
REVIEW_RULE_KIND_PRICE_MATCHES: ReviewRuleKind
REVIEW_OUTCOME_UNSPECIFIED: ReviewOutcome
REVIEW_OUTCOME_APPROVE: ReviewOutcome
REVIEW_OUTCOME_HOLD: ReviewOutcome
REVIEW_OUTCOME_REJECT: ReviewOutcome
REVIEW_OUTCOME_ESCALATE: ReviewOutcome
SPLIT_RELEASE_POLICY_UNSPECIFIED: SplitReleasePolicy
SPLIT_RELEASE_POLICY_SHIP_NOW: SplitReleasePolicy
SPLIT_RELEASE_POLICY_SHIP_WHEN_IN_STOCK: SplitReleasePolicy
SPLIT_RELEASE_POLICY_SHIP_AFTER_DATE: SplitReleasePolicy
SPLIT_REASON_UNSPECIFIED: SplitReason
SPLIT_REASON_PRESALE: SplitReason
SPLIT_REASON_BACKORDER: SplitReason
SPLIT_REASON_MULTI_WAREHOUSE: SplitReason
SPLIT_REASON_OVERSIZE: SplitReason
SPLIT_REASON_MADE_TO_ORDER: SplitReason
SPLIT_REASON_CUSTOMER_REQUEST: SplitReason
ORDER_CHANGE_KIND_UNSPECIFIED: OrderChangeKind
ORDER_CHANGE_KIND_CANCEL: OrderChangeKind
ORDER_CHANGE_KIND_ADDRESS: OrderChangeKind
ORDER_CHANGE_KIND_ITEMS: OrderChangeKind
ORDER_CHANGE_KIND_DELIVERY_TIME: OrderChangeKind
ORDER_CHANGE_KIND_RETURN: OrderChangeKind
ORDER_CHANGE_KIND_STATUS_TRANSITION: OrderChangeKind
ORDER_CHANGE_KIND_PAYMENT: OrderChangeKind
CHANGE_SOURCE_UNSPECIFIED: ChangeSource
CHANGE_SOURCE_CHANNEL: ChangeSource
CHANGE_SOURCE_CUSTOMER_SELF_SERVICE: ChangeSource
CHANGE_SOURCE_STAFF: ChangeSource
CHANGE_SOURCE_SYSTEM: ChangeSource
PAYMENT_SOURCE_UNSPECIFIED: PaymentSource
PAYMENT_SOURCE_CHANNEL: PaymentSource
PAYMENT_SOURCE_GATEWAY: PaymentSource
PAYMENT_SOURCE_BANK_TRANSFER: PaymentSource
PAYMENT_SOURCE_MANUAL: PaymentSource
PAYMENT_SOURCE_DEFERRED: PaymentSource
RETURN_KIND_UNSPECIFIED: ReturnKind
RETURN_KIND_REFUND: ReturnKind
RETURN_KIND_EXCHANGE: ReturnKind
RETURN_REASON_UNSPECIFIED: ReturnReason
RETURN_REASON_CHANGED_MIND: ReturnReason
RETURN_REASON_DAMAGED: ReturnReason
RETURN_REASON_DEFECTIVE: ReturnReason
RETURN_REASON_WRONG_ITEM: ReturnReason
RETURN_REASON_SIZE_OR_FIT: ReturnReason
RETURN_REASON_NOT_AS_DESCRIBED: ReturnReason
RETURN_REASON_LATE_DELIVERY: ReturnReason
ITEM_CONDITION_UNSPECIFIED: ItemCondition
ITEM_CONDITION_AS_NEW: ItemCondition
ITEM_CONDITION_OPENED: ItemCondition
ITEM_CONDITION_DAMAGED: ItemCondition
ITEM_CONDITION_DEFECTIVE: ItemCondition
ITEM_CONDITION_WRONG_ITEM: ItemCondition
ITEM_CONDITION_MISSING: ItemCondition
DISPOSITION_UNSPECIFIED: Disposition
DISPOSITION_RESTOCK: Disposition
DISPOSITION_REFURBISH: Disposition
DISPOSITION_SCRAP: Disposition
DISPOSITION_RETURN_TO_VENDOR: Disposition

class LinePrice(_message.Message):
    __slots__ = ("line_id", "unit_price", "quantity", "discount", "tax", "line_total")
    LINE_ID_FIELD_NUMBER: _ClassVar[int]
    UNIT_PRICE_FIELD_NUMBER: _ClassVar[int]
    QUANTITY_FIELD_NUMBER: _ClassVar[int]
    DISCOUNT_FIELD_NUMBER: _ClassVar[int]
    TAX_FIELD_NUMBER: _ClassVar[int]
    LINE_TOTAL_FIELD_NUMBER: _ClassVar[int]
    line_id: str
    unit_price: _money_pb2.Money
    quantity: int
    discount: _money_pb2.Money
    tax: _money_pb2.Money
    line_total: _money_pb2.Money
    def __init__(self, line_id: _Optional[str] = ..., unit_price: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., quantity: _Optional[int] = ..., discount: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., tax: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., line_total: _Optional[_Union[_money_pb2.Money, _Mapping]] = ...) -> None: ...

class PriceBreakdown(_message.Message):
    __slots__ = ("subtotal", "discount_total", "shipping_fee", "tax_total", "grand_total", "lines")
    SUBTOTAL_FIELD_NUMBER: _ClassVar[int]
    DISCOUNT_TOTAL_FIELD_NUMBER: _ClassVar[int]
    SHIPPING_FEE_FIELD_NUMBER: _ClassVar[int]
    TAX_TOTAL_FIELD_NUMBER: _ClassVar[int]
    GRAND_TOTAL_FIELD_NUMBER: _ClassVar[int]
    LINES_FIELD_NUMBER: _ClassVar[int]
    subtotal: _money_pb2.Money
    discount_total: _money_pb2.Money
    shipping_fee: _money_pb2.Money
    tax_total: _money_pb2.Money
    grand_total: _money_pb2.Money
    lines: _containers.RepeatedCompositeFieldContainer[LinePrice]
    def __init__(self, subtotal: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., discount_total: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., shipping_fee: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., tax_total: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., grand_total: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., lines: _Optional[_Iterable[_Union[LinePrice, _Mapping]]] = ...) -> None: ...

class AppliedPromotion(_message.Message):
    __slots__ = ("promotion_id", "kind", "description", "discount", "line_ids", "promotion_code")
    PROMOTION_ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    DISCOUNT_FIELD_NUMBER: _ClassVar[int]
    LINE_IDS_FIELD_NUMBER: _ClassVar[int]
    PROMOTION_CODE_FIELD_NUMBER: _ClassVar[int]
    promotion_id: str
    kind: PromotionKind
    description: str
    discount: _money_pb2.Money
    line_ids: _containers.RepeatedScalarFieldContainer[str]
    promotion_code: str
    def __init__(self, promotion_id: _Optional[str] = ..., kind: _Optional[_Union[PromotionKind, str]] = ..., description: _Optional[str] = ..., discount: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., line_ids: _Optional[_Iterable[str]] = ..., promotion_code: _Optional[str] = ...) -> None: ...

class TaxAmount(_message.Message):
    __slots__ = ("tax_code", "rate_basis_points", "taxable_amount", "tax")
    TAX_CODE_FIELD_NUMBER: _ClassVar[int]
    RATE_BASIS_POINTS_FIELD_NUMBER: _ClassVar[int]
    TAXABLE_AMOUNT_FIELD_NUMBER: _ClassVar[int]
    TAX_FIELD_NUMBER: _ClassVar[int]
    tax_code: str
    rate_basis_points: int
    taxable_amount: _money_pb2.Money
    tax: _money_pb2.Money
    def __init__(self, tax_code: _Optional[str] = ..., rate_basis_points: _Optional[int] = ..., taxable_amount: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., tax: _Optional[_Union[_money_pb2.Money, _Mapping]] = ...) -> None: ...

class PriceDifference(_message.Message):
    __slots__ = ("field_path", "computed", "reported")
    FIELD_PATH_FIELD_NUMBER: _ClassVar[int]
    COMPUTED_FIELD_NUMBER: _ClassVar[int]
    REPORTED_FIELD_NUMBER: _ClassVar[int]
    field_path: str
    computed: _money_pb2.Money
    reported: _money_pb2.Money
    def __init__(self, field_path: _Optional[str] = ..., computed: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., reported: _Optional[_Union[_money_pb2.Money, _Mapping]] = ...) -> None: ...

class ReviewCheckResult(_message.Message):
    __slots__ = ("rule_id", "kind", "passed", "detail")
    RULE_ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    PASSED_FIELD_NUMBER: _ClassVar[int]
    DETAIL_FIELD_NUMBER: _ClassVar[int]
    rule_id: str
    kind: ReviewRuleKind
    passed: bool
    detail: str
    def __init__(self, rule_id: _Optional[str] = ..., kind: _Optional[_Union[ReviewRuleKind, str]] = ..., passed: _Optional[bool] = ..., detail: _Optional[str] = ...) -> None: ...

class SplitPart(_message.Message):
    __slots__ = ("part_id", "lines", "reason", "release_policy")
    PART_ID_FIELD_NUMBER: _ClassVar[int]
    LINES_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    RELEASE_POLICY_FIELD_NUMBER: _ClassVar[int]
    part_id: str
    lines: _containers.RepeatedCompositeFieldContainer[_line_quantity_pb2.LineQuantity]
    reason: SplitReason
    release_policy: SplitReleasePolicy
    def __init__(self, part_id: _Optional[str] = ..., lines: _Optional[_Iterable[_Union[_line_quantity_pb2.LineQuantity, _Mapping]]] = ..., reason: _Optional[_Union[SplitReason, str]] = ..., release_policy: _Optional[_Union[SplitReleasePolicy, str]] = ...) -> None: ...

class ReturnLine(_message.Message):
    __slots__ = ("line_id", "sku", "quantity", "reason", "note", "exchange_sku")
    LINE_ID_FIELD_NUMBER: _ClassVar[int]
    SKU_FIELD_NUMBER: _ClassVar[int]
    QUANTITY_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    EXCHANGE_SKU_FIELD_NUMBER: _ClassVar[int]
    line_id: str
    sku: str
    quantity: int
    reason: ReturnReason
    note: str
    exchange_sku: str
    def __init__(self, line_id: _Optional[str] = ..., sku: _Optional[str] = ..., quantity: _Optional[int] = ..., reason: _Optional[_Union[ReturnReason, str]] = ..., note: _Optional[str] = ..., exchange_sku: _Optional[str] = ...) -> None: ...

class LineInspection(_message.Message):
    __slots__ = ("line_id", "sku", "quantity", "condition", "disposition", "refund_amount", "note")
    LINE_ID_FIELD_NUMBER: _ClassVar[int]
    SKU_FIELD_NUMBER: _ClassVar[int]
    QUANTITY_FIELD_NUMBER: _ClassVar[int]
    CONDITION_FIELD_NUMBER: _ClassVar[int]
    DISPOSITION_FIELD_NUMBER: _ClassVar[int]
    REFUND_AMOUNT_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    line_id: str
    sku: str
    quantity: int
    condition: ItemCondition
    disposition: Disposition
    refund_amount: _money_pb2.Money
    note: str
    def __init__(self, line_id: _Optional[str] = ..., sku: _Optional[str] = ..., quantity: _Optional[int] = ..., condition: _Optional[_Union[ItemCondition, str]] = ..., disposition: _Optional[_Union[Disposition, str]] = ..., refund_amount: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., note: _Optional[str] = ...) -> None: ...
