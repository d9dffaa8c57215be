from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable
from typing import ClassVar as _ClassVar, Optional as _Optional

DESCRIPTOR: _descriptor.FileDescriptor

class SignInFailureReason(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    SIGN_IN_FAILURE_REASON_UNSPECIFIED: _ClassVar[SignInFailureReason]
    SIGN_IN_FAILURE_REASON_WRONG_PASSWORD: _ClassVar[SignInFailureReason]
    SIGN_IN_FAILURE_REASON_ACCOUNT_LOCKED: _ClassVar[SignInFailureReason]
    SIGN_IN_FAILURE_REASON_ACCOUNT_DISABLED: _ClassVar[SignInFailureReason]

class ClientAuthenticationFailureReason(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    CLIENT_AUTHENTICATION_FAILURE_REASON_UNSPECIFIED: _ClassVar[ClientAuthenticationFailureReason]
    CLIENT_AUTHENTICATION_FAILURE_REASON_WRONG_SECRET: _ClassVar[ClientAuthenticationFailureReason]
    CLIENT_AUTHENTICATION_FAILURE_REASON_CLIENT_REVOKED: _ClassVar[ClientAuthenticationFailureReason]
SIGN_IN_FAILURE_REASON_UNSPECIFIED: SignInFailureReason
SIGN_IN_FAILURE_REASON_WRONG_PASSWORD: SignInFailureReason
SIGN_IN_FAILURE_REASON_ACCOUNT_LOCKED: SignInFailureReason
SIGN_IN_FAILURE_REASON_ACCOUNT_DISABLED: SignInFailureReason
CLIENT_AUTHENTICATION_FAILURE_REASON_UNSPECIFIED: ClientAuthenticationFailureReason
CLIENT_AUTHENTICATION_FAILURE_REASON_WRONG_SECRET: ClientAuthenticationFailureReason
CLIENT_AUTHENTICATION_FAILURE_REASON_CLIENT_REVOKED: ClientAuthenticationFailureReason

class DataScope(_message.Message):
    __slots__ = ("channels_restricted", "channels", "stores_restricted", "stores", "warehouses_restricted", "warehouses")
    CHANNELS_RESTRICTED_FIELD_NUMBER: _ClassVar[int]
    CHANNELS_FIELD_NUMBER: _ClassVar[int]
    STORES_RESTRICTED_FIELD_NUMBER: _ClassVar[int]
    STORES_FIELD_NUMBER: _ClassVar[int]
    WAREHOUSES_RESTRICTED_FIELD_NUMBER: _ClassVar[int]
    WAREHOUSES_FIELD_NUMBER: _ClassVar[int]
    channels_restricted: bool
    channels: _containers.RepeatedScalarFieldContainer[str]
    stores_restricted: bool
    stores: _containers.RepeatedScalarFieldContainer[str]
    warehouses_restricted: bool
    warehouses: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, channels_restricted: _Optional[bool] = ..., channels: _Optional[_Iterable[str]] = ..., stores_restricted: _Optional[bool] = ..., stores: _Optional[_Iterable[str]] = ..., warehouses_restricted: _Optional[bool] = ..., warehouses: _Optional[_Iterable[str]] = ...) -> None: ...
