"""Order events (oms.order.v1) as ledger values: the order's terms, payments, event provenance.

Raises the domain's errors (or ValueError) for content the ledger cannot book; the handlers turn
those into dead letters.
"""

from __future__ import annotations

from datetime import UTC, datetime

from google.protobuf.timestamp_pb2 import Timestamp

from oms.common.v1.money_pb2 import Money as MoneyMessage
from oms.order.v1.lifecycle_events_pb2 import OrderPlaced, PaymentConfirmed
from oms.order.v1.order_pb2 import PriceBreakdown
from oms_kernel.money import Money
from oms_platform.contract_values import datetime_from_contract
from oms_platform.messaging.consumer import Inbound
from services.ledger.adapters.contract_values import method_name, money_in
from services.ledger.domain.identities import payment_id_for
from services.ledger.domain.journal import SourceEvent
from services.ledger.domain.order_terms import OrderTerms
from services.ledger.domain.payments import Payment


def order_terms_from(message: OrderPlaced) -> OrderTerms:
    """The totals the customer was charged, as the channel reported them with the order.

    Channels report some totals and not others (most give only the grand total). What is missing
    comes from the lines; what is still unexplained between goods, tax and the grand total is the
    shipping fee when positive, an order-level discount when negative, so the entry always
    balances against what the customer actually pays.
    """
    reported, lines = message.reported_totals, _totals_from_lines(message)
    currency = reported.grand_total.currency_code or lines.grand_total.currency_code

    def part(name: str) -> Money:
        field = getattr(reported, name)
        return money_in(field if field.currency_code else getattr(lines, name), currency)

    subtotal, discount, tax, grand = (part(name) for name in ("subtotal", "discount_total", "tax_total", "grand_total"))
    if reported.shipping_fee.currency_code:
        shipping = money_in(reported.shipping_fee, currency)
    else:
        residual = grand - (subtotal - discount + tax)
        shipping = residual if residual.minor_units >= 0 else Money.zero(currency)
        if residual.minor_units < 0:
            discount = discount - residual  # an order-level discount the lines do not show
    return OrderTerms(
        goods_net=subtotal - discount,
        shipping_fee=shipping,
        tax=tax,
        grand_total=grand,
        payment_method=method_name(message.payment_method),
    )


def _totals_from_lines(message: OrderPlaced) -> PriceBreakdown:
    """The totals the lines add up to, with no shipping fee."""
    if not message.lines and not message.reported_totals.grand_total.currency_code:
        raise ValueError("OrderPlaced has neither reported totals nor lines")
    currency = message.lines[0].unit_price.currency_code if message.lines else ""
    subtotal = sum(line.unit_price.minor_units * line.quantity for line in message.lines)
    discount = sum(line.discount.minor_units for line in message.lines)
    tax = sum(line.tax.minor_units for line in message.lines)
    return PriceBreakdown(
        subtotal=MoneyMessage(currency_code=currency, minor_units=subtotal),
        discount_total=MoneyMessage(currency_code=currency, minor_units=discount),
        tax_total=MoneyMessage(currency_code=currency, minor_units=tax),
        grand_total=MoneyMessage(currency_code=currency, minor_units=subtotal - discount + tax),
    )


def payment_from(message: PaymentConfirmed, source: SourceEvent) -> Payment | None:
    """The money received, or None when nothing was paid (cash on delivery, credit terms)."""
    if not message.amount.minor_units:
        return None
    # Without a gateway reference the confirming event itself identifies the payment.
    reference = message.payment_reference or f"event:{source.event_id}"
    return Payment(
        payment_id=payment_id_for(message.order_id, reference),
        amount=money_in(message.amount, message.amount.currency_code),
        method=method_name(message.method),
        reference=message.payment_reference,
        received_at=source.occurred_at,
    )


def source_of(inbound: Inbound, business_time: Timestamp | None = None) -> SourceEvent:
    """Which upstream event an entry is posted for, dated by the business time it carries."""
    envelope = inbound.envelope
    occurred_at = (business_time is not None and datetime_from_contract(business_time)) \
        or datetime_from_contract(envelope.occurred_at) or datetime.now(UTC)
    return SourceEvent(event_type=envelope.type, event_id=envelope.event_id, occurred_at=occurred_at)
