"""A machine principal that signs in with client credentials (a channel adapter, a carrier).

Its secret is 32 random bytes; the store keeps only its SHA-256 digest (see
`oms_platform.auth.api_keys` for why a plain digest and not a password hash). The id is derived
from the client id, so a client id can be registered once.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from eventsourcing.domain import Aggregate, event

from oms_identity.domain.errors import ClientAlreadyRevoked

CLIENT_NAMESPACE = uuid.UUID("5c7e2f0a-9b3d-4e61-8a2c-7f4d1e9b0a36")

# Why a client was refused (ClientAuthenticationFailed.reason).
WRONG_SECRET = "wrong_secret"
CLIENT_REVOKED = "client_revoked"


def client_aggregate_id(client_id: str) -> uuid.UUID:
    return uuid.uuid5(CLIENT_NAMESPACE, client_id)


class Client(Aggregate):
    @staticmethod
    def create_id(client_id: str) -> uuid.UUID:
        return client_aggregate_id(client_id)

    @event("Registered")
    def __init__(self, client_id: str, display_name: str, secret_digest: str, roles: Sequence[str],
                 channels: Sequence[str] | None, registered_by: str) -> None:
        self.client_id = client_id
        self.display_name = display_name
        self.secret_digest = secret_digest
        self.roles = tuple(sorted(roles))
        self.channels = None if channels is None else tuple(sorted(channels))
        self.registered_by = registered_by
        self.revoked = False
        self.tokens_issued = 0

    def revoke(self, by: str) -> None:
        if self.revoked:
            raise ClientAlreadyRevoked(self.client_id)
        self._revoked(self.client_id, by)

    @event("Revoked")
    def _revoked(self, client_id: str, revoked_by: str) -> None:
        self.revoked = True

    def token_issued(self) -> None:
        self._token_issued(self.client_id)

    @event("TokenIssued")
    def _token_issued(self, client_id: str) -> None:
        self.tokens_issued += 1

    def authentication_failed(self, reason: str) -> None:
        self._authentication_failed(self.client_id, reason)

    @event("AuthenticationFailed")
    def _authentication_failed(self, client_id: str, reason: str) -> None:
        pass
