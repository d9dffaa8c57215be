from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from typing import ClassVar as _ClassVar

DESCRIPTOR: _descriptor.FileDescriptor

class Channel(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    CHANNEL_UNSPECIFIED: _ClassVar[Channel]
    CHANNEL_MARKETPLACE: _ClassVar[Channel]
    CHANNEL_WEB_SHOP: _ClassVar[Channel]
    CHANNEL_MOBILE_APP: _ClassVar[Channel]
    CHANNEL_PHYSICAL_STORE: _ClassVar[Channel]
    CHANNEL_DISTRIBUTOR: _ClassVar[Channel]
    CHANNEL_SOCIAL: _ClassVar[Channel]
    CHANNEL_STAFF_PHONE: _ClassVar[Channel]
    CHANNEL_STAFF_EMAIL: _ClassVar[Channel]
    CHANNEL_BATCH_FILE: _ClassVar[Channel]
    CHANNEL_EDI: _ClassVar[Channel]
CHANNEL_UNSPECIFIED: Channel
CHANNEL_MARKETPLACE: Channel
CHANNEL_WEB_SHOP: Channel
CHANNEL_MOBILE_APP: Channel
CHANNEL_PHYSICAL_STORE: Channel
CHANNEL_DISTRIBUTOR: Channel
CHANNEL_SOCIAL: Channel
CHANNEL_STAFF_PHONE: Channel
CHANNEL_STAFF_EMAIL: Channel
CHANNEL_BATCH_FILE: Channel
CHANNEL_EDI: Channel
