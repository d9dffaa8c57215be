"""Contract messages for the ingest tests, built from the JSON samples the HTTP intake takes.

The samples are in the HTTP shape (money as {"currency", "minor_units"}, enumerations as lower-case
names); a channel adapter publishes the same content as oms.intake.v1 protobuf.
"""

from __future__ import annotations

import copy
import uuid
from typing import Any

from google.protobuf import json_format

from oms.common.v1.money_pb2 import Money
from oms.intake.v1.channel_order_events_pb2 import ChannelOrderPlaced, ChannelOrderUpdated
from oms.intake.v1.channel_order_pb2 import ChannelOrder
from oms.inventory.v1.catalogue_events_pb2 import ProductCatalogued

_CHANNEL_ALIASES = {"phone": "staff_phone", "email": "staff_email"}
_MONEY_KEYS = {"currency", "minor_units"}
_ENUM_PREFIXES = {"channel": "CHANNEL_", "status": "PAYMENT_STATUS_", "method": "PAYMENT_METHOD_"}


def catalogue_message(entry: dict[str, Any]) -> ProductCatalogued:
    price = entry["unit_price"]
    return ProductCatalogued(
        sku=entry["sku"], name=entry["name"], category=entry.get("category", ""),
        weight_grams=entry.get("weight_grams", 0), active=entry["active"],
        unit_price=Money(currency_code=price["currency"], minor_units=price["minor_units"]),
    )


def catalogue_aggregate_id(sku: str) -> str:
    """What inventory would use as the product's aggregate id (any stable uuid per SKU)."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"inventory/products/{sku}"))


def channel_order_message(form: dict[str, Any]) -> ChannelOrder:
    return json_format.ParseDict(_contract_json(form), ChannelOrder())


def placed(form: dict[str, Any]) -> ChannelOrderPlaced:
    return ChannelOrderPlaced(order=channel_order_message(form))


def updated(channel_account: str, channel_order_id: str, form: dict[str, Any],
            channel: str = "web_shop") -> ChannelOrderUpdated:
    body = _contract_json({**form, "channel": channel, "channel_account": channel_account,
                           "channel_order_id": channel_order_id})
    return json_format.ParseDict(body, ChannelOrderUpdated())


def channel_key(form: dict[str, Any]) -> str:
    return f"{form['channel_account']}:{form['channel_order_id']}"


def _contract_json(value: Any, key: str = "") -> Any:
    if isinstance(value, dict):
        if set(value) == _MONEY_KEYS:
            return {"currency_code": value["currency"], "minor_units": str(value["minor_units"])}
        return {k: _contract_json(v, k) for k, v in value.items() if k != "attributes" or v}
    if isinstance(value, list):
        return [_contract_json(item) for item in value]
    if key in _ENUM_PREFIXES and isinstance(value, str):
        return _ENUM_PREFIXES[key] + _CHANNEL_ALIASES.get(value, value).upper()
    return copy.deepcopy(value)
