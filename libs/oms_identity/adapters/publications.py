"""What the identity domain's events become on oms.identity.events.v1 (key: the user id for users
and sessions, the client id for clients; see the catalogue).

Only what may be published is copied: never a password hash, a refresh token's digest or a client
secret's digest, although the stored events hold them. `RefreshToken.Issued` (the index from a
token's digest to its session) and `Session.Started` (published as the user's `SignedIn`) are the
store's own business.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, datetime
from typing import Any

from google.protobuf.message import Message
from google.protobuf.timestamp_pb2 import Timestamp

from oms.identity.v1 import identity_events_pb2 as events
from oms.identity.v1 import identity_pb2
from oms_identity.domain.clients import CLIENT_REVOKED, WRONG_SECRET, Client
from oms_identity.domain.sessions import Session
from oms_identity.domain.users import ACCOUNT_DISABLED, ACCOUNT_LOCKED, WRONG_PASSWORD, User
from oms_platform.messaging.relay import Publication

IDENTITY_EVENTS = "oms.identity.events.v1"

_SIGN_IN_REASONS = {
    WRONG_PASSWORD: identity_pb2.SIGN_IN_FAILURE_REASON_WRONG_PASSWORD,
    ACCOUNT_LOCKED: identity_pb2.SIGN_IN_FAILURE_REASON_ACCOUNT_LOCKED,
    ACCOUNT_DISABLED: identity_pb2.SIGN_IN_FAILURE_REASON_ACCOUNT_DISABLED,
}
_CLIENT_REASONS = {
    WRONG_SECRET: identity_pb2.CLIENT_AUTHENTICATION_FAILURE_REASON_WRONG_SECRET,
    CLIENT_REVOKED: identity_pb2.CLIENT_AUTHENTICATION_FAILURE_REASON_CLIENT_REVOKED,
}


def publications(domain_event: Any) -> Iterable[Publication]:
    translate = _TRANSLATIONS.get(type(domain_event))
    if translate is None:
        return ()
    key, message = translate(domain_event)
    return (Publication(IDENTITY_EVENTS, key, message),)


def timestamp(value: datetime) -> Timestamp:
    stamp = Timestamp()
    stamp.FromDatetime(value if value.tzinfo else value.replace(tzinfo=UTC))
    return stamp


def data_scope(scope: Mapping[str, Any] | None) -> identity_pb2.DataScope:
    scope = scope or {}
    message = identity_pb2.DataScope()
    for name in ("channels", "stores", "warehouses"):
        ids = scope.get(name)
        if ids is not None:
            setattr(message, f"{name}_restricted", True)
            getattr(message, name).extend(sorted(ids))
    return message


def _id(event: Any) -> str:
    return str(event.originator_id)


def _user_registered(event: Any) -> tuple[str, Message]:
    return _id(event), events.UserRegistered(
        user_id=_id(event), username=event.username, display_name=event.display_name,
        roles=sorted(event.roles), scope=data_scope(event.scope),
        must_change_password=event.must_change_password, registered_by=event.registered_by,
        registered_at=timestamp(event.timestamp))


def _roles_changed(event: Any) -> tuple[str, Message]:
    return _id(event), events.UserRolesChanged(
        user_id=_id(event), username=event.username, roles_before=event.roles_before,
        roles_after=event.roles_after, changed_by=event.changed_by, changed_at=timestamp(event.timestamp))


def _scope_changed(event: Any) -> tuple[str, Message]:
    return _id(event), events.UserScopeChanged(
        user_id=_id(event), username=event.username, scope_before=data_scope(event.scope_before),
        scope_after=data_scope(event.scope_after), changed_by=event.changed_by,
        changed_at=timestamp(event.timestamp))


def _disabled(event: Any) -> tuple[str, Message]:
    return _id(event), events.UserDisabled(user_id=_id(event), username=event.username,
                                           disabled_by=event.disabled_by, disabled_at=timestamp(event.timestamp))


def _enabled(event: Any) -> tuple[str, Message]:
    return _id(event), events.UserEnabled(user_id=_id(event), username=event.username,
                                          enabled_by=event.enabled_by, enabled_at=timestamp(event.timestamp))


def _password_changed(event: Any) -> tuple[str, Message]:
    return _id(event), events.PasswordChanged(
        user_id=_id(event), username=event.username, changed_by=event.changed_by,
        must_change_password=event.must_change_password, changed_at=timestamp(event.timestamp))


def _sign_in_failed(event: Any) -> tuple[str, Message]:
    return _id(event), events.SignInFailed(
        user_id=_id(event), username=event.username,
        reason=_SIGN_IN_REASONS.get(event.reason, identity_pb2.SIGN_IN_FAILURE_REASON_UNSPECIFIED),
        consecutive_failures=event.consecutive_failures, failed_at=timestamp(event.timestamp))


def _locked_out(event: Any) -> tuple[str, Message]:
    return _id(event), events.UserLockedOut(
        user_id=_id(event), username=event.username, consecutive_failures=event.consecutive_failures,
        locked_until=timestamp(event.locked_until), locked_at=timestamp(event.timestamp))


def _unlocked(event: Any) -> tuple[str, Message]:
    return _id(event), events.UserUnlocked(user_id=_id(event), username=event.username,
                                           unlocked_by=event.unlocked_by, unlocked_at=timestamp(event.timestamp))


def _signed_in(event: Any) -> tuple[str, Message]:
    return _id(event), events.SignedIn(user_id=_id(event), username=event.username, session_id=event.session_id,
                                       signed_in_at=timestamp(event.signed_in_at))


def _session_refreshed(event: Any) -> tuple[str, Message]:
    return event.user_id, events.SessionRefreshed(
        user_id=event.user_id, session_id=_id(event), refresh_token_expires_at=timestamp(event.expires_at),
        refreshed_at=timestamp(event.timestamp))


def _signed_out(event: Any) -> tuple[str, Message]:
    return event.user_id, events.SignedOut(user_id=event.user_id, session_id=_id(event),
                                           signed_out_at=timestamp(event.timestamp))


def _reuse_detected(event: Any) -> tuple[str, Message]:
    return event.user_id, events.RefreshTokenReuseDetected(user_id=event.user_id, session_id=_id(event),
                                                           detected_at=timestamp(event.timestamp))


def _client_registered(event: Any) -> tuple[str, Message]:
    return event.client_id, events.ClientRegistered(
        client_id=event.client_id, display_name=event.display_name, roles=sorted(event.roles),
        channels_restricted=event.channels is not None, channels=sorted(event.channels or ()),
        registered_by=event.registered_by, registered_at=timestamp(event.timestamp))


def _client_revoked(event: Any) -> tuple[str, Message]:
    return event.client_id, events.ClientRevoked(client_id=event.client_id, revoked_by=event.revoked_by,
                                                 revoked_at=timestamp(event.timestamp))


def _client_token_issued(event: Any) -> tuple[str, Message]:
    return event.client_id, events.ClientTokenIssued(client_id=event.client_id, issued_at=timestamp(event.timestamp))


def _client_authentication_failed(event: Any) -> tuple[str, Message]:
    return event.client_id, events.ClientAuthenticationFailed(
        client_id=event.client_id,
        reason=_CLIENT_REASONS.get(event.reason, identity_pb2.CLIENT_AUTHENTICATION_FAILURE_REASON_UNSPECIFIED),
        failed_at=timestamp(event.timestamp))


def _event(aggregate: type, name: str) -> type:
    """The event class the `@event(name)` decorator made on the aggregate (made at run time, so
    type checkers do not see it as an attribute); fails at import when the name is wrong."""
    found = getattr(aggregate, name)
    assert isinstance(found, type), (aggregate, name)
    return found


_TRANSLATIONS: dict[type, Callable[[Any], tuple[str, Message]]] = {
    _event(User, "Registered"): _user_registered,
    _event(User, "RolesChanged"): _roles_changed,
    _event(User, "ScopeChanged"): _scope_changed,
    _event(User, "Disabled"): _disabled,
    _event(User, "Enabled"): _enabled,
    _event(User, "PasswordChanged"): _password_changed,
    _event(User, "SignInFailed"): _sign_in_failed,
    _event(User, "LockedOut"): _locked_out,
    _event(User, "Unlocked"): _unlocked,
    _event(User, "SignedIn"): _signed_in,
    _event(Session, "Refreshed"): _session_refreshed,
    _event(Session, "SignedOut"): _signed_out,
    _event(Session, "ReuseDetected"): _reuse_detected,
    _event(Client, "Registered"): _client_registered,
    _event(Client, "Revoked"): _client_revoked,
    _event(Client, "TokenIssued"): _client_token_issued,
    _event(Client, "AuthenticationFailed"): _client_authentication_failed,
}
