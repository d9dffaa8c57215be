"""The identity provider's store, its queries, and its commands: administration and the grants.

Commands are plain functions that load aggregates, call them and record them, retried from the
start when another writer changed an aggregate first (`retry_on_conflict`). Hashing and checking
passwords take tens of milliseconds of CPU on purpose: the HTTP routes call every command from a
worker thread.

Grants answer with an outcome instead of raising, because a refused grant is often recorded
(a wrong password counts towards the lockout; a spent refresh token ends its session).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, ClassVar, TypeVar

from eventsourcing.application import AggregateNotFoundError
from eventsourcing.persistence import IntegrityError

from oms_identity.application.policy import SignInPolicy
from oms_identity.domain.clients import CLIENT_REVOKED, WRONG_SECRET, Client, client_aggregate_id
from oms_identity.domain.errors import (
    ClientIdTaken,
    PasswordRejected,
    UnknownClient,
    UnknownUser,
    UsernameTaken,
    WrongPassword,
)
from oms_identity.domain.scope import UNRESTRICTED, DataScope
from oms_identity.domain.sessions import CURRENT, ENDED, EXPIRED, RefreshToken, Session, refresh_token_id
from oms_identity.domain.users import ACCOUNT_DISABLED, ACCOUNT_LOCKED, User, user_id_for
from oms_platform.auth.passwords import Passwords
from oms_platform.store import ServiceApplication
from oms_platform.store.conflicts import retry_on_conflict

SYSTEM = "system"  # the actor of what the provider does by itself (the first administrator)
FIRST_ADMINISTRATOR = "admin"
ADMINISTRATOR_ROLE = "administrator"

_SCAN_PAGE = 500
# A refresh token or client secret: 32 random bytes, URL-safe (43 characters).
_SECRET_BYTES = 32

A = TypeVar("A")


def digest(secret: str) -> str:
    """SHA-256 of a high-entropy secret (refresh token, client secret), hex."""
    return hashlib.sha256(secret.encode()).hexdigest()


def now_utc() -> datetime:
    return datetime.now(UTC)


# -- outcomes of the grants ---------------------------------------------------------------------

@dataclass(frozen=True)
class GrantRefused:
    """`error` is the RFC 6749 code (invalid_grant, invalid_client); `description` is for people."""

    error: str
    description: str


@dataclass(frozen=True)
class SessionGranted:
    user: User
    session_id: str
    refresh_token: str  # handed to the client once; the store keeps only its digest


@dataclass(frozen=True)
class ClientGranted:
    client: Client


INVALID_CREDENTIALS = GrantRefused("invalid_grant", "invalid username or password")
INVALID_REFRESH_TOKEN = GrantRefused("invalid_grant", "the refresh token is not valid")
INVALID_CLIENT = GrantRefused("invalid_client", "client authentication failed")


class IdentityApplication(ServiceApplication):
    """Users, clients and sessions in one event-sourced store."""

    # Users and clients gain an event per sign-in and per token; sessions one per refresh.
    snapshotting_intervals: ClassVar[dict[type[Any], int]] = {User: 50, Client: 50, Session: 50}

    def __init__(self, env: Any = None) -> None:
        super().__init__(env)
        self.policy = SignInPolicy()
        self.passwords = Passwords()
        self._dummy_hash: str | None = None
        self._dummy_lock = threading.Lock()
        # Who is registered, read from the notification log as far as it was read (see _catch_up).
        self._directory_lock = threading.Lock()
        self._directory_position = 0
        self._user_ids: list[uuid.UUID] = []
        self._client_ids: list[uuid.UUID] = []

    # -- queries ----------------------------------------------------------------------------------

    def find_user(self, username: str) -> User | None:
        return self._find(User, user_id_for(username))

    def user(self, username: str) -> User:
        user = self.find_user(username)
        if user is None:
            raise UnknownUser(username)
        return user

    def user_by_id(self, user_id: str) -> User | None:
        try:
            return self._find(User, uuid.UUID(user_id))
        except ValueError:
            return None

    def users(self) -> list[User]:
        ids, _ = self._catch_up()
        return sorted((self.repository.get(i) for i in ids), key=lambda user: user.username)

    def find_client(self, client_id: str) -> Client | None:
        return self._find(Client, client_aggregate_id(client_id))

    def client(self, client_id: str) -> Client:
        client = self.find_client(client_id)
        if client is None:
            raise UnknownClient(client_id)
        return client

    def clients(self) -> list[Client]:
        _, ids = self._catch_up()
        return sorted((self.repository.get(i) for i in ids), key=lambda client: client.client_id)

    def _find(self, kind: type[A], aggregate_id: uuid.UUID) -> A | None:
        try:
            found = self.repository.get(aggregate_id)
        except AggregateNotFoundError:
            return None
        return found if isinstance(found, kind) else None

    def _catch_up(self) -> tuple[list[uuid.UUID], list[uuid.UUID]]:
        """Users and clients registered, by id, in the order registered. The notification log is
        read from where the last call stopped, so each registration is read once per process, and
        registrations by other instances are seen too."""
        with self._directory_lock:
            while True:
                page = self.notifications_after(self._directory_position, _SCAN_PAGE)
                for notification in page:
                    if notification.topic.endswith(":User.Registered"):
                        self._user_ids.append(uuid.UUID(str(notification.originator_id)))
                    elif notification.topic.endswith(":Client.Registered"):
                        self._client_ids.append(uuid.UUID(str(notification.originator_id)))
                if len(page) < _SCAN_PAGE:
                    if page:
                        self._directory_position = page[-1].id
                    return list(self._user_ids), list(self._client_ids)
                self._directory_position = page[-1].id

    # -- administration ---------------------------------------------------------------------------

    def register_user(self, username: str, display_name: str, password: str, roles: Sequence[str],
                      scope: DataScope, by: str) -> User:
        """A new user, who must change the password at first sign-in (whoever chose it knows it)."""
        if self.find_user(username) is not None:
            raise UsernameTaken(username)
        self.check_new_password(password, username)
        user = User(username=username, display_name=display_name, password_hash=self.passwords.hash(password),
                    roles=list(roles), scope=scope.as_dict(), must_change_password=True, registered_by=by)
        try:
            self.record(user)
        except IntegrityError:  # registered meanwhile, by another request or instance
            raise UsernameTaken(username) from None
        return user

    @retry_on_conflict
    def change_roles(self, username: str, roles: Sequence[str], by: str) -> User:
        user = self.user(username)
        if user.change_roles(roles, by):
            self.record(user)
        return user

    @retry_on_conflict
    def change_scope(self, username: str, scope: DataScope, by: str) -> User:
        user = self.user(username)
        if user.change_scope(scope, by):
            self.record(user)
        return user

    @retry_on_conflict
    def disable_user(self, username: str, by: str) -> User:
        user = self.user(username)
        if user.disable(by):
            self.record(user)
        return user

    @retry_on_conflict
    def enable_user(self, username: str, by: str) -> User:
        user = self.user(username)
        if user.enable(by):
            self.record(user)
        return user

    @retry_on_conflict
    def unlock_user(self, username: str, by: str) -> User:
        user = self.user(username)
        if user.unlock(by, now_utc()):
            self.record(user)
        return user

    def change_own_password(self, user_id: str, current: str, new: str) -> User:
        """The signed-in user's new password; WrongPassword (counted like a failed sign-in) when
        `current` is not theirs, PasswordRejected when `new` breaks the rules."""
        user = self.user_by_id(user_id)
        if user is None:
            raise UnknownUser(user_id)
        if not self.passwords.verify(user.password_hash, current):
            self._count_failure(user.username)
            raise WrongPassword()
        if new == current:
            raise PasswordRejected("the new password must differ from the current one")
        self.check_new_password(new, user.username)
        new_hash = self.passwords.hash(new)
        return self._store_password(user.username, new_hash, user.user_id)

    @retry_on_conflict
    def _store_password(self, username: str, password_hash: str, by: str) -> User:
        user = self.user(username)
        user.change_password(password_hash, by)
        self.record(user)
        return user

    def check_new_password(self, password: str, username: str) -> None:
        policy = self.policy
        if len(password) < policy.password_min_length:
            raise PasswordRejected(f"a password needs at least {policy.password_min_length} characters")
        if len(password) > policy.password_max_length:
            raise PasswordRejected(f"a password may have at most {policy.password_max_length} characters")
        if password.casefold() == username.casefold():
            raise PasswordRejected("the password may not be the username")

    def register_client(self, client_id: str, display_name: str, roles: Sequence[str],
                        channels: Sequence[str] | None, by: str) -> tuple[Client, str]:
        """A new machine client and its secret, which is returned here once and never stored."""
        if self.find_client(client_id) is not None:
            raise ClientIdTaken(client_id)
        secret = secrets.token_urlsafe(_SECRET_BYTES)
        client = Client(client_id=client_id, display_name=display_name, secret_digest=digest(secret),
                        roles=list(roles), channels=None if channels is None else list(channels), registered_by=by)
        try:
            self.record(client)
        except IntegrityError:
            raise ClientIdTaken(client_id) from None
        return client, secret

    @retry_on_conflict
    def revoke_client(self, client_id: str, by: str) -> Client:
        client = self.client(client_id)
        client.revoke(by)
        self.record(client)
        return client

    def ensure_first_administrator(self) -> str | None:
        """When no user exists at all: `admin`, an administrator with a random one-time password,
        which is returned (to be shown once). None when there are users already (a restart)."""
        users, _ = self._catch_up()
        if users:
            return None
        password = secrets.token_urlsafe(18)
        try:
            self.register_user(FIRST_ADMINISTRATOR, "Administrator", password, [ADMINISTRATOR_ROLE],
                               UNRESTRICTED, SYSTEM)
        except UsernameTaken:  # another instance made it first
            return None
        return password

    # -- grants -----------------------------------------------------------------------------------

    def password_grant(self, username: str, password: str) -> SessionGranted | GrantRefused:
        """Sign a user in (RFC 6749 4.3). An unknown username costs the same password check as a
        known one, and answers the same, so that neither time nor text tells which names exist."""
        user = self.find_user(username)
        if user is None:
            self.passwords.verify(self._dummy(), password)
            return INVALID_CREDENTIALS
        now = now_utc()
        if user.is_locked(now):
            self._refuse_sign_in(username, ACCOUNT_LOCKED)
            until = user.locked_until.strftime("%H:%M UTC") if user.locked_until else ""
            return GrantRefused("invalid_grant", f"the account is locked after too many failed sign-ins, until "
                                                 f"{until}; an administrator can unlock it")
        if not self.passwords.verify(user.password_hash, password):
            self._count_failure(username)
            return INVALID_CREDENTIALS
        if not user.enabled:
            # Said only to whoever knows the password: a disabled account is not shown to guessers.
            self._refuse_sign_in(username, ACCOUNT_DISABLED)
            return GrantRefused("invalid_grant", "the account is disabled; ask an administrator")
        return self._start_session(username)

    @retry_on_conflict
    def _count_failure(self, username: str) -> None:
        user = self.user(username)
        user.sign_in_failed(now_utc(), threshold=self.policy.lockout_threshold, lock_for=self.policy.lockout)
        self.record(user)

    @retry_on_conflict
    def _refuse_sign_in(self, username: str, reason: str) -> None:
        user = self.user(username)
        user.sign_in_refused(reason)
        self.record(user)

    @retry_on_conflict
    def _start_session(self, username: str) -> SessionGranted:
        user = self.user(username)
        now = now_utc()
        token = secrets.token_urlsafe(_SECRET_BYTES)
        token_digest = digest(token)
        session = Session(user_id=user.user_id, username=user.username, token_digest=token_digest,
                          expires_at=now + self.policy.refresh_token_lifetime,
                          ends_at=now + self.policy.session_lifetime)
        user.signed_in(session.session_id, now)
        self.record(user, session, RefreshToken(digest=token_digest, session_id=session.session_id))
        return SessionGranted(user, session.session_id, token)

    @retry_on_conflict
    def refresh_grant(self, refresh_token: str) -> SessionGranted | GrantRefused:
        """A new access token and a new refresh token for a current one (RFC 6749 6); the old one
        is spent. A spent one presented again ends its session (reuse detection)."""
        token_digest = digest(refresh_token)
        session = self._session_of(token_digest)
        if session is None:
            return INVALID_REFRESH_TOKEN
        now = now_utc()
        state = session.token_state(token_digest, now)
        if state == ENDED:
            return GrantRefused("invalid_grant", "the session of this refresh token has ended; sign in again")
        if state == EXPIRED:
            return GrantRefused("invalid_grant", "the refresh token has expired; sign in again")
        if state != CURRENT:  # spent: someone else has used this family
            session.reuse_detected()
            self.record(session)
            return GrantRefused("invalid_grant", "the refresh token was used before; the session is revoked "
                                                 "for safety: sign in again")
        user = self.user_by_id(session.user_id)
        if user is None or not user.enabled:
            return GrantRefused("invalid_grant", "the account is disabled; ask an administrator")
        token = secrets.token_urlsafe(_SECRET_BYTES)
        new_digest = digest(token)
        session.rotate(new_digest, now + self.policy.refresh_token_lifetime)
        self.record(session, RefreshToken(digest=new_digest, session_id=session.session_id))
        return SessionGranted(user, session.session_id, token)

    @retry_on_conflict
    def revoke_refresh_token(self, refresh_token: str) -> bool:
        """Sign out: end the session of a refresh token (RFC 7009). False when the token is not
        known or its session has ended already; the caller is answered alike either way."""
        session = self._session_of(digest(refresh_token))
        if session is None or not session.sign_out():
            return False
        self.record(session)
        return True

    def _session_of(self, token_digest: str) -> Session | None:
        index = self._find(RefreshToken, refresh_token_id(token_digest))
        if index is None:
            return None
        return self._find(Session, uuid.UUID(index.session_id))

    @retry_on_conflict
    def client_credentials_grant(self, client_id: str, secret: str) -> ClientGranted | GrantRefused:
        """Authenticate a machine client by its secret (RFC 6749 4.4)."""
        client = self.find_client(client_id)
        presented = digest(secret)
        if client is None:
            hmac.compare_digest(presented, digest(""))  # the same work as for a known client
            return INVALID_CLIENT
        if not hmac.compare_digest(presented, client.secret_digest):
            client.authentication_failed(WRONG_SECRET)
            self.record(client)
            return INVALID_CLIENT
        if client.revoked:
            client.authentication_failed(CLIENT_REVOKED)
            self.record(client)
            return GrantRefused("invalid_client", "the client has been revoked")
        client.token_issued()
        self.record(client)
        return ClientGranted(client)

    def prepare_sign_in(self) -> None:
        """Make the stand-in hash for unknown usernames now, so that not even the first sign-in
        with an unknown name takes longer than one with a known name."""
        self._dummy()

    def _dummy(self) -> str:
        """A real argon2id hash of a random password nobody knows, for unknown usernames."""
        with self._dummy_lock:
            if self._dummy_hash is None:
                self._dummy_hash = self.passwords.hash(secrets.token_urlsafe(16))
            return self._dummy_hash
