from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Optional as _Optional

DESCRIPTOR: _descriptor.FileDescriptor

class InvoiceRequest(_message.Message):
    __slots__ = ("requested", "company", "title", "tax_id", "email")
    REQUESTED_FIELD_NUMBER: _ClassVar[int]
    COMPANY_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    TAX_ID_FIELD_NUMBER: _ClassVar[int]
    EMAIL_FIELD_NUMBER: _ClassVar[int]
    requested: bool
    company: bool
    title: str
    tax_id: str
    email: str
    def __init__(self, requested: _Optional[bool] = ..., company: _Optional[bool] = ..., title: _Optional[str] = ..., tax_id: _Optional[str] = ..., email: _Optional[str] = ...) -> None: ...
