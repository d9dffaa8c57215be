"""Valid domain values to start from; each test changes the one thing it is about."""

from __future__ import annotations

from dataclasses import replace

from oms_kernel.money import Money
from services.ingest.domain.catalogue import ListedProduct
from services.ingest.domain.reported_order import (
    Address,
    ChannelOrderRef,
    Contact,
    Customer,
    OrderLine,
    Payment,
    ReportedOrder,
)

CATALOGUE = {
    "TEA-250": ListedProduct("TEA-250", "Longjing tea 250 g", Money("CNY", 12900), True),
    "MUG-350": ListedProduct("MUG-350", "Ceramic mug", Money("CNY", 4900), True),
    "KETTLE-1L": ListedProduct("KETTLE-1L", "Glass kettle", Money("CNY", 15900), False),
    "GL-SAMPLER": ListedProduct("GL-SAMPLER", "Tea sampler", Money("USD", 2999), True),
}


def shanghai_address(**changes) -> Address:
    address = Address(
        recipient_name="王小明", phone="13800138000", country_code="CN", province="上海市", city="上海市",
        district="浦东新区", street_lines=("世纪大道 100 号",), postcode="200120",
    )
    return replace(address, **changes)


TEA_PRICE = Money("CNY", 12900)


def line(line_id: str = "1", sku: str = "TEA-250", quantity: int = 1, price: Money | None = TEA_PRICE,
         **changes) -> OrderLine:
    return OrderLine(line_id=line_id, sku=sku, quantity=quantity, unit_price=price, **changes)


def order(**changes) -> ReportedOrder:
    valid = ReportedOrder(
        ref=ChannelOrderRef("web_shop", "webshop", "WS-1"),
        customer=Customer(name="王小明"),
        contact=Contact(name="王小明", phone="138 0013 8000", email="Xiaoming@Example.cn"),
        shipping_address=shanghai_address(),
        lines=(line("1"), line("2", "MUG-350", 2, Money("CNY", 4900))),
        payment=Payment(status="paid", method="online", paid_amount=Money("CNY", 22700)),
    )
    return replace(valid, **changes)
