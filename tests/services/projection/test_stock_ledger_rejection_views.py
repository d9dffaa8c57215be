"""Stock levels, availability, rejections and the ledger views."""

from __future__ import annotations

from oms.common.v1.channel_pb2 import CHANNEL_WEB_SHOP
from oms.intake.v1 import intake_events_pb2 as intake
from oms.intake.v1.intake_pb2 import (
    REJECTION_CODE_INVALID_PHONE,
    REJECTION_CODE_UNKNOWN_SKU,
    ChannelOrderRef,
    RejectionReason,
)
from oms.inventory.v1 import availability_events_pb2 as availability
from oms.inventory.v1 import catalogue_events_pb2 as catalogue
from oms.inventory.v1 import stock_events_pb2 as stock
from oms.inventory.v1.inventory_pb2 import StockLevel, WarehouseAvailability
from oms.ledger.v1 import ledger_events_pb2 as ledger
from oms.ledger.v1.ledger_pb2 import JournalLine
from services.projection.application.queries.ledger import order_ledger
from services.projection.application.queries.overview import overview
from services.projection.application.queries.rejections import recent_rejections
from services.projection.application.queries.stock import availability as availability_rows
from services.projection.application.queries.stock import stock_levels
from tests.services.projection.conftest import snapshot
from tests.services.projection.messages import (
    AVAILABILITY,
    INTAKE_EVENTS,
    INVENTORY_EVENTS,
    LEDGER_EVENTS,
    at,
    cny,
    new_order_id,
    record,
    stamp,
)


def received(quantity: int, on_hand: int, minutes: float) -> stock.StockReceived:
    return stock.StockReceived(sku="SKU-TEA-01", warehouse_id="WH-SH-01", quantity=quantity,
                               level_after=StockLevel(on_hand=on_hand, available=on_hand),
                               received_at=stamp(at(minutes)))


def test_stock_levels_take_the_newest_snapshot_from_either_topic(projector, views):
    projector.project(record(INVENTORY_EVENTS, received(10, 10, minutes=1), producer="inventory",
                             aggregate_id="SKU-TEA-01@WH-SH-01", version=1))
    feed = availability.AvailabilityChanged(
        sku="SKU-TEA-01", available_to_sell=4, changed_at=stamp(at(5)),
        warehouses=[WarehouseAvailability(warehouse_id="WH-SH-01", on_hand=10, reserved=6, available=4)])
    projector.project(record(AVAILABILITY, feed, producer="inventory"))
    # A stock event recorded before the feed's snapshot, arriving after it.
    projector.project(record(INVENTORY_EVENTS, received(0, 10, minutes=3), producer="inventory",
                             aggregate_id="SKU-TEA-01@WH-SH-01", version=2))

    with views.read() as session:
        [level] = stock_levels(session, sku="SKU-TEA-01")
        [feed_row] = availability_rows(session)
    assert (level["on_hand"], level["reserved"], level["available"]) == (10, 6, 4)
    assert feed_row["available_to_sell"] == 4 and feed_row["warehouses"][0]["reserved"] == 6


def test_low_stock_uses_the_products_safety_stock(projector, views):
    product = catalogue.ProductCatalogued(sku="SKU-TEA-01", name="Longjing tea 250g", unit_price=cny(128),
                                          active=True, safety_stock=5)
    projector.project(record(INVENTORY_EVENTS, product, producer="inventory"))
    projector.project(record(INVENTORY_EVENTS, received(3, 3, minutes=1), producer="inventory"))
    with views.read() as session:
        [level] = stock_levels(session, low_only=True)
        summary = overview(session, day_started_at="2026-11-22T00:00:00.000000Z")
    assert (level["product_name"], level["safety_stock"], level["low_stock"]) == ("Longjing tea 250g", 5, True)
    assert summary["low_stock_count"] == 1


def test_rejections_keep_every_reason_and_the_payload_size(projector, views):
    rejected = intake.OrderRejected(
        rejection_id="rej-1", original_payload=b"x" * 321, original_content_type="application/json",
        channel_order=ChannelOrderRef(channel=CHANNEL_WEB_SHOP, channel_account="shop", channel_order_id="W-1"),
        reasons=[RejectionReason(field_path="contact.phone", code=REJECTION_CODE_INVALID_PHONE, message="not a phone"),
                 RejectionReason(field_path="lines[0].sku", code=REJECTION_CODE_UNKNOWN_SKU, message="no SKU-X")],
        rejected_at=stamp(at(2)),
    )
    message = record(INTAKE_EVENTS, rejected, producer="ingest", aggregate_id="rej-1", version=1)
    projector.project(message)
    before = snapshot(views)
    projector.project(message)
    assert snapshot(views) == before
    with views.read() as session:
        [row] = recent_rejections(session)
        summary = overview(session, day_started_at="2026-11-22T00:00:00.000000Z")
    assert (row["channel"], row["channel_order_id"], row["payload_size"]) == ("web_shop", "W-1", 321)
    assert [(r["field"], r["code"]) for r in row["reasons"]] == [
        ("contact.phone", "invalid_phone"), ("lines[0].sku", "unknown_sku")]
    assert (summary["rejections_total"], summary["rejections_today"]) == (1, 1)


def test_journal_entries_make_a_balance_that_replays_cannot_inflate(projector, views):
    order_id = new_order_id()
    entry = ledger.JournalEntryPosted(
        entry_id="je-1", order_id=order_id, source_event_type="oms.order.v1.PaymentConfirmed",
        lines=[JournalLine(account_code="1100-cash", debit=cny(295)),
               JournalLine(account_code="1200-receivables", credit=cny(295))],
        posted_at=stamp(at(3)),
    )
    # Without an aggregate version, so only the natural keys keep the replay harmless.
    message = record(LEDGER_EVENTS, entry, producer="ledger")
    projector.project(message)
    projector.project(message)
    with views.read() as session:
        book = order_ledger(session, order_id)
    assert [(e["account_code"], e["debit_minor"], e["credit_minor"]) for e in book["entries"]] == [
        ("1100-cash", 29500, 0), ("1200-receivables", 0, 29500)]
    assert [(b["account_code"], b["balance_minor"]) for b in book["balances"]] == [
        ("1100-cash", 29500), ("1200-receivables", -29500)]
    assert book["balanced"] is True
