"""The permission matrix is generated from the routes and the roles file."""

from __future__ import annotations

from oms_platform.auth.matrix import command_rows, http_rows, permission_matrix, render_matrix
from oms_platform.auth.permissions import load_roles
from tests.platform.auth.guarded_app import guarded_app


def table(markdown: str) -> list[list[str]]:
    return [[cell.strip() for cell in line.strip("|").split(" | ")] for line in markdown.splitlines()]


def test_every_route_is_listed_with_a_mark_exactly_where_the_grants_say(ec_key) -> None:
    grants = load_roles()
    rows = table(permission_matrix({"order": guarded_app(ec_key)}, grants))
    header, body = rows[0], rows[2:]
    assert header[:3] == ["service", "operation", "permission"] and header[3:] == grants.role_names()
    by_operation = {row[1]: row for row in body}
    assert set(by_operation) >= {"`GET /orders/{order_id}`", "`POST /orders/{order_id}/cancel`",
                                 "`POST /orders/{order_id}/refund`", "`POST /tracking/events`",
                                 "`GET /health/live`", "`GET /metrics`"}
    for operation, row in by_operation.items():
        permission = row[2].strip("`")
        for role, mark in zip(header[3:], row[3:], strict=True):
            expected = permission != "(open)" and grants.role_grants(role, permission)
            assert (mark == "✓") == expected, f"{operation} / {role}"
    refund = dict(zip(header, by_operation["`POST /orders/{order_id}/refund`"], strict=True))
    assert [role for role in header[3:] if refund[role] == "✓"] == ["administrator", "manager", "finance"]
    report = dict(zip(header, by_operation["`POST /tracking/events`"], strict=True))
    assert [role for role in header[3:] if report[role] == "✓"] == ["administrator", "customer_service", "carrier"]
    assert not any(by_operation["`GET /health/live`"][3:])


def test_commands_join_the_same_table_and_need_every_permission(ec_key) -> None:
    grants = load_roles()
    rows = http_rows({"order": guarded_app(ec_key)}) + command_rows(
        "ledger", {"IssueRefund": ["ledger.refund", "orders.read"]})
    lines = table(render_matrix(rows, grants, roles=["finance", "customer_service"]))
    assert lines[-1] == ["ledger", "`command IssueRefund`", "`ledger.refund`, `orders.read`", "✓", ""]
