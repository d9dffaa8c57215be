"""What staff send to the order endpoints; anything else is refused with 422 naming the field."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

from services.order.domain.reasons import CancellationReason, HoldReason
from services.order.domain.values import Address, Contact

Text = Annotated[str, StringConstraints(strip_whitespace=True, max_length=500)]
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]
Phone = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^\+?[0-9][0-9 -]{4,19}$")]
Region = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=60)]
StreetLine = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class CancelRequest(Strict):
    reason: CancellationReason
    detail: Text = ""


class HoldRequest(Strict):
    reason: HoldReason
    detail: Text = ""

    @field_validator("reason")
    @classmethod
    def chosen_by_staff(cls, reason: HoldReason) -> HoldReason:
        if reason == HoldReason.INSUFFICIENT_STOCK:
            raise ValueError("INSUFFICIENT_STOCK holds come from inventory, not from staff")
        return reason


class ReleaseRequest(Strict):
    note: Text = ""


class AddressModel(Strict):
    recipient_name: Name
    phone: Phone
    country_code: Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")]
    province: Region
    city: Region
    district: Annotated[str, StringConstraints(strip_whitespace=True, max_length=60)] = ""
    street_lines: list[StreetLine] = Field(min_length=1, max_length=4)
    postcode: Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^[0-9A-Za-z -]{0,12}$")] = ""

    def to_domain(self) -> Address:
        return Address(self.recipient_name, self.phone, self.country_code, self.province, self.city,
                       self.district, tuple(self.street_lines), self.postcode)


class ContactModel(Strict):
    name: Name
    phone: Phone | None = None
    email: Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$",
                                            max_length=254)] | None = None

    def to_domain(self) -> Contact:
        return Contact(self.name, self.phone or "", (self.email or "").lower())


class AddressChangeRequest(Strict):
    shipping_address: AddressModel
    contact: ContactModel | None = None
