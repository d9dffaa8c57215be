"""The views' write session holds plain writes until a read or the commit, and sends them grouped."""

from __future__ import annotations

import pytest

from services.projection.adapters.view_store import _written_table


def test_a_read_sees_every_write_held_before_it(views):
    with views.write() as session:
        session.execute("DELETE FROM ledger_balance WHERE order_id = ?", ("o-held",))
        for account in ("1122", "6001"):
            session.execute(
                "INSERT INTO ledger_entries (entry_id, line_no, order_id, account_code, currency, debit_minor,"
                " credit_minor, posted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (f"e-{account}", 1, "o-held", account, "CNY", 100, 0, "2026-12-02T00:00:00.000000Z"))
        # reads ledger_entries: must run after the two held inserts, not before
        session.execute(
            "INSERT INTO ledger_balance (order_id, account_code, currency, debit_minor, credit_minor, balance_minor)"
            " SELECT order_id, account_code, currency, SUM(debit_minor), SUM(credit_minor),"
            " SUM(debit_minor) - SUM(credit_minor) FROM ledger_entries WHERE order_id = ?"
            " GROUP BY order_id, account_code, currency", ("o-held",))
        assert session.one("SELECT COUNT(*) AS n FROM ledger_balance WHERE order_id = ?", ("o-held",))["n"] == 2


def test_writes_to_one_table_keep_their_order(views):
    with views.write() as session:
        session.execute("INSERT INTO view_tracking (name, version) VALUES (?, ?)", ("t-order", 1))
        session.execute("UPDATE view_tracking SET version = ? WHERE name = ?", (5, "t-order"))
        session.execute("INSERT INTO view_tracking (name, version) VALUES (?, ?) ON CONFLICT (name) DO NOTHING",
                        ("t-order", 9))
    with views.read() as session:
        assert session.one("SELECT version FROM view_tracking WHERE name = ?", ("t-order",))["version"] == 5


def test_held_writes_are_lost_with_a_failed_transaction(views):
    with pytest.raises(RuntimeError), views.write() as session:
        session.execute("INSERT INTO view_tracking (name, version) VALUES (?, ?)", ("t-lost", 1))
        raise RuntimeError("handler failed")
    with views.read() as session:
        assert session.one("SELECT version FROM view_tracking WHERE name = ?", ("t-lost",)) is None


@pytest.mark.parametrize(("statement", "table"), [
    ("INSERT INTO orders (order_id) VALUES (?)", "orders"),
    ("UPDATE orders SET status = ? WHERE order_id = ?", "orders"),
    ("DELETE FROM order_lines WHERE order_id = ?", "order_lines"),
    ("INSERT INTO ledger_balance (order_id) SELECT order_id FROM ledger_entries", None),  # reads: at once
    ("INSERT INTO view_tracking (name) VALUES (?) RETURNING name", None),
    ("CREATE INDEX IF NOT EXISTS x ON orders (status)", None),
])
def test_only_plain_writes_are_held(statement, table):
    assert _written_table(statement) == table
