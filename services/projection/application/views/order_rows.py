"""Writing the `orders` and `order_lines` rows, shared by intake and order events."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from oms.common.v1.address_pb2 import Address
from oms.common.v1.contact_pb2 import Contact
from oms.common.v1.money_pb2 import Money as MoneyMessage
from oms.common.v1.order_line_pb2 import OrderLine
from oms_kernel.money import InvalidAmount, Money
from oms_platform.contract_values import money_from_contract
from services.projection.adapters.view_store import Session
from services.projection.application.views.common import minor
from services.projection.domain.amounts import OrderAmounts, PricedLine, ReportedAmounts, order_amounts
from services.projection.domain.personal_data import mask_email, mask_phone, phone_digest

# The columns an order is found by in the dashboard's search box (`search_text`).
SEARCHED_COLUMNS = ("order_number", "customer_name", "channel_order_id", "channel_account")
_NEWER_UPDATE = "CASE WHEN orders.updated_at IS NULL OR excluded.updated_at > orders.updated_at" \
                " THEN excluded.updated_at ELSE orders.updated_at END"


def upsert_order(session: Session, order_id: str, columns: Mapping[str, Any], *, fill_only: bool = False) -> None:
    """Write these columns of the order. `fill_only`: only where the row has nothing yet, for
    facts that may arrive after fresher ones from another topic (intake vs order events)."""
    values = {key: value for key, value in columns.items() if value is not None}
    # A row has a status from its first fact on; only the order service's facts change it.
    inserted = {"status": "received", **values}
    names = ["order_id", *inserted]
    assignments = []
    for name in values:
        if name == "updated_at":
            assignments.append(f"updated_at = {_NEWER_UPDATE}")
        elif name == "status" and fill_only:
            continue  # the order service owns the status; intake only seeds it
        elif fill_only:
            assignments.append(f"{name} = COALESCE(orders.{name}, excluded.{name})")
        else:
            assignments.append(f"{name} = excluded.{name}")
    on_conflict = f"DO UPDATE SET {', '.join(assignments)}" if assignments else "DO NOTHING"
    session.execute(
        f"INSERT INTO orders ({', '.join(names)}) VALUES ({', '.join('?' for _ in names)})"
        f" ON CONFLICT (order_id) {on_conflict}",
        (order_id, *inserted.values()),
    )
    # Most order facts change the status only: the search text stays what it was.
    if not values.keys().isdisjoint(SEARCHED_COLUMNS):
        _refresh_search_text(session, order_id)


def contact_columns(contact: Contact, address: Address) -> dict[str, Any]:
    phone = contact.phone or address.phone
    return {
        "phone_masked": mask_phone(phone) if phone else None,
        "phone_digest": phone_digest(phone) if phone else None,
        "email_masked": mask_email(contact.email) if contact.email else None,
        "province": address.province or None,
        "city": address.city or None,
        "district": address.district or None,
    }


def total_columns(totals: Any, lines: Iterable[OrderLine] = ()) -> dict[str, Any]:
    """Columns from an oms.order.v1.PriceBreakdown or an oms.intake.v1.ReportedTotals (same fields),
    each amount they leave out computed from the order's lines (domain/amounts.py)."""
    reported = ReportedAmounts(
        subtotal=_amount(totals.subtotal), discount=_amount(totals.discount_total),
        shipping_fee=_amount(totals.shipping_fee), tax=_amount(totals.tax_total),
        grand_total=_amount(totals.grand_total),
    )
    return _columns(order_amounts(reported, _priced(lines)))


def edited_total_columns(session: Session, order_id: str, lines: Iterable[OrderLine]) -> dict[str, Any]:
    """After the lines changed, the channel's totals describe lines that are gone: the amounts
    come from the new lines, with the shipping fee known so far."""
    row = session.one("SELECT currency, shipping_fee_minor FROM orders WHERE order_id = ?", (order_id,))
    shipping = None
    if row is not None and row["shipping_fee_minor"] is not None and row["currency"]:
        shipping = _known(row["currency"], row["shipping_fee_minor"])
    reported = ReportedAmounts(shipping_fee=shipping)
    return _columns(order_amounts(reported, _priced(lines)))


def _columns(amounts: OrderAmounts) -> dict[str, Any]:
    return {
        "currency": amounts.currency,
        "subtotal_minor": amounts.subtotal,
        "discount_minor": amounts.discount,
        "shipping_fee_minor": amounts.shipping_fee,
        "tax_minor": amounts.tax,
        "grand_total_minor": amounts.grand_total,
    }


def _priced(lines: Iterable[OrderLine]) -> list[PricedLine]:
    return [PricedLine(line.quantity, _amount(line.unit_price), _amount(line.discount), _amount(line.tax))
            for line in lines]


def _amount(money: MoneyMessage) -> Money | None:
    """The amount a message carries; None when unset, and when it is off the contract (units
    without a currency, a currency that is not an ISO 4217 code): no amount is computed from it."""
    try:
        return money_from_contract(money)
    except InvalidAmount:
        return None


def _known(currency: str, minor_units: int) -> Money | None:
    try:
        return Money(currency, minor_units)
    except InvalidAmount:
        return None


def replace_lines(session: Session, order_id: str, lines: Iterable[OrderLine]) -> None:
    session.execute("DELETE FROM order_lines WHERE order_id = ?", (order_id,))
    insert_lines(session, order_id, lines)


def insert_lines(session: Session, order_id: str, lines: Iterable[OrderLine]) -> None:
    for line in lines:
        session.execute(
            "INSERT INTO order_lines (order_id, line_id, sku, name, quantity, currency, unit_price_minor,"
            " discount_minor, tax_minor) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (order_id, line_id) DO NOTHING",
            (order_id, line.line_id or line.sku, line.sku, line.name or None, line.quantity,
             line.unit_price.currency_code or None, minor(line.unit_price), minor(line.discount), minor(line.tax)),
        )


def _refresh_search_text(session: Session, order_id: str) -> None:
    # Rebuilt from the row rather than from the message, so whichever fact arrives last, the
    # text covers every field known by then. Lower-cased here: SQLite's lower() is ASCII only.
    row = session.one(f"SELECT {', '.join(SEARCHED_COLUMNS)} FROM orders WHERE order_id = ?", (order_id,))
    if row is None:
        return
    text = " ".join(str(value) for value in row.values() if value).lower()
    session.execute("UPDATE orders SET search_text = ? WHERE order_id = ?", (text, order_id))
