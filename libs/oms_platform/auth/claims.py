"""From a verified token's claims to a `Principal`, configurable to fit any OpenID Connect provider.

Defaults, and what they fit:
- roles: the `roles` claim (the embedded issuer, Auth0/Entra with a roles claim); Keycloak puts
  realm roles under `realm_access.roles`: set `roles="realm_access.roles"`. A dotted path walks
  nested objects. A list of strings, or one space-separated string. `role_prefix` keeps only the
  roles that start with it and strips it (`oms:manager` -> `manager`), for shared realms.
- data scope: `oms_channels`, `oms_stores`, `oms_warehouses`, each a list of ids. An absent claim
  means unrestricted: the roles still decide what may be done, the scope only narrows it.
- acting_for: RFC 8693's actor claim, `act.sub`.
- machines: a token is a machine's when `oms_kind` says "machine" (the embedded issuer), or when it
  is a client-credentials token: `sub` equal to `client_id`/`azp` (RFC 9068), Auth0's
  `gty: client-credentials`, or Keycloak's `service-account-` user name. A machine's subject is its
  client id, which people can read, rather than the provider's internal id for it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from oms_platform.auth.principal import Principal, PrincipalKind, Scope


class ClaimError(Exception):
    """A claim with a value of the wrong type (tokens.py turns it into InvalidClaim)."""


@dataclass(frozen=True)
class ClaimMapping:
    roles: str = "roles"
    role_prefix: str = ""
    channels: str = "oms_channels"
    stores: str = "oms_stores"
    warehouses: str = "oms_warehouses"
    actor: str = "act.sub"
    kind: str = "oms_kind"
    client_id: tuple[str, ...] = ("client_id", "azp")
    name: tuple[str, ...] = ("name", "preferred_username")
    machine_username_prefix: str = "service-account-"  # Keycloak's service-account users

    def principal_from(self, claims: Mapping[str, Any]) -> Principal:
        kind = self._kind(claims)
        client_id = _first_text(claims, self.client_id)
        subject = client_id if kind is PrincipalKind.MACHINE and client_id else _text(claims, "sub")
        return Principal(
            subject=subject,
            kind=kind,
            roles=self._roles(claims),
            channels=_scope(claims, self.channels),
            stores=_scope(claims, self.stores),
            warehouses=_scope(claims, self.warehouses),
            acting_for=_optional_text(claims, self.actor),
            name=_first_text(claims, self.name),
            token_id=_optional_text(claims, "jti"),
        )

    def _kind(self, claims: Mapping[str, Any]) -> PrincipalKind:
        declared = lookup(claims, self.kind)
        if declared is not None:
            try:
                return PrincipalKind(declared)
            except ValueError:
                raise ClaimError(f"claim {self.kind!r} must be 'user' or 'machine'") from None
        client_id = _first_text(claims, self.client_id)
        username = claims.get("preferred_username")
        machine = (
            (client_id is not None and claims.get("sub") == client_id)
            or claims.get("gty") == "client-credentials"
            or (isinstance(username, str) and username.startswith(self.machine_username_prefix))
        )
        return PrincipalKind.MACHINE if machine else PrincipalKind.USER

    def _roles(self, claims: Mapping[str, Any]) -> frozenset[str]:
        roles = _strings(claims, self.roles) or frozenset()
        if not self.role_prefix:
            return roles
        return frozenset(role[len(self.role_prefix):] for role in roles if role.startswith(self.role_prefix))


def lookup(claims: Mapping[str, Any], path: str) -> Any:
    """The value at a dotted path (`realm_access.roles`), or None where any step is missing."""
    value: Any = claims
    for step in path.split("."):
        if not isinstance(value, Mapping) or step not in value:
            return None
        value = value[step]
    return value


def _strings(claims: Mapping[str, Any], path: str) -> frozenset[str] | None:
    value = lookup(claims, path)
    if value is None:
        return None
    if isinstance(value, str):
        return frozenset(value.split())
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return frozenset(value)
    raise ClaimError(f"claim {path!r} must be a list of strings")


def _scope(claims: Mapping[str, Any], path: str) -> Scope:
    return _strings(claims, path)


def _text(claims: Mapping[str, Any], path: str) -> str:
    value = _optional_text(claims, path)
    if not value:
        raise ClaimError(f"claim {path!r} must be a non-empty string")
    return value


def _optional_text(claims: Mapping[str, Any], path: str) -> str | None:
    value = lookup(claims, path)
    if value is not None and not isinstance(value, str):
        raise ClaimError(f"claim {path!r} must be a string")
    return value


def _first_text(claims: Mapping[str, Any], paths: tuple[str, ...]) -> str | None:
    for path in paths:
        value = _optional_text(claims, path)
        if value:
            return value
    return None
