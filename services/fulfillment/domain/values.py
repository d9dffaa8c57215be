"""Value objects of the warehouse: what a shipment holds, where it goes, how it was packed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import Enum

from oms_kernel.money import Money

# Special administrative regions ship like foreign destinations (customs, other carriers).
OUTSIDE_MAINLAND_PROVINCES = frozenset({"hong kong", "macau", "macao", "taiwan",
                                        "香港", "澳门", "澳門", "台湾", "台灣"})


class ServiceLevel(Enum):
    ECONOMY = "economy"
    STANDARD = "standard"
    EXPRESS = "express"
    NEXT_DAY = "next_day"
    SAME_DAY = "same_day"
    FREIGHT = "freight"

    @property
    def is_express(self) -> bool:
        return self in (ServiceLevel.EXPRESS, ServiceLevel.NEXT_DAY, ServiceLevel.SAME_DAY)


@dataclass(frozen=True)
class Address:
    recipient_name: str
    phone: str
    country_code: str
    province: str
    city: str
    district: str
    street_lines: tuple[str, ...]
    postcode: str

    @property
    def is_mainland_china(self) -> bool:
        # An empty country is the home market: ingest fills it for every order it accepts.
        country = self.country_code.upper() or "CN"
        return country == "CN" and self.province.strip().lower() not in OUTSIDE_MAINLAND_PROVINCES


@dataclass(frozen=True)
class ShipmentLine:
    """One order line's units in a shipment."""

    line_id: str
    sku: str
    name: str
    quantity: int


@dataclass(frozen=True)
class LineQuantity:
    line_id: str
    sku: str
    quantity: int


@dataclass(frozen=True)
class PickedUnits:
    """A picker's count for one line of the pick list."""

    line_id: str
    quantity: int


@dataclass(frozen=True)
class PickItem:
    """A line of the pick list: what to take from which bin."""

    line_id: str
    sku: str
    quantity: int
    bin_location: str


@dataclass(frozen=True)
class Parcel:
    parcel_id: str
    weight_grams: int
    length_mm: int
    width_mm: int
    height_mm: int


@dataclass(frozen=True)
class QualityCheck:
    passed: bool
    notes: str


@dataclass(frozen=True)
class ShipmentPlan:
    """What the order service asks one warehouse to ship, and what carrier choice needs to know."""

    order_id: str
    order_number: str
    reservation_id: str
    warehouse_id: str
    lines: tuple[ShipmentLine, ...]
    destination: Address
    priority: int
    service_level: ServiceLevel
    promised_by: datetime | None
    cash_on_delivery: Money | None
