import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from oms.identity.v1 import identity_pb2 as _identity_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class UserRegistered(_message.Message):
    __slots__ = ("user_id", "username", "display_name", "roles", "scope", "must_change_password", "registered_by", "registered_at")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    USERNAME_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    ROLES_FIELD_NUMBER: _ClassVar[int]
    SCOPE_FIELD_NUMBER: _ClassVar[int]
    MUST_CHANGE_PASSWORD_FIELD_NUMBER: _ClassVar[int]
    REGISTERED_BY_FIELD_NUMBER: _ClassVar[int]
    REGISTERED_AT_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    username: str
    display_name: str
    roles: _containers.RepeatedScalarFieldContainer[str]
    scope: _identity_pb2.DataScope
    must_change_password: bool
    registered_by: str
    registered_at: _timestamp_pb2.Timestamp
    def __init__(self, user_id: _Optional[str] = ..., username: _Optional[str] = ..., display_name: _Optional[str] = ..., roles: _Optional[_Iterable[str]] = ..., scope: _Optional[_Union[_identity_pb2.DataScope, _Mapping]] = ..., must_change_password: _Optional[bool] = ..., registered_by: _Optional[str] = ..., registered_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class UserRolesChanged(_message.Message):
    __slots__ = ("user_id", "username", "roles_before", "roles_after", "changed_by", "changed_at")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    USERNAME_FIELD_NUMBER: _ClassVar[int]
    ROLES_BEFORE_FIELD_NUMBER: _ClassVar[int]
    ROLES_AFTER_FIELD_NUMBER: _ClassVar[int]
    CHANGED_BY_FIELD_NUMBER: _ClassVar[int]
    CHANGED_AT_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    username: str
    roles_before: _containers.RepeatedScalarFieldContainer[str]
    roles_after: _containers.RepeatedScalarFieldContainer[str]
    changed_by: str
    changed_at: _timestamp_pb2.Timestamp
    def __init__(self, user_id: _Optional[str] = ..., username: _Optional[str] = ..., roles_before: _Optional[_Iterable[str]] = ..., roles_after: _Optional[_Iterable[str]] = ..., changed_by: _Optional[str] = ..., changed_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class UserScopeChanged(_message.Message):
    __slots__ = ("user_id", "username", "scope_before", "scope_after", "changed_by", "changed_at")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    USERNAME_FIELD_NUMBER: _ClassVar[int]
    SCOPE_BEFORE_FIELD_NUMBER: _ClassVar[int]
    SCOPE_AFTER_FIELD_NUMBER: _ClassVar[int]
    CHANGED_BY_FIELD_NUMBER: _ClassVar[int]
    CHANGED_AT_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    username: str
    scope_before: _identity_pb2.DataScope
    scope_after: _identity_pb2.DataScope
    changed_by: str
    changed_at: _timestamp_pb2.Timestamp
    def __init__(self, user_id: _Optional[str] = ..., username: _Optional[str] = ..., scope_before: _Optional[_Union[_identity_pb2.DataScope, _Mapping]] = ..., scope_after: _Optional[_Union[_identity_pb2.DataScope, _Mapping]] = ..., changed_by: _Optional[str] = ..., changed_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class UserDisabled(_message.Message):
    __slots__ = ("user_id", "username", "disabled_by", "disabled_at")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    USERNAME_FIELD_NUMBER: _ClassVar[int]
    DISABLED_BY_FIELD_NUMBER: _ClassVar[int]
    DISABLED_AT_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    username: str
    disabled_by: str
    disabled_at: _timestamp_pb2.Timestamp
    def __init__(self, user_id: _Optional[str] = ..., username: _Optional[str] = ..., disabled_by: _Optional[str] = ..., disabled_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class UserEnabled(_message.Message):
    __slots__ = ("user_id", "username", "enabled_by", "enabled_at")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    USERNAME_FIELD_NUMBER: _ClassVar[int]
    ENABLED_BY_FIELD_NUMBER: _ClassVar[int]
    ENABLED_AT_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    username: str
    enabled_by: str
    enabled_at: _timestamp_pb2.Timestamp
    def __init__(self, user_id: _Optional[str] = ..., username: _Optional[str] = ..., enabled_by: _Optional[str] = ..., enabled_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class PasswordChanged(_message.Message):
    __slots__ = ("user_id", "username", "changed_by", "must_change_password", "changed_at")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    USERNAME_FIELD_NUMBER: _ClassVar[int]
    CHANGED_BY_FIELD_NUMBER: _ClassVar[int]
    MUST_CHANGE_PASSWORD_FIELD_NUMBER: _ClassVar[int]
    CHANGED_AT_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    username: str
    changed_by: str
    must_change_password: bool
    changed_at: _timestamp_pb2.Timestamp
    def __init__(self, user_id: _Optional[str] = ..., username: _Optional[str] = ..., changed_by: _Optional[str] = ..., must_change_password: _Optional[bool] = ..., changed_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class SignInFailed(_message.Message):
    __slots__ = ("user_id", "username", "reason", "consecutive_failures", "failed_at")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    USERNAME_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    CONSECUTIVE_FAILURES_FIELD_NUMBER: _ClassVar[int]
    FAILED_AT_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    username: str
    reason: _identity_pb2.SignInFailureReason
    consecutive_failures: int
    failed_at: _timestamp_pb2.Timestamp
    def __init__(self, user_id: _Optional[str] = ..., username: _Optional[str] = ..., reason: _Optional[_Union[_identity_pb2.SignInFailureReason, str]] = ..., consecutive_failures: _Optional[int] = ..., failed_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class UserLockedOut(_message.Message):
    __slots__ = ("user_id", "username", "consecutive_failures", "locked_until", "locked_at")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    USERNAME_FIELD_NUMBER: _ClassVar[int]
    CONSECUTIVE_FAILURES_FIELD_NUMBER: _ClassVar[int]
    LOCKED_UNTIL_FIELD_NUMBER: _ClassVar[int]
    LOCKED_AT_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    username: str
    consecutive_failures: int
    locked_until: _timestamp_pb2.Timestamp
    locked_at: _timestamp_pb2.Timestamp
    def __init__(self, user_id: _Optional[str] = ..., username: _Optional[str] = ..., consecutive_failures: _Optional[int] = ..., locked_until: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., locked_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class UserUnlocked(_message.Message):
    __slots__ = ("user_id", "username", "unlocked_by", "unlocked_at")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    USERNAME_FIELD_NUMBER: _ClassVar[int]
    UNLOCKED_BY_FIELD_NUMBER: _ClassVar[int]
    UNLOCKED_AT_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    username: str
    unlocked_by: str
    unlocked_at: _timestamp_pb2.Timestamp
    def __init__(self, user_id: _Optional[str] = ..., username: _Optional[str] = ..., unlocked_by: _Optional[str] = ..., unlocked_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class SignedIn(_message.Message):
    __slots__ = ("user_id", "username", "session_id", "signed_in_at")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    USERNAME_FIELD_NUMBER: _ClassVar[int]
    SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    SIGNED_IN_AT_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    username: str
    session_id: str
    signed_in_at: _timestamp_pb2.Timestamp
    def __init__(self, user_id: _Optional[str] = ..., username: _Optional[str] = ..., session_id: _Optional[str] = ..., signed_in_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class SessionRefreshed(_message.Message):
    __slots__ = ("user_id", "session_id", "refresh_token_expires_at", "refreshed_at")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    REFRESH_TOKEN_EXPIRES_AT_FIELD_NUMBER: _ClassVar[int]
    REFRESHED_AT_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    session_id: str
    refresh_token_expires_at: _timestamp_pb2.Timestamp
    refreshed_at: _timestamp_pb2.Timestamp
    def __init__(self, user_id: _Optional[str] = ..., session_id: _Optional[str] = ..., refresh_token_expires_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., refreshed_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class SignedOut(_message.Message):
    __slots__ = ("user_id", "session_id", "signed_out_at")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    SIGNED_OUT_AT_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    session_id: str
    signed_out_at: _timestamp_pb2.Timestamp
    def __init__(self, user_id: _Optional[str] = ..., session_id: _Optional[str] = ..., signed_out_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class RefreshTokenReuseDetected(_message.Message):
    __slots__ = ("user_id", "session_id", "detected_at")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    DETECTED_AT_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    session_id: str
    detected_at: _timestamp_pb2.Timestamp
    def __init__(self, user_id: _Optional[str] = ..., session_id: _Optional[str] = ..., detected_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class ClientRegistered(_message.Message):
    __slots__ = ("client_id", "display_name", "roles", "channels_restricted", "channels", "registered_by", "registered_at")
    CLIENT_ID_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    ROLES_FIELD_NUMBER: _ClassVar[int]
    CHANNELS_RESTRICTED_FIELD_NUMBER: _ClassVar[int]
    CHANNELS_FIELD_NUMBER: _ClassVar[int]
    REGISTERED_BY_FIELD_NUMBER: _ClassVar[int]
    REGISTERED_AT_FIELD_NUMBER: _ClassVar[int]
    client_id: str
    display_name: str
    roles: _containers.RepeatedScalarFieldContainer[str]
    channels_restricted: bool
    channels: _containers.RepeatedScalarFieldContainer[str]
    registered_by: str
    registered_at: _timestamp_pb2.Timestamp
    def __init__(self, client_id: _Optional[str] = ..., display_name: _Optional[str] = ..., roles: _Optional[_Iterable[str]] = ..., channels_restricted: _Optional[bool] = ..., channels: _Optional[_Iterable[str]] = ..., registered_by: _Optional[str] = ..., registered_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class ClientRevoked(_message.Message):
    __slots__ = ("client_id", "revoked_by", "revoked_at")
    CLIENT_ID_FIELD_NUMBER: _ClassVar[int]
    REVOKED_BY_FIELD_NUMBER: _ClassVar[int]
    REVOKED_AT_FIELD_NUMBER: _ClassVar[int]
    client_id: str
    revoked_by: str
    revoked_at: _timestamp_pb2.Timestamp
    def __init__(self, client_id: _Optional[str] = ..., revoked_by: _Optional[str] = ..., revoked_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class ClientTokenIssued(_message.Message):
    __slots__ = ("client_id", "issued_at")
    CLIENT_ID_FIELD_NUMBER: _ClassVar[int]
    ISSUED_AT_FIELD_NUMBER: _ClassVar[int]
    client_id: str
    issued_at: _timestamp_pb2.Timestamp
    def __init__(self, client_id: _Optional[str] = ..., issued_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class ClientAuthenticationFailed(_message.Message):
    __slots__ = ("client_id", "reason", "failed_at")
    CLIENT_ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    FAILED_AT_FIELD_NUMBER: _ClassVar[int]
    client_id: str
    reason: _identity_pb2.ClientAuthenticationFailureReason
    failed_at: _timestamp_pb2.Timestamp
    def __init__(self, client_id: _Optional[str] = ..., reason: _Optional[_Union[_identity_pb2.ClientAuthenticationFailureReason, str]] = ..., failed_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...
