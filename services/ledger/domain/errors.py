"""Why the ledger refuses to book something. Every refusal names the rule it protects.

The ledger's own refusals about amounts are also the shared kernel's kinds of money error, so a
caller that catches the kernel's CurrencyMismatch or InvalidAmount (raised by Money itself when
amounts of two currencies are combined, or an amount is not whole minor units) catches the
ledger's too.
"""

from oms_kernel import money


class LedgerError(Exception):
    """Base of the ledger's domain errors."""


class CurrencyMismatch(LedgerError, money.CurrencyMismatch):
    """Two amounts in different currencies were combined, or do not match the order's currency."""


class InvalidAmount(LedgerError, money.InvalidAmount):
    """An amount that is not whole minor units of a currency, or negative where it may not be."""


class UnknownAccount(LedgerError):
    """A journal line names an account that is not in the chart of accounts."""


class UnbalancedEntry(LedgerError):
    """A journal entry whose debits and credits differ in some currency."""


class InconsistentOrderTotals(LedgerError):
    """Goods, shipping and tax do not add up to the grand total the customer was charged."""


class OrderAlreadyDelivered(LedgerError):
    """Revenue was recognised at delivery; the order can no longer be cancelled in the ledger."""


class OrderAlreadyCancelled(LedgerError):
    """The order was cancelled (and refunded); a delivery cannot be recognised for it."""
