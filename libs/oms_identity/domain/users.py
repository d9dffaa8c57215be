"""A person who signs in: credentials, roles, data scope, and the state of the lockout.

The id is derived from the username (`User.create_id`), so a username can be registered once,
whatever instance tries: the store refuses the second creation. The password is kept as an
argon2id hash in the store's events, and never leaves the store: publications carry no hash.
Every event names the username, so that what is published about a user reads on its own.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from eventsourcing.domain import Aggregate, event

from oms_identity.domain.errors import NotOnYourself
from oms_identity.domain.scope import DataScope

USER_NAMESPACE = uuid.UUID("0b8a6d5e-4c0f-4f44-9d55-3d9b8f6a71c2")

# Why a sign-in failed (SignInFailed.reason).
WRONG_PASSWORD = "wrong_password"
ACCOUNT_LOCKED = "account_locked"
ACCOUNT_DISABLED = "account_disabled"


def user_id_for(username: str) -> uuid.UUID:
    return uuid.uuid5(USER_NAMESPACE, username)


class User(Aggregate):
    @staticmethod
    def create_id(username: str) -> uuid.UUID:
        return user_id_for(username)

    @event("Registered")
    def __init__(self, username: str, display_name: str, password_hash: str, roles: Sequence[str],
                 scope: dict[str, Any], must_change_password: bool, registered_by: str) -> None:
        self.username = username
        self.display_name = display_name
        self.password_hash = password_hash
        self.roles = tuple(sorted(roles))
        self.scope_data = dict(scope)
        self.must_change_password = must_change_password
        self.registered_by = registered_by
        self.enabled = True
        self.consecutive_failures = 0
        self.locked_until: datetime | None = None
        self.last_signed_in_at: datetime | None = None

    @property
    def user_id(self) -> str:
        return str(self.id)

    @property
    def scope(self) -> DataScope:
        return DataScope.from_dict(self.scope_data)

    def is_locked(self, now: datetime) -> bool:
        return self.locked_until is not None and now < self.locked_until

    # -- administration ---------------------------------------------------------------------------

    def change_roles(self, roles: Sequence[str], by: str) -> bool:
        """True when the roles changed (the same roles again record nothing)."""
        after = tuple(sorted(set(roles)))
        if after == self.roles:
            return False
        if by == self.user_id and "administrator" in self.roles and "administrator" not in after:
            raise NotOnYourself("you cannot take the administrator role from yourself")
        self._roles_changed(self.username, list(self.roles), list(after), by)
        return True

    @event("RolesChanged")
    def _roles_changed(self, username: str, roles_before: list[str], roles_after: list[str],
                       changed_by: str) -> None:
        self.roles = tuple(roles_after)

    def change_scope(self, scope: DataScope, by: str) -> bool:
        if scope == self.scope:
            return False
        self._scope_changed(self.username, self.scope.as_dict(), scope.as_dict(), by)
        return True

    @event("ScopeChanged")
    def _scope_changed(self, username: str, scope_before: dict[str, Any], scope_after: dict[str, Any],
                       changed_by: str) -> None:
        self.scope_data = dict(scope_after)

    def disable(self, by: str) -> bool:
        if by == self.user_id:
            raise NotOnYourself("you cannot disable yourself")
        if not self.enabled:
            return False
        self._disabled(self.username, by)
        return True

    @event("Disabled")
    def _disabled(self, username: str, disabled_by: str) -> None:
        self.enabled = False

    def enable(self, by: str) -> bool:
        if self.enabled:
            return False
        self._enabled(self.username, by)
        return True

    @event("Enabled")
    def _enabled(self, username: str, enabled_by: str) -> None:
        self.enabled = True

    def unlock(self, by: str, now: datetime) -> bool:
        """Lift a lockout and forget the failures counted towards one; False when there was none."""
        if not self.is_locked(now) and self.consecutive_failures == 0:
            return False
        self._unlocked(self.username, by)
        return True

    @event("Unlocked")
    def _unlocked(self, username: str, unlocked_by: str) -> None:
        self.locked_until = None
        self.consecutive_failures = 0

    # -- credentials ------------------------------------------------------------------------------

    def change_password(self, password_hash: str, by: str, *, must_change_password: bool = False) -> None:
        self._password_changed(self.username, password_hash, by, must_change_password)

    @event("PasswordChanged")
    def _password_changed(self, username: str, password_hash: str, changed_by: str,
                          must_change_password: bool) -> None:
        self.password_hash = password_hash
        self.must_change_password = must_change_password

    # -- signing in -------------------------------------------------------------------------------

    def sign_in_failed(self, now: datetime, *, threshold: int, lock_for: timedelta) -> bool:
        """A wrong password: counted, and at `threshold` in a row the user is locked out for
        `lock_for` (the count starts again after a lockout). True when this failure locked."""
        failures = self.consecutive_failures + 1
        self._sign_in_failed(self.username, WRONG_PASSWORD, failures)
        if failures >= threshold:
            self._locked_out(self.username, failures, now + lock_for)
            return True
        return False

    def sign_in_refused(self, reason: str) -> None:
        """A sign-in refused before the password counted (locked out, disabled)."""
        self._sign_in_failed(self.username, reason, self.consecutive_failures)

    @event("SignInFailed")
    def _sign_in_failed(self, username: str, reason: str, consecutive_failures: int) -> None:
        self.consecutive_failures = consecutive_failures

    @event("LockedOut")
    def _locked_out(self, username: str, consecutive_failures: int, locked_until: datetime) -> None:
        self.locked_until = locked_until
        self.consecutive_failures = 0

    def signed_in(self, session_id: str, now: datetime) -> None:
        self._signed_in(self.username, session_id, now)

    @event("SignedIn")
    def _signed_in(self, username: str, session_id: str, signed_in_at: datetime) -> None:
        self.consecutive_failures = 0
        self.locked_until = None
        self.last_signed_in_at = signed_in_at
