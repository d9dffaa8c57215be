"""Order totals as channels really report them: often only the grand total."""

from oms.common.v1.money_pb2 import Money as MoneyMessage
from oms.common.v1.order_line_pb2 import OrderLine
from oms.order.v1.lifecycle_events_pb2 import OrderPlaced
from oms.order.v1.order_pb2 import PriceBreakdown
from oms_kernel.money import Money
from services.ledger.adapters.order_messages import charged_totals


def cny(minor: int) -> MoneyMessage:
    return MoneyMessage(currency_code="CNY", minor_units=minor)


def placed(grand_total: int) -> OrderPlaced:
    return OrderPlaced(
        order_id="o-1",
        lines=[OrderLine(line_id="1", sku="A", quantity=2, unit_price=cny(12900))],
        reported_totals=PriceBreakdown(grand_total=cny(grand_total)),
    )


def test_goods_come_from_the_lines_and_the_rest_of_the_grand_total_is_shipping():
    totals = charged_totals(placed(25800 + 1000))
    assert totals.goods_net == Money("CNY", 25800)
    assert totals.shipping_fee == Money("CNY", 1000)
    assert totals.tax == Money("CNY", 0)
    assert totals.grand_total == Money("CNY", 26800)


def test_a_grand_total_below_the_lines_is_an_order_level_discount():
    totals = charged_totals(placed(25000))
    assert totals.goods_net == Money("CNY", 25000)
    assert totals.shipping_fee == Money("CNY", 0)


def test_reported_parts_win_over_the_lines():
    message = placed(30000)
    message.reported_totals.subtotal.CopyFrom(cny(26000))
    message.reported_totals.shipping_fee.CopyFrom(cny(4000))
    totals = charged_totals(message)
    assert (totals.goods_net, totals.shipping_fee) == (Money("CNY", 26000), Money("CNY", 4000))
