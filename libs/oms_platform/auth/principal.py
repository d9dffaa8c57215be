"""Who is acting: the one value every authorization decision and every audit line starts from.

A principal is built once per request (from a bearer token or an API key) and never changes. Its
data scope says which channels, stores and warehouses it may touch: `None` is unrestricted (the
claim or setting was absent), an empty set is "none at all". Roles say what it may do; the
permission check is `RoleGrants.permits` (permissions.py), not here, so this module needs no
policy data.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Any


class PrincipalKind(str, Enum):
    USER = "user"  # a person, signed in through the identity provider
    MACHINE = "machine"  # a channel, a carrier, another system: client credentials or an API key


Scope = frozenset[str] | None


@dataclass(frozen=True)
class Principal:
    subject: str  # stable id: the token's `sub` for people, the client id for machines
    kind: PrincipalKind
    roles: frozenset[str] = frozenset()
    channels: Scope = None
    stores: Scope = None
    warehouses: Scope = None
    acting_for: str | None = None  # whom a machine acts on behalf of (RFC 8693 `act`)
    name: str | None = None  # for people to read; never used to decide anything
    token_id: str | None = None  # `jti` of the token, or the API key's prefix

    def __post_init__(self) -> None:
        if not self.subject:
            raise ValueError("a principal needs a subject")
        # Plain sets and lists slip in through callers that build principals by hand; frozen
        # sets keep the value hashable and immutable like the dataclass around them.
        for field in ("roles", "channels", "stores", "warehouses"):
            value = getattr(self, field)
            if value is not None and not isinstance(value, frozenset):
                object.__setattr__(self, field, frozenset(value))

    @property
    def is_machine(self) -> bool:
        return self.kind is PrincipalKind.MACHINE

    def has_role(self, role: str) -> bool:
        return role in self.roles

    def may_act_on(
        self, *, channel: str | None = None, store: str | None = None, warehouse: str | None = None
    ) -> bool:
        """True when every value given is inside this principal's scope; values not given are
        not checked. Call it with what the resource belongs to (an order's channel and store)."""
        return (
            _within(self.channels, channel)
            and _within(self.stores, store)
            and _within(self.warehouses, warehouse)
        )

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form for audit records: sorted lists, `None` for unrestricted scope."""
        return {
            "subject": self.subject,
            "kind": self.kind.value,
            "roles": sorted(self.roles),
            "channels": _listed(self.channels),
            "stores": _listed(self.stores),
            "warehouses": _listed(self.warehouses),
            "acting_for": self.acting_for,
            "name": self.name,
            "token_id": self.token_id,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Principal:
        """The inverse of `to_dict` (reading audit records back)."""
        return cls(
            subject=str(data["subject"]),
            kind=PrincipalKind(data["kind"]),
            roles=frozenset(data.get("roles") or ()),
            channels=_scope(data.get("channels")),
            stores=_scope(data.get("stores")),
            warehouses=_scope(data.get("warehouses")),
            acting_for=data.get("acting_for"),
            name=data.get("name"),
            token_id=data.get("token_id"),
        )


def _within(scope: Scope, value: str | None) -> bool:
    return value is None or scope is None or value in scope


def _listed(scope: Scope) -> list[str] | None:
    return None if scope is None else sorted(scope)


def _scope(values: Iterable[str] | None) -> Scope:
    return None if values is None else frozenset(values)
