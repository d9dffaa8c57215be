"""What the ledger is asked to book, in domain terms: one command per order event it consumes.

The Kafka edge (entrypoints/kafka.py) builds them from the order's contract messages; the
application handlers (handlers.py) take nothing else. `source` is the upstream event an entry is
posted for (its contract type, event id and business time): it dates the entry and derives its id.

A command carries the facts as reported; the ledger's rules about them (totals that add up, one
currency, positive payments) are checked by the domain when the handler books them, so that an
order account already opened, or one never opened, is decided first.
"""

from __future__ import annotations

from dataclasses import dataclass

from oms_kernel.money import Money
from services.ledger.domain.journal import SourceEvent
from services.ledger.domain.order_terms import OrderTerms


@dataclass(frozen=True)
class OpenOrderAccount:
    """An order was placed: what the customer was charged for it."""

    order_id: str
    order_number: str
    goods_net: Money
    shipping_fee: Money
    tax: Money
    grand_total: Money
    payment_method: str

    def terms(self) -> OrderTerms:
        """The order's terms; refused (a LedgerError) when they do not add up."""
        return OrderTerms(goods_net=self.goods_net, shipping_fee=self.shipping_fee, tax=self.tax,
                          grand_total=self.grand_total, payment_method=self.payment_method)


@dataclass(frozen=True)
class BookPayment:
    """The order's payment was confirmed."""

    order_id: str
    amount: Money | None  # None: nothing received yet (cash on delivery, credit terms)
    method: str
    reference: str  # the gateway's or channel's reference, "" when it gave none
    source: SourceEvent


@dataclass(frozen=True)
class RecogniseDelivery:
    """Every shipment of the order was delivered."""

    order_id: str
    shipment_ids: tuple[str, ...]
    source: SourceEvent


@dataclass(frozen=True)
class CancelOrder:
    """The order was cancelled."""

    order_id: str
    source: SourceEvent
