"""Access tokens: what a signed-in user or an authenticated client is told it may do.

A JWT (RFC 9068 profile) signed ES256, with the claims `oms_platform.auth.claims.ClaimMapping`
reads: roles, the data scope (only the dimensions that are restricted: an absent claim is
unrestricted), `oms_kind` (user or machine), `name`, `client_id` for machines, and `jti`.
A user who must change their password gets a token with no roles: it only lets them change it.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from oms_identity.domain.clients import Client
from oms_identity.domain.users import User


@dataclass(frozen=True)
class AccessToken:
    token: str
    expires_in: int  # seconds
    claims: dict[str, Any]


@dataclass(frozen=True)
class TokenIssuer:
    issuer: str
    audience: str
    lifetime: timedelta
    sign: Callable[[dict[str, Any]], str]

    def for_user(self, user: User, session_id: str, now: datetime) -> AccessToken:
        claims: dict[str, Any] = {
            "sub": user.user_id,
            "preferred_username": user.username,
            "name": user.display_name,
            "oms_kind": "user",
            "sid": session_id,
            "roles": [] if user.must_change_password else list(user.roles),
        }
        scope = user.scope
        for claim, ids in (("oms_channels", scope.channels), ("oms_stores", scope.stores),
                           ("oms_warehouses", scope.warehouses)):
            if ids is not None:
                claims[claim] = list(ids)
        return self._signed(claims, now)

    def for_client(self, client: Client, now: datetime) -> AccessToken:
        claims: dict[str, Any] = {
            "sub": client.client_id,
            "client_id": client.client_id,
            "name": client.display_name,
            "oms_kind": "machine",
            "roles": list(client.roles),
        }
        if client.channels is not None:
            claims["oms_channels"] = list(client.channels)
        return self._signed(claims, now)

    def _signed(self, claims: dict[str, Any], now: datetime) -> AccessToken:
        issued_at = int(now.timestamp())
        lifetime = int(self.lifetime.total_seconds())
        full = {"iss": self.issuer, "aud": self.audience, "iat": issued_at, "exp": issued_at + lifetime,
                "jti": str(uuid.uuid4()), **claims}
        return AccessToken(self.sign(full), lifetime, full)
