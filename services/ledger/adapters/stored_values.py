"""How the ledger's value objects are kept in its event store (JSON, through eventsourcing).

Each transcoding spells out the stored shape, so renaming a Python attribute cannot silently change
what is already stored. Nested values (money in a line, datetimes) are encoded by their own
transcodings.

Amounts are the kernel's Money, written as `oms.money` (oms_platform.store.values.MoneyAsDict).
Before that the ledger had a Money of its own, stored as `ledger.money` with the same keys
(`{"minor_units": ..., "currency": ...}`): events stored then still read back as Money through
LegacyMoney, and are never written in that shape again.
"""

from __future__ import annotations

from typing import Any

from eventsourcing.persistence import JSONTranscoder, Transcoding

from oms_platform.store.values import LegacyMoney, MoneyAsDict
from services.ledger.domain.chart import Side
from services.ledger.domain.journal import JournalEntry, JournalLine, SourceEvent
from services.ledger.domain.order_terms import OrderTerms
from services.ledger.domain.payments import MatchKind, Payment


class JournalLineAsDict(Transcoding):
    type = JournalLine
    name = "ledger.journal_line"

    def encode(self, obj: JournalLine) -> dict[str, Any]:
        return {"account_code": obj.account_code, "side": obj.side.value, "amount": obj.amount, "memo": obj.memo}

    def decode(self, data: dict[str, Any]) -> JournalLine:
        return JournalLine(data["account_code"], Side(data["side"]), data["amount"], data["memo"])


class SourceEventAsDict(Transcoding):
    type = SourceEvent
    name = "ledger.source_event"

    def encode(self, obj: SourceEvent) -> dict[str, Any]:
        return {"event_type": obj.event_type, "event_id": obj.event_id, "occurred_at": obj.occurred_at}

    def decode(self, data: dict[str, Any]) -> SourceEvent:
        return SourceEvent(data["event_type"], data["event_id"], data["occurred_at"])


class JournalEntryAsDict(Transcoding):
    type = JournalEntry
    name = "ledger.journal_entry"

    def encode(self, obj: JournalEntry) -> dict[str, Any]:
        return {"entry_id": obj.entry_id, "order_id": obj.order_id, "rule": obj.rule, "lines": list(obj.lines),
                "source": obj.source, "memo": obj.memo}

    def decode(self, data: dict[str, Any]) -> JournalEntry:
        return JournalEntry(data["entry_id"], data["order_id"], data["rule"], tuple(data["lines"]),
                            data["source"], data["memo"])


class OrderTermsAsDict(Transcoding):
    type = OrderTerms
    name = "ledger.order_terms"

    def encode(self, obj: OrderTerms) -> dict[str, Any]:
        return {"goods_net": obj.goods_net, "shipping_fee": obj.shipping_fee, "tax": obj.tax,
                "grand_total": obj.grand_total, "payment_method": obj.payment_method}

    def decode(self, data: dict[str, Any]) -> OrderTerms:
        return OrderTerms(data["goods_net"], data["shipping_fee"], data["tax"], data["grand_total"],
                          data["payment_method"])


class PaymentAsDict(Transcoding):
    type = Payment
    name = "ledger.payment"

    def encode(self, obj: Payment) -> dict[str, Any]:
        return {"payment_id": obj.payment_id, "amount": obj.amount, "method": obj.method,
                "reference": obj.reference, "received_at": obj.received_at}

    def decode(self, data: dict[str, Any]) -> Payment:
        return Payment(data["payment_id"], data["amount"], data["method"], data["reference"], data["received_at"])


class MatchKindAsValue(Transcoding):
    type = MatchKind
    name = "ledger.match_kind"

    def encode(self, obj: MatchKind) -> str:
        return obj.value

    def decode(self, data: str) -> MatchKind:
        return MatchKind(data)


LEGACY_MONEY = "ledger.money"


def register_ledger_values(transcoder: JSONTranscoder) -> None:
    # The transcoder writes a type with the transcoding registered for it last: MoneyAsDict again
    # after the legacy reader, so that new events are written as oms.money whatever came before.
    for transcoding in (LegacyMoney(LEGACY_MONEY), MoneyAsDict(), JournalLineAsDict(), SourceEventAsDict(),
                        JournalEntryAsDict(), OrderTermsAsDict(), PaymentAsDict(), MatchKindAsValue()):
        transcoder.register(transcoding)
