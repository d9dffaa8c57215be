"""How the ledger's recorded facts become messages on oms.ledger.events.v1, keyed by order id.

Facts that only move the account's own state (opened, revenue recognised, cancellation noted)
are not published: downstream teams learn of them from the entries they cause.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from google.protobuf.message import Message

from oms.common.v1.actor_pb2 import Actor, ActorRole
from oms.ledger.v1 import ledger_events_pb2 as contract
from oms.ledger.v1.ledger_pb2 import JournalLine as JournalLineMessage
from oms.ledger.v1.ledger_pb2 import MatchKind as MatchKindMessage
from oms_platform.contract_values import money_to_contract, timestamp_to_contract
from oms_platform.messaging.relay import Publication
from services.ledger.adapters.contract_values import method_value
from services.ledger.domain.chart import Side
from services.ledger.domain.journal import JournalLine
from services.ledger.domain.order_account import OrderAccount
from services.ledger.domain.payments import MatchKind

LEDGER_EVENTS = "oms.ledger.events.v1"

AUTOMATIC_MATCHING = Actor(actor_id="ledger:automatic-matching", role=ActorRole.ACTOR_ROLE_SYSTEM,
                           display_name="Automatic payment matching")

_MATCH_KINDS = {
    MatchKind.EXACT: MatchKindMessage.MATCH_KIND_EXACT,
    MatchKind.PARTIAL: MatchKindMessage.MATCH_KIND_PARTIAL,
    MatchKind.OVERPAYMENT: MatchKindMessage.MATCH_KIND_OVERPAYMENT,
}


def publications(domain_event: Any) -> Iterator[Publication]:
    translate = _TRANSLATIONS.get(type(domain_event))
    if translate is not None:
        message = translate(domain_event)
        yield Publication(LEDGER_EVENTS, message.order_id, message)


def journal_entry_posted(event: OrderAccount.JournalEntryPosted) -> contract.JournalEntryPosted:
    entry = event.entry
    return contract.JournalEntryPosted(
        entry_id=entry.entry_id,
        order_id=entry.order_id,
        lines=[_line(line) for line in entry.lines],
        recognition_rule_id=entry.rule,
        source_event_type=entry.source.event_type,
        source_event_id=entry.source.event_id,
        period=entry.period,
        memo=entry.memo,
        posted_at=timestamp_to_contract(event.timestamp),
    )


def _line(line: JournalLine) -> JournalLineMessage:
    amount = money_to_contract(line.amount)
    if line.side is Side.DEBIT:
        return JournalLineMessage(account_code=line.account_code, debit=amount, memo=line.memo)
    return JournalLineMessage(account_code=line.account_code, credit=amount, memo=line.memo)


def payment_received(event: OrderAccount.PaymentReceived) -> contract.PaymentReceived:
    payment = event.payment
    return contract.PaymentReceived(
        payment_id=payment.payment_id,
        order_id=event.order_id,
        amount=money_to_contract(payment.amount),
        method=method_value(payment.method),
        external_reference=payment.reference,
        received_at=timestamp_to_contract(payment.received_at),
    )


def payment_matched(event: OrderAccount.PaymentMatched) -> contract.PaymentMatched:
    return contract.PaymentMatched(
        payment_id=event.payment_id,
        order_id=event.order_id,
        matched_amount=money_to_contract(event.matched),
        outstanding_after=money_to_contract(event.outstanding_after),
        kind=_MATCH_KINDS[event.kind],
        automatic=True,
        matched_by=AUTOMATIC_MATCHING,
        matched_at=timestamp_to_contract(event.matched_at),
    )


def cod_collected(event: OrderAccount.CashOnDeliveryCollected) -> contract.CodCollected:
    return contract.CodCollected(
        order_id=event.order_id,
        shipment_id=event.shipment_id,
        amount=money_to_contract(event.amount),
        collected_at=timestamp_to_contract(event.collected_at),
    )


def refund_issued(event: OrderAccount.RefundIssued) -> contract.RefundIssued:
    return contract.RefundIssued(
        refund_id=event.refund_id,
        order_id=event.order_id,
        amount=money_to_contract(event.amount),
        method=method_value(event.method),
        entry_id=event.entry_id,
        issued_at=timestamp_to_contract(event.issued_at),
    )


_TRANSLATIONS: dict[type, Callable[[Any], Message]] = {
    OrderAccount.JournalEntryPosted: journal_entry_posted,
    OrderAccount.PaymentReceived: payment_received,
    OrderAccount.PaymentMatched: payment_matched,
    OrderAccount.CashOnDeliveryCollected: cod_collected,
    OrderAccount.RefundIssued: refund_issued,
}
