"""How shared domain values are kept in every service's event store (JSON, through eventsourcing).

The stored shape is spelt out, so renaming an attribute cannot silently change what is already
stored. A service that kept amounts in a shape of its own before `oms_kernel.money.Money` existed
registers `LegacyMoney` with that shape's name, so its old events still read back as Money.
"""

from __future__ import annotations

from typing import Any

from eventsourcing.persistence import Transcoding

from oms_kernel.money import Money


class MoneyAsDict(Transcoding):
    type = Money
    name = "oms.money"

    def encode(self, obj: Money) -> dict[str, Any]:
        return {"currency": obj.currency, "minor_units": obj.minor_units}

    def decode(self, data: dict[str, Any]) -> Money:
        return Money(data["currency"], data["minor_units"])


class LegacyMoney(MoneyAsDict):
    """Reads amounts a service stored under its own transcoding `name` (`{"currency": ...,
    "minor_units": ...}`); registered before MoneyAsDict, so that new events are written as
    `oms.money`. Older services kept a currency as they were given it, so it is trimmed and
    upper-cased here ("cny " was CNY); one that is still not an ISO code cannot be an amount and
    fails the load, naming the value."""

    def __init__(self, name: str) -> None:
        self.name = name

    def decode(self, data: dict[str, Any]) -> Money:
        currency = data["currency"]
        return Money(currency.strip().upper() if isinstance(currency, str) else currency, data["minor_units"])
