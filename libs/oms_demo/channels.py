"""Three marketplaces/shops, each with its own payload shape, and the adapters that translate them.

A real channel adapter receives an order in its platform's shape and publishes it on the intake
topic as `oms.intake.v1.ChannelOrderPlaced`. The simulated raw payloads below imitate the shapes of
a Tmall-style marketplace, a JD-style marketplace and an international web shop.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from oms.common.v1 import address_pb2, channel_pb2, contact_pb2, money_pb2, order_line_pb2, payment_pb2
from oms.intake.v1 import channel_order_events_pb2, channel_order_pb2
from oms_demo.people import Customer, chinese_customer, international_customer


@dataclass(frozen=True)
class Product:
    sku: str
    name: str
    price_minor: int  # CNY fen
    currency: str = "CNY"


def _yuan(minor: int) -> str:
    return f"{Decimal(minor) / 100:.2f}"


def _minor(text: str) -> int:
    return int((Decimal(text) * 100).to_integral_value())


def _money(minor: int, currency: str = "CNY") -> money_pb2.Money:
    return money_pb2.Money(currency_code=currency, minor_units=minor)


# --- Tmall-style marketplace -----------------------------------------------------------------

def tmall_order(rng: random.Random, number: int, products: list[Product]) -> dict[str, Any]:
    customer = chinese_customer(rng)
    items = rng.sample(products, k=min(len(products), rng.randint(1, 3)))
    orders = [{"oid": f"{number}{i}", "outer_iid": p.sku, "title": p.name, "num": rng.randint(1, 2),
               "price": _yuan(p.price_minor)} for i, p in enumerate(items, 1)]
    total = sum(_minor(o["price"]) * o["num"] for o in orders)
    return {
        "tid": f"TM{number:010d}", "buyer_nick": f"tb_{rng.randrange(10**5)}",
        "receiver_name": customer.name, "receiver_mobile": customer.phone,
        "receiver_state": customer.place.province, "receiver_city": customer.place.city,
        "receiver_district": customer.place.district, "receiver_address": customer.street,
        "receiver_zip": customer.place.postcode, "orders": orders, "payment": _yuan(total),
        "post_fee": "0.00", "status": rng.choice(["WAIT_SELLER_SEND_GOODS"] * 4 + ["WAIT_BUYER_PAY"]),
        "created": datetime.now(UTC).isoformat(),
    }


def from_tmall(raw: dict[str, Any]) -> channel_order_pb2.ChannelOrder:
    paid = raw["status"] != "WAIT_BUYER_PAY"
    address = address_pb2.Address(
        recipient_name=raw["receiver_name"], phone=raw["receiver_mobile"], country_code="CN",
        province=raw["receiver_state"], city=raw["receiver_city"], district=raw["receiver_district"],
        street_lines=[raw["receiver_address"]], postcode=raw["receiver_zip"])
    order = channel_order_pb2.ChannelOrder(
        channel=channel_pb2.CHANNEL_MARKETPLACE, channel_account="tmall-flagship", channel_order_id=raw["tid"],
        customer=channel_order_pb2.ChannelCustomer(channel_customer_id=raw["buyer_nick"], name=raw["receiver_name"]),
        contact=contact_pb2.Contact(name=raw["receiver_name"], phone=raw["receiver_mobile"]),
        shipping_address=address,
        lines=[order_line_pb2.OrderLine(line_id=o["oid"], sku=o["outer_iid"], name=o["title"], quantity=o["num"],
                                        unit_price=_money(_minor(o["price"]))) for o in raw["orders"]],
        reported_totals=channel_order_pb2.ReportedTotals(grand_total=_money(_minor(raw["payment"])),
                                                         shipping_fee=_money(_minor(raw["post_fee"]))),
        payment=channel_order_pb2.ReportedPayment(
            status=payment_pb2.PAYMENT_STATUS_PAID if paid else payment_pb2.PAYMENT_STATUS_UNPAID,
            method=payment_pb2.PAYMENT_METHOD_MARKETPLACE_ESCROW,
            paid_amount=_money(_minor(raw["payment"]) if paid else 0), gateway="alipay"),
    )
    order.placed_at.FromDatetime(datetime.fromisoformat(raw["created"]))
    return order


# --- JD-style marketplace --------------------------------------------------------------------

def jd_order(rng: random.Random, number: int, products: list[Product]) -> dict[str, Any]:
    customer = chinese_customer(rng)
    items = rng.sample(products, k=min(len(products), rng.randint(1, 2)))
    lines = [{"skuId": 100000 + i, "outerSkuId": p.sku, "skuName": p.name, "itemTotal": rng.randint(1, 3),
              "jdPrice": _yuan(p.price_minor)} for i, p in enumerate(items, 1)]
    total = sum(_minor(item["jdPrice"]) * item["itemTotal"] for item in lines)
    return {
        "orderId": 3_000_000_000 + number,
        "consigneeInfo": {"fullname": customer.name, "mobile": customer.phone, "province": customer.place.province,
                          "city": customer.place.city, "county": customer.place.district,
                          "fullAddress": customer.street, "postcode": customer.place.postcode},
        "itemInfoList": lines, "orderPayment": _yuan(total),
        "payType": rng.choice([4, 4, 4, 1]),  # 1 = cash on delivery, 4 = online
        "orderStartTime": datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S"),
    }


def from_jd(raw: dict[str, Any]) -> channel_order_pb2.ChannelOrder:
    consignee = raw["consigneeInfo"]
    cod = raw["payType"] == 1
    order = channel_order_pb2.ChannelOrder(
        channel=channel_pb2.CHANNEL_MARKETPLACE, channel_account="jd-self", channel_order_id=str(raw["orderId"]),
        customer=channel_order_pb2.ChannelCustomer(name=consignee["fullname"]),
        contact=contact_pb2.Contact(name=consignee["fullname"], phone=consignee["mobile"]),
        shipping_address=address_pb2.Address(
            recipient_name=consignee["fullname"], phone=consignee["mobile"], country_code="CN",
            province=consignee["province"], city=consignee["city"], district=consignee["county"],
            street_lines=[consignee["fullAddress"]], postcode=consignee["postcode"]),
        lines=[order_line_pb2.OrderLine(line_id=str(item["skuId"]), sku=item["outerSkuId"], name=item["skuName"],
                                        quantity=item["itemTotal"], unit_price=_money(_minor(item["jdPrice"])))
               for item in raw["itemInfoList"]],
        reported_totals=channel_order_pb2.ReportedTotals(grand_total=_money(_minor(raw["orderPayment"]))),
        payment=channel_order_pb2.ReportedPayment(
            status=payment_pb2.PAYMENT_STATUS_CASH_ON_DELIVERY if cod else payment_pb2.PAYMENT_STATUS_PAID,
            method=payment_pb2.PAYMENT_METHOD_CASH_ON_DELIVERY if cod else payment_pb2.PAYMENT_METHOD_ONLINE,
            paid_amount=_money(0 if cod else _minor(raw["orderPayment"]))),
    )
    placed = datetime.strptime(raw["orderStartTime"], "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC)
    order.placed_at.FromDatetime(placed)
    return order


# --- International web shop (Shopify-style) ---------------------------------------------------

def global_shop_order(rng: random.Random, number: int, products: list[Product]) -> dict[str, Any]:
    customer: Customer = international_customer(rng)
    first, _, last = customer.name.partition(" ")
    items = rng.sample(products, k=min(len(products), rng.randint(1, 2)))
    line_items = [{"id": 9000 + i, "sku": p.sku, "title": p.name, "quantity": 1, "price": _yuan(p.price_minor)}
                  for i, p in enumerate(items, 1)]
    return {
        "id": 5_500_000 + number, "email": customer.email, "phone": customer.phone, "currency": "CNY",
        "shipping_address": {"first_name": first, "last_name": last, "address1": customer.street,
                             "city": customer.place.city, "province_code": customer.place.province,
                             "country_code": customer.place.country_code, "zip": customer.place.postcode,
                             "district": customer.place.district},
        "line_items": line_items, "financial_status": "paid",
        "total_price": _yuan(sum(_minor(item["price"]) for item in line_items)),
        "created_at": datetime.now(UTC).isoformat(),
    }


def from_global_shop(raw: dict[str, Any]) -> channel_order_pb2.ChannelOrder:
    ship = raw["shipping_address"]
    name = f"{ship['first_name']} {ship['last_name']}".strip()
    currency = raw["currency"]
    order = channel_order_pb2.ChannelOrder(
        channel=channel_pb2.CHANNEL_WEB_SHOP, channel_account="global-webshop", channel_order_id=str(raw["id"]),
        customer=channel_order_pb2.ChannelCustomer(name=name),
        contact=contact_pb2.Contact(name=name, phone=raw["phone"], email=raw["email"]),
        shipping_address=address_pb2.Address(
            recipient_name=name, phone=raw["phone"], country_code=ship["country_code"],
            province=ship["province_code"], city=ship["city"], district=ship.get("district", ""),
            street_lines=[ship["address1"]], postcode=ship["zip"]),
        lines=[order_line_pb2.OrderLine(line_id=str(item["id"]), sku=item["sku"], name=item["title"],
                                        quantity=item["quantity"], unit_price=_money(_minor(item["price"]), currency))
               for item in raw["line_items"]],
        reported_totals=channel_order_pb2.ReportedTotals(grand_total=_money(_minor(raw["total_price"]), currency)),
        payment=channel_order_pb2.ReportedPayment(
            status=payment_pb2.PAYMENT_STATUS_PAID, method=payment_pb2.PAYMENT_METHOD_ONLINE,
            paid_amount=_money(_minor(raw["total_price"]), currency), gateway="stripe"),
    )
    order.placed_at.FromDatetime(datetime.fromisoformat(raw["created_at"]))
    return order


CHANNELS = {
    "tmall": (tmall_order, from_tmall),
    "jd": (jd_order, from_jd),
    "global-webshop": (global_shop_order, from_global_shop),
}


def placed(order: channel_order_pb2.ChannelOrder) -> channel_order_events_pb2.ChannelOrderPlaced:
    message = channel_order_events_pb2.ChannelOrderPlaced(order=order)
    message.received_at.FromDatetime(datetime.now(UTC))
    return message


def spoil(rng: random.Random, order: channel_order_pb2.ChannelOrder) -> str:
    """Make a valid channel order invalid the way real channels do; returns what was spoiled."""
    damage = rng.choice(["no_contact", "unknown_sku", "zero_quantity", "wrong_price", "no_district"])
    if damage == "no_contact":
        order.contact.phone = ""
        order.contact.email = ""
        order.shipping_address.phone = ""
    elif damage == "unknown_sku":
        order.lines[0].sku = "SKU-DOES-NOT-EXIST"
    elif damage == "zero_quantity":
        order.lines[0].quantity = 0
    elif damage == "wrong_price":
        order.lines[0].unit_price.minor_units += 1
    else:
        order.shipping_address.district = ""
        order.shipping_address.country_code = "CN"
    return damage
