"""The shapes the query API answers with; they make the published OpenAPI document.

Money is integer minor units beside its currency (`grand_total_minor: 12990`, `currency: "CNY"`);
times are ISO 8601 UTC text; statuses and codes are the contract enums' names in lower case
(`on_hold`, `outbound_scan`).
"""

from __future__ import annotations

from pydantic import BaseModel


class OrderSummary(BaseModel):
    order_id: str
    order_number: str | None
    channel: str | None
    channel_order_id: str | None
    customer_name: str | None
    phone_masked: str | None
    province: str | None
    city: str | None
    status: str
    hold_reason: str | None
    currency: str | None
    grand_total_minor: int | None
    created_at: str | None
    updated_at: str | None


class OrderPage(BaseModel):
    items: list[OrderSummary]
    total: int
    limit: int
    offset: int


class OrderLine(BaseModel):
    line_id: str
    sku: str
    name: str | None
    quantity: int
    currency: str | None
    unit_price_minor: int | None
    discount_minor: int | None
    tax_minor: int | None


class Checkpoint(BaseModel):
    code: str
    label: str
    reached: bool
    occurred_at: str | None
    location: str | None


class TimelineEntry(BaseModel):
    kind: str  # order, intake, inventory, shipment, checkpoint, tracking, notification, ledger
    code: str
    title: str
    detail: str | None
    status: str | None  # the order's status after an order event
    shipment_id: str | None
    location: str | None
    occurred_at: str
    checkpoint_rank: int


class ShipmentLine(BaseModel):
    line_id: str
    sku: str
    name: str
    quantity: int


class Shipment(BaseModel):
    shipment_id: str
    warehouse_id: str | None
    status: str
    carrier_code: str | None
    service_level: str | None
    tracking_numbers: list[str]
    lines: list[ShipmentLine]
    created_at: str | None
    picked_at: str | None
    packed_at: str | None
    dispatched_at: str | None
    delivered_at: str | None
    cancelled_at: str | None
    updated_at: str | None


class LedgerEntry(BaseModel):
    entry_id: str
    line_no: int
    account_code: str
    currency: str
    debit_minor: int
    credit_minor: int
    memo: str | None
    source_event_type: str | None
    reverses_entry_id: str | None
    posted_at: str


class LedgerBalance(BaseModel):
    account_code: str
    currency: str
    debit_minor: int
    credit_minor: int
    balance_minor: int  # debit - credit


class OrderLedger(BaseModel):
    order_id: str
    entries: list[LedgerEntry]
    balances: list[LedgerBalance]
    balanced: bool  # per currency, the order's debits equal its credits


class OrderDetail(OrderSummary):
    channel_account: str | None
    customer_id: str | None
    email_masked: str | None
    district: str | None
    payment_method: str | None
    payment_status: str | None
    subtotal_minor: int | None
    discount_minor: int | None
    shipping_fee_minor: int | None
    tax_minor: int | None
    express: bool
    lines: list[OrderLine]
    checkpoints: list[Checkpoint]  # the nine T2 checkpoints, in their order
    timeline: list[TimelineEntry]  # everything that happened, by time
    shipments: list[Shipment]
    ledger: OrderLedger


class StockLevel(BaseModel):
    sku: str
    product_name: str | None
    warehouse_id: str
    on_hand: int
    reserved: int
    available: int
    incoming: int
    safety_stock: int
    low_stock: bool
    as_of: str


class WarehouseAvailability(BaseModel):
    warehouse_id: str
    on_hand: int
    reserved: int
    available: int


class Availability(BaseModel):
    sku: str
    available_to_sell: int
    presale: bool
    expected_restock_at: str | None
    warehouses: list[WarehouseAvailability]
    changed_at: str


class RejectionReason(BaseModel):
    field: str
    code: str
    message: str


class Rejection(BaseModel):
    rejection_id: str
    kind: str  # order (a new channel order) or update (a later channel update)
    order_id: str | None
    channel: str | None
    channel_account: str | None
    channel_order_id: str | None
    source: str | None
    reasons: list[RejectionReason]
    payload_size: int  # bytes of the original payload, kept by ingest
    content_type: str | None
    rejected_at: str


class Overview(BaseModel):
    orders_total: int
    orders_by_status: dict[str, int]
    orders_today: int
    shipments_by_status: dict[str, int]
    rejections_total: int
    rejections_today: int
    low_stock_count: int
    low_stock: list[StockLevel]
