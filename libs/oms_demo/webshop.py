"""The company's own web shop: its checkout posts orders to the HTTP intake as JSON."""

from __future__ import annotations

import random
from datetime import UTC, datetime

import httpx

from oms_demo.channels import Product
from oms_demo.log import say
from oms_demo.people import chinese_customer


def checkout_form(rng: random.Random, number: int, products: list[Product]) -> dict:
    customer = chinese_customer(rng)
    items = rng.sample(products, k=min(len(products), rng.randint(1, 3)))
    lines = [{"line_id": str(i), "sku": p.sku, "name": p.name, "quantity": rng.randint(1, 2),
              "unit_price": {"currency": p.currency, "minor_units": p.price_minor}} for i, p in enumerate(items, 1)]
    total = sum(line["unit_price"]["minor_units"] * line["quantity"] for line in lines)
    cod = rng.random() < 0.2
    return {
        "channel": "web_shop", "channel_account": "own-webshop", "channel_order_id": f"WS-{number:08d}",
        "customer": {"name": customer.name},
        "contact": {"name": customer.name, "phone": customer.phone, "email": customer.email},
        "shipping_address": {"recipient_name": customer.name, "phone": customer.phone, "country_code": "CN",
                             "province": customer.place.province, "city": customer.place.city,
                             "district": customer.place.district, "street_lines": [customer.street],
                             "postcode": customer.place.postcode},
        "lines": lines,
        "reported_totals": {"grand_total": {"currency": "CNY", "minor_units": total}},
        "payment": {"status": "cash_on_delivery" if cod else "paid",
                    "method": "cash_on_delivery" if cod else "online",
                    "paid_amount": {"currency": "CNY", "minor_units": 0 if cod else total}, "gateway": "wechat-pay"},
        "placed_at": datetime.now(UTC).isoformat(),
        "express_requested": rng.random() < 0.15,
    }


async def check_out(client: httpx.AsyncClient, ingest_url: str, form: dict) -> None:
    answer = await client.post(f"{ingest_url}/intake/orders", json=form)
    if answer.status_code in (200, 201):
        say("channels", f"{'own-webshop':>14} order {form['channel_order_id']} -> {answer.json()['order_number']}")
    else:
        reasons = ", ".join(f"{e['field']}: {e['code']}" for e in answer.json().get("errors", []))
        say("channels",
            f"{'own-webshop':>14} order {form['channel_order_id']} refused ({answer.status_code}) {reasons}")
