"""An order's amounts in the views when the channel reported no totals, or only some (issue 9)."""

from __future__ import annotations

import httpx

from oms.common.v1.money_pb2 import Money as MoneyMessage
from oms.common.v1.order_line_pb2 import OrderLine
from oms.intake.v1 import intake_events_pb2 as intake
from oms.intake.v1.channel_order_pb2 import ReportedTotals
from oms.intake.v1.intake_pb2 import ChannelOrderRef, NormalisedOrder
from oms.order.v1 import change_events_pb2 as change
from oms.order.v1.order_pb2 import OrderStatus, PriceBreakdown
from oms_kernel.money import Money
from oms_platform.http import create_http_app
from oms_platform.metrics import ServiceMetrics
from services.projection.application.views.order_rows import total_columns
from services.projection.domain.amounts import OrderAmounts, PricedLine, ReportedAmounts, order_amounts
from services.projection.entrypoints import query_api
from tests.services.projection.messages import (
    INTAKE_EVENTS,
    ORDER_EVENTS,
    at,
    cny,
    new_order_id,
    order_placed,
    record,
    stamp,
)

TEA = PricedLine(2, Money("CNY", 12900), None, None)
CUP = PricedLine(1, Money("CNY", 3900), Money("CNY", 500), Money("CNY", 300))


def test_without_reported_totals_every_amount_comes_from_the_lines():
    assert order_amounts(ReportedAmounts(), [TEA, CUP]) == OrderAmounts(
        currency="CNY", subtotal=29700, discount=500, shipping_fee=None, tax=300, grand_total=29500)


def test_reported_amounts_are_kept_and_only_the_missing_ones_computed():
    reported = ReportedAmounts(discount=Money("CNY", 2000), shipping_fee=Money("CNY", 1000))
    assert order_amounts(reported, [TEA, CUP]) == OrderAmounts("CNY", 29700, 2000, 1000, 300, 29000)
    channel_total = ReportedAmounts(grand_total=Money("CNY", 12345))
    assert order_amounts(channel_total, [TEA, CUP]).grand_total == 12345  # the channel's word, not ours


def test_lines_in_two_currencies_or_without_prices_give_no_made_up_amounts():
    mixed = [TEA, PricedLine(1, Money("USD", 500), None, None)]
    assert order_amounts(ReportedAmounts(), mixed) == OrderAmounts(None, None, None, None, None, None)
    unpriced = [TEA, PricedLine(1, None, None, None)]
    assert order_amounts(ReportedAmounts(), unpriced).grand_total is None


def _lines() -> list[OrderLine]:
    return [OrderLine(line_id="1", sku="TEA-LJ-250", quantity=2, unit_price=cny(129)),
            OrderLine(line_id="2", sku="CUP-01", quantity=1, unit_price=cny(39), discount=cny(5), tax=cny(3))]


def _accepted_without_totals(order_id: str) -> intake.OrderAccepted:
    # As the README's adapter example sends it: lines with prices, no reported totals.
    return intake.OrderAccepted(
        order_id=order_id, order_number="SO-20261122-000042", accepted_at=stamp(at(0)),
        order=NormalisedOrder(channel_order=ChannelOrderRef(channel_account="tmall-flagship", channel_order_id="TM1"),
                              customer_name="王芳", lines=_lines()))


async def _query_client(views) -> httpx.AsyncClient:
    http = create_http_app(service="projection", version="test", metrics=ServiceMetrics("projection"),
                           routers=[query_api.router])
    http.state.views = views
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=http), base_url="http://projection")


async def test_the_query_api_shows_the_amounts_of_an_accepted_order_the_channel_did_not_total(projector, views):
    order_id = new_order_id()
    assert projector.project(record(INTAKE_EVENTS, _accepted_without_totals(order_id), producer="ingest",
                                    aggregate_id=order_id, version=1)) == "processed"

    async with await _query_client(views) as client:
        detail = (await client.get(f"/api/orders/{order_id}")).json()
        [summary] = (await client.get("/api/orders", params={"q": "SO-20261122-000042"})).json()["items"]
    assert {key: detail[key] for key in ("currency", "subtotal_minor", "discount_minor", "shipping_fee_minor",
                                         "tax_minor", "grand_total_minor")} == {
        "currency": "CNY", "subtotal_minor": 29700, "discount_minor": 500, "shipping_fee_minor": None,
        "tax_minor": 300, "grand_total_minor": 29500}
    assert (summary["currency"], summary["grand_total_minor"]) == ("CNY", 29500)


def test_an_order_placed_without_a_grand_total_adds_the_reported_shipping_fee(projector, views):
    order_id = new_order_id()
    placed = order_placed(order_id)
    placed.ClearField("lines")
    placed.lines.extend(_lines())
    placed.reported_totals.CopyFrom(PriceBreakdown(shipping_fee=cny(10)))
    projector.project(record(ORDER_EVENTS, placed, aggregate_id=order_id, version=1))

    with views.read() as session:
        row = session.one("SELECT currency, shipping_fee_minor, grand_total_minor FROM orders WHERE order_id = ?",
                          (order_id,))
    assert row == {"currency": "CNY", "shipping_fee_minor": 1000, "grand_total_minor": 30500}


def test_intake_totals_of_the_channel_win_over_the_lines(projector, views):
    order_id = new_order_id()
    accepted = _accepted_without_totals(order_id)
    accepted.order.reported_totals.CopyFrom(ReportedTotals(grand_total=cny(288)))
    projector.project(record(INTAKE_EVENTS, accepted, producer="ingest", aggregate_id=order_id, version=1))

    with views.read() as session:
        row = session.one("SELECT grand_total_minor, subtotal_minor FROM orders WHERE order_id = ?", (order_id,))
    assert row == {"grand_total_minor": 28800, "subtotal_minor": 29700}


def test_edited_items_give_the_amounts_of_the_new_lines(projector, views):
    order_id = new_order_id()
    projector.project(record(ORDER_EVENTS, order_placed(order_id), aggregate_id=order_id, version=1))
    edited = change.ItemsEdited(order_id=order_id, status=OrderStatus.ORDER_STATUS_RECEIVED,
                                lines_after=[OrderLine(line_id="1", sku="SKU-TEA-01", quantity=1, unit_price=cny(128))])
    projector.project(record(ORDER_EVENTS, edited, aggregate_id=order_id, version=2))

    with views.read() as session:
        row = session.one("SELECT subtotal_minor, grand_total_minor FROM orders WHERE order_id = ?", (order_id,))
    assert row == {"subtotal_minor": 12800, "grand_total_minor": 12800}


def test_an_amount_off_the_contract_is_unknown_and_nothing_is_computed_from_it():
    # Units without a currency, or a currency that is not an ISO 4217 code: never sent by ingest,
    # shown as unknown rather than counted in some currency.
    lines = [*_lines(), OrderLine(line_id="3", sku="LID-01", quantity=1, unit_price=MoneyMessage(minor_units=500))]
    columns = total_columns(PriceBreakdown(shipping_fee=cny(10)), lines)
    assert (columns["currency"], columns["shipping_fee_minor"], columns["subtotal_minor"],
            columns["grand_total_minor"]) == ("CNY", 1000, None, None)

    lower_case = PriceBreakdown(grand_total=MoneyMessage(currency_code="cny", minor_units=100))
    assert total_columns(lower_case, _lines())["grand_total_minor"] == 29500  # from the lines, as if unreported
