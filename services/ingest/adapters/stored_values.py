"""How the ingest domain's value objects are written to and read from the event store (JSON)."""

from __future__ import annotations

import base64
import dataclasses
from typing import Any

from eventsourcing.persistence import JSONTranscoder, Transcoding

from oms_platform.store.values import LegacyMoney
from services.ingest.domain.catalogue import ListedProduct
from services.ingest.domain.delivery import Delivery
from services.ingest.domain.rejection_reasons import Reason
from services.ingest.domain.reported_order import (
    Address,
    AddressChange,
    Cancellation,
    ChannelOrderRef,
    ChannelOrderUpdate,
    Contact,
    Customer,
    InvoiceRequest,
    OrderLine,
    Payment,
    ReportedOrder,
    ReportedTotals,
    TimeWindow,
)

STORED_VALUE_TYPES = (
    Address, AddressChange, Cancellation, ChannelOrderRef, ChannelOrderUpdate, Contact, Customer,
    Delivery, InvoiceRequest, ListedProduct, OrderLine, Payment, Reason, ReportedOrder,
    ReportedTotals, TimeWindow,
)


class ValueAsDict(Transcoding):
    """A frozen dataclass as a dict of its fields; nested values are transcoded in turn."""

    def __init__(self, value_type: type) -> None:
        self.type = value_type
        self.name = f"ingest.{value_type.__name__}"

    def encode(self, obj: Any) -> dict[str, Any]:
        return {f.name: getattr(obj, f.name) for f in dataclasses.fields(obj)}

    def decode(self, data: dict[str, Any]) -> Any:
        # JSON has no tuples; every sequence in these values is a tuple.
        return self.type(**{key: tuple(v) if isinstance(v, list) else v for key, v in data.items()})


class BytesAsBase64(Transcoding):
    type = bytes
    name = "bytes_b64"

    def encode(self, obj: bytes) -> str:
        return base64.b64encode(obj).decode("ascii")

    def decode(self, data: str) -> bytes:
        return base64.b64decode(data)


# Before the kernel's Money, ingest stored amounts as its own value, {"currency", "minor_units"}
# under this name; amounts are written as "oms.money" now (oms_platform.store.values.MoneyAsDict).
LEGACY_MONEY = "ingest.Money"


def register_legacy_values(transcoder: JSONTranscoder) -> None:
    """Decoders of what ingest stored in shapes it no longer writes; register them before the
    platform's transcodings, which must be the last registered for their types."""
    transcoder.register(LegacyMoney(LEGACY_MONEY))


def register_stored_values(transcoder: JSONTranscoder) -> None:
    transcoder.register(BytesAsBase64())
    for value_type in STORED_VALUE_TYPES:
        transcoder.register(ValueAsDict(value_type))
