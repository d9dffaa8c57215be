"""A sign-in session: one refresh-token family (RFC 6819 5.2.2.3, OAuth 2.1 4.3.1).

A refresh token is an opaque random string; the store keeps only its SHA-256 digest. Each use
gives a new token and spends the old one (rotation). The session knows which digest is current:
a spent one presented again means the family leaked (the thief or the owner used it after the
other), so the whole session ends and every token of it, the newest included, stops working.

`RefreshToken` is the index from a token to its session: its id is derived from the token's
digest, so finding the session of a presented token is one load by id, and the id tells nothing
about the token.

Why sessions live in the event store and not in a table of their own: what happens to them is
published (SignedIn, SessionRefreshed, SignedOut, RefreshTokenReuseDetected), and the outbox writes
those messages in the transaction that records the change. A plain table beside the store would
be a second write, and a crash between the two would revoke a family without telling anyone (or
tell of a revocation that never happened). It also works the same on SQLite and PostgreSQL, and
two refreshes of one token race on the session's version: the loser is retried and sees a spent
token. The price is that expired sessions are never deleted (a few events each).
"""

from __future__ import annotations

import uuid
from datetime import datetime

from eventsourcing.domain import Aggregate, event

REFRESH_TOKEN_NAMESPACE = uuid.UUID("d2f4b6a8-1c3e-4a5b-9d7f-8e0a2c4b6d1f")

# How a session ended.
SIGNED_OUT = "signed_out"
REUSE_DETECTED = "reuse_detected"

# What a presented refresh token is, for its session.
CURRENT = "current"
SPENT = "spent"  # an earlier token of the family: reuse
EXPIRED = "expired"
ENDED = "ended"


def refresh_token_id(digest: str) -> uuid.UUID:
    return uuid.uuid5(REFRESH_TOKEN_NAMESPACE, digest)


class Session(Aggregate):
    @event("Started")
    def __init__(self, user_id: str, username: str, token_digest: str, expires_at: datetime,
                 ends_at: datetime) -> None:
        self.user_id = user_id
        self.username = username
        self.current_digest = token_digest
        self.expires_at = expires_at
        self.ends_at = ends_at  # however often refreshed, not after this
        self.ended: str | None = None
        self.refreshes = 0

    @property
    def session_id(self) -> str:
        return str(self.id)

    def token_state(self, digest: str, now: datetime) -> str:
        if self.ended is not None:
            return ENDED
        if digest != self.current_digest:
            return SPENT
        if now >= self.expires_at or now >= self.ends_at:
            return EXPIRED
        return CURRENT

    def rotate(self, token_digest: str, expires_at: datetime) -> None:
        self._refreshed(self.user_id, token_digest, min(expires_at, self.ends_at))

    @event("Refreshed")
    def _refreshed(self, user_id: str, token_digest: str, expires_at: datetime) -> None:
        self.current_digest = token_digest
        self.expires_at = expires_at
        self.refreshes += 1

    def sign_out(self) -> bool:
        if self.ended is not None:
            return False
        self._signed_out(self.user_id)
        return True

    @event("SignedOut")
    def _signed_out(self, user_id: str) -> None:
        self.ended = SIGNED_OUT

    def reuse_detected(self) -> None:
        """A spent token came back: the family is compromised and ends now (recorded even when
        it had ended already, so every reuse is seen)."""
        self._reuse_detected(self.user_id)

    @event("ReuseDetected")
    def _reuse_detected(self, user_id: str) -> None:
        self.ended = REUSE_DETECTED


class RefreshToken(Aggregate):
    """One issued refresh token, by the id its digest gives; points at its session."""

    @staticmethod
    def create_id(digest: str) -> uuid.UUID:
        return refresh_token_id(digest)

    @event("Issued")
    def __init__(self, digest: str, session_id: str) -> None:
        # The digest (never the token) is the store's only trace of the token; it makes the id.
        self.session_id = session_id
