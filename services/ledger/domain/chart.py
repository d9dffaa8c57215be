"""The chart of accounts the ledger posts to.

Codes follow the layout of the Chinese enterprise chart (1xxx assets, 2xxx liabilities, 6xxx
profit and loss) that the seed documents use. An account's normal side is where its balance
usually sits: assets and contra-revenue on the debit side, liabilities and revenue on the credit.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from services.ledger.domain.errors import UnknownAccount


class AccountKind(Enum):
    ASSET = "asset"
    LIABILITY = "liability"
    REVENUE = "revenue"
    CONTRA_REVENUE = "contra_revenue"


class Side(Enum):
    DEBIT = "debit"
    CREDIT = "credit"


@dataclass(frozen=True)
class Account:
    code: str
    name: str
    kind: AccountKind

    @property
    def normal_side(self) -> Side:
        if self.kind in (AccountKind.ASSET, AccountKind.CONTRA_REVENUE):
            return Side.DEBIT
        return Side.CREDIT


CASH = Account("1001", "Cash and bank", AccountKind.ASSET)
RECEIVABLES = Account("1122", "Accounts receivable", AccountKind.ASSET)
COD_CLEARING = Account("1123", "Cash-on-delivery clearing (carrier)", AccountKind.ASSET)
CUSTOMER_ADVANCES = Account("2201", "Customer advances (contract liability)", AccountKind.LIABILITY)
VAT_OUTPUT = Account("2221", "VAT output payable", AccountKind.LIABILITY)
SALES_REVENUE = Account("6001", "Sales revenue", AccountKind.REVENUE)
SHIPPING_INCOME = Account("6051", "Shipping income", AccountKind.REVENUE)
SALES_RETURNS = Account("6401", "Refunds and sales returns", AccountKind.CONTRA_REVENUE)

CHART_OF_ACCOUNTS: dict[str, Account] = {
    account.code: account
    for account in (
        CASH, RECEIVABLES, COD_CLEARING, CUSTOMER_ADVANCES, VAT_OUTPUT,
        SALES_REVENUE, SHIPPING_INCOME, SALES_RETURNS,
    )
}


def account(code: str) -> Account:
    try:
        return CHART_OF_ACCOUNTS[code]
    except KeyError:
        raise UnknownAccount(f"account {code!r} is not in the chart of accounts") from None
