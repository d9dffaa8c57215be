from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from typing import ClassVar as _ClassVar

DESCRIPTOR: _descriptor.FileDescriptor

class ReshipReason(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    RESHIP_REASON_UNSPECIFIED: _ClassVar[ReshipReason]
    RESHIP_REASON_LOST: _ClassVar[ReshipReason]
    RESHIP_REASON_DAMAGED: _ClassVar[ReshipReason]
    RESHIP_REASON_EXCHANGE: _ClassVar[ReshipReason]
    RESHIP_REASON_WRONG_ITEM: _ClassVar[ReshipReason]
    RESHIP_REASON_RETURNED_TO_SENDER: _ClassVar[ReshipReason]
RESHIP_REASON_UNSPECIFIED: ReshipReason
RESHIP_REASON_LOST: ReshipReason
RESHIP_REASON_DAMAGED: ReshipReason
RESHIP_REASON_EXCHANGE: ReshipReason
RESHIP_REASON_WRONG_ITEM: ReshipReason
RESHIP_REASON_RETURNED_TO_SENDER: ReshipReason
