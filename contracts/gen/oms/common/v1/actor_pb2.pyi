from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ActorRole(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    ACTOR_ROLE_UNSPECIFIED: _ClassVar[ActorRole]
    ACTOR_ROLE_SYSTEM: _ClassVar[ActorRole]
    ACTOR_ROLE_CUSTOMER: _ClassVar[ActorRole]
    ACTOR_ROLE_CUSTOMER_SERVICE: _ClassVar[ActorRole]
    ACTOR_ROLE_WAREHOUSE: _ClassVar[ActorRole]
    ACTOR_ROLE_FINANCE: _ClassVar[ActorRole]
    ACTOR_ROLE_MANAGER: _ClassVar[ActorRole]
    ACTOR_ROLE_ADMIN: _ClassVar[ActorRole]
    ACTOR_ROLE_INTEGRATION: _ClassVar[ActorRole]
ACTOR_ROLE_UNSPECIFIED: ActorRole
ACTOR_ROLE_SYSTEM: ActorRole
ACTOR_ROLE_CUSTOMER: ActorRole
ACTOR_ROLE_CUSTOMER_SERVICE: ActorRole
ACTOR_ROLE_WAREHOUSE: ActorRole
ACTOR_ROLE_FINANCE: ActorRole
ACTOR_ROLE_MANAGER: ActorRole
ACTOR_ROLE_ADMIN: ActorRole
ACTOR_ROLE_INTEGRATION: ActorRole

class Actor(_message.Message):
    __slots__ = ("actor_id", "role", "display_name")
    ACTOR_ID_FIELD_NUMBER: _ClassVar[int]
    ROLE_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    actor_id: str
    role: ActorRole
    display_name: str
    def __init__(self, actor_id: _Optional[str] = ..., role: _Optional[_Union[ActorRole, str]] = ..., display_name: _Optional[str] = ...) -> None: ...
