"""The permission matrix, generated from the code and the policy so that it cannot drift from them.

Rows are operations (`POST /orders/{order_id}/cancel`, and later message-driven commands), with
the permissions they require; columns are the policy's roles; a ✓ where the role grants every
permission of the row. Open operations (health, metrics) are listed with no ✓: that they are
open is worth seeing too.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from fastapi import FastAPI

from oms_platform.auth.http import route_permissions
from oms_platform.auth.permissions import RoleGrants

GRANTED = "✓"
OPEN = "(open)"


@dataclass(frozen=True)
class MatrixRow:
    service: str
    operation: str  # `METHOD /path`, or `command <name>`
    permissions: tuple[str, ...]  # all required; () is open


def http_rows(apps: Mapping[str, FastAPI]) -> list[MatrixRow]:
    """A row per method and path of each service's app, in route order."""
    return [
        MatrixRow(service, route.operation, route.permissions)
        for service, app in apps.items()
        for route in route_permissions(app)
    ]


def command_rows(service: str, commands: Mapping[str, Sequence[str]]) -> list[MatrixRow]:
    """Rows for message-driven commands (a command name -> the permissions its handler checks).

    The extension point for commands that arrive over Kafka rather than HTTP: when their handlers
    check permissions, give their declarations here (read from the handlers, as `http_rows` reads
    the routes) and add the rows to the same table.
    """
    return [MatrixRow(service, f"command {name}", tuple(permissions)) for name, permissions in commands.items()]


def render_matrix(rows: Iterable[MatrixRow], grants: RoleGrants, *, roles: Sequence[str] | None = None) -> str:
    """A markdown table: service, operation, permission, then a column per role."""
    columns = list(roles) if roles is not None else grants.role_names()
    header = ["service", "operation", "permission", *columns]
    lines = [_line(header), _line(["---"] * len(header))]
    for row in rows:
        marks = [GRANTED if _granted(grants, role, row.permissions) else "" for role in columns]
        permission = ", ".join(f"`{name}`" for name in row.permissions) or OPEN
        lines.append(_line([row.service, f"`{row.operation}`", permission, *marks]))
    return "\n".join(lines) + "\n"


def permission_matrix(apps: Mapping[str, FastAPI], grants: RoleGrants) -> str:
    """The markdown matrix of the services' HTTP operations."""
    return render_matrix(http_rows(apps), grants)


def _granted(grants: RoleGrants, role: str, permissions: tuple[str, ...]) -> bool:
    return bool(permissions) and all(grants.role_grants(role, permission) for permission in permissions)


def _line(cells: Sequence[str]) -> str:
    return "| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |"
