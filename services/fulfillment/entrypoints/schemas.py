"""The JSON the warehouse sends and reads: operator commands and the shipment view."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field, StrictBool, field_validator

from oms_kernel.money import Money
from services.fulfillment.domain.shipment import Shipment

_STRICT = ConfigDict(extra="forbid", strict=True)


class PickedLine(BaseModel):
    model_config = _STRICT

    line_id: str = Field(min_length=1, max_length=64)
    quantity: int = Field(ge=0, le=1_000_000, description="Units found; fewer than listed is a short pick.")


class PickRequest(BaseModel):
    model_config = _STRICT

    picked: list[PickedLine] | None = Field(
        None, min_length=1, max_length=500,
        description="What was picked; omitted means everything on the pick list. Lines left out were not found.",
    )


class ParcelIn(BaseModel):
    model_config = _STRICT

    weight_grams: int = Field(gt=0, le=1_000_000)
    length_mm: int = Field(gt=0, le=10_000)
    width_mm: int = Field(gt=0, le=10_000)
    height_mm: int = Field(gt=0, le=10_000)


class QualityCheckIn(BaseModel):
    model_config = _STRICT

    passed: StrictBool
    notes: str = Field("", max_length=1000)


class PackRequest(BaseModel):
    model_config = _STRICT

    parcels: list[ParcelIn] = Field(
        default_factory=list, max_length=100, description="Omitted: one parcel of unknown size."
    )
    quality_check: QualityCheckIn


class DispatchRequest(BaseModel):
    model_config = _STRICT

    carrier_code: str | None = Field(
        None, pattern=r"^[A-Za-z0-9][A-Za-z0-9-]{1,15}$",
        description="Omitted: chosen by the carrier rules (SF, EMS, ZTO). Other carriers need a tracking_number.",
    )
    tracking_number: str | None = Field(
        None, pattern=r"^[A-Za-z0-9-]{6,40}$", description="Omitted: issued for the carrier, one per parcel."
    )

    @field_validator("carrier_code")
    @classmethod
    def _upper_case(cls, code: str | None) -> str | None:
        return code.upper() if code else code


class MoneyView(BaseModel):
    currency: str
    minor_units: int


class LineView(BaseModel):
    line_id: str
    sku: str
    name: str = ""
    quantity: int


class PickItemView(BaseModel):
    line_id: str
    sku: str
    quantity: int
    bin_location: str


class ParcelView(BaseModel):
    parcel_id: str
    weight_grams: int
    length_mm: int
    width_mm: int
    height_mm: int


class QualityCheckView(BaseModel):
    passed: bool
    notes: str


class CarrierView(BaseModel):
    carrier_code: str
    service_level: str
    zone: str
    rate: MoneyView | None
    selection_rule_id: str


class DestinationView(BaseModel):
    """Where to, without the recipient's name, phone or street: the queue does not need them."""

    country_code: str
    province: str
    city: str
    district: str


class ShipmentView(BaseModel):
    shipment_id: str
    order_id: str
    order_number: str
    warehouse_id: str
    reservation_id: str
    status: str
    priority: int
    service_level: str
    destination: DestinationView
    lines: list[LineView]
    pick_list_id: str
    pick_list: list[PickItemView]
    picked: list[LineView]
    missing: list[LineView]
    parcels: list[ParcelView]
    quality_check: QualityCheckView | None
    carrier: CarrierView | None
    tracking_numbers: list[str]
    cancel_reason: str
    created_at: datetime
    updated_at: datetime
    version: int


class ShipmentList(BaseModel):
    shipments: list[ShipmentView]


class _WaveShipment(BaseModel):
    # JSON has no UUID type: the text form is accepted even in the strict request models.
    shipment_id: uuid.UUID = Field(strict=False)


class StartPickingWaveLine(_WaveShipment):
    model_config = _STRICT


class PickWaveLine(PickRequest, _WaveShipment):
    pass


class PackWaveLine(PackRequest, _WaveShipment):
    pass


class DispatchWaveLine(DispatchRequest, _WaveShipment):
    pass


WaveLine = TypeVar("WaveLine", StartPickingWaveLine, PickWaveLine, PackWaveLine, DispatchWaveLine)


class Wave(BaseModel, Generic[WaveLine]):
    """Several shipments confirmed at the same step in one request."""

    model_config = _STRICT
    shipments: list[WaveLine] = Field(min_length=1, max_length=500)


class WaveOutcome(BaseModel):
    index: int = Field(description="Position of the shipment in the request")
    shipment_id: uuid.UUID
    status: int = Field(description="The HTTP status the confirmation would have had on its own")
    shipment: ShipmentView | None = None
    problem: dict[str, Any] | None = Field(None, description="RFC 9457 problem details of a refused confirmation")


class WaveResult(BaseModel):
    results: list[WaveOutcome]


def shipment_view(shipment: Shipment) -> ShipmentView:
    plan, carrier, check = shipment.plan, shipment.carrier, shipment.quality_check
    return ShipmentView(
        shipment_id=shipment.shipment_id,
        order_id=plan.order_id,
        order_number=plan.order_number,
        warehouse_id=plan.warehouse_id,
        reservation_id=plan.reservation_id,
        status=shipment.status.value,
        priority=plan.priority,
        service_level=plan.service_level.value,
        destination=DestinationView(
            country_code=plan.destination.country_code, province=plan.destination.province,
            city=plan.destination.city, district=plan.destination.district,
        ),
        lines=[LineView(**vars(line)) for line in plan.lines],
        pick_list_id=shipment.pick_list_id,
        pick_list=[PickItemView(**vars(item)) for item in shipment.pick_list],
        picked=[LineView(**vars(line)) for line in shipment.picked],
        missing=[LineView(**vars(line)) for line in shipment.missing],
        parcels=[ParcelView(**vars(parcel)) for parcel in shipment.parcels],
        quality_check=QualityCheckView(passed=check.passed, notes=check.notes) if check else None,
        carrier=CarrierView(
            carrier_code=carrier.carrier_code, service_level=carrier.service_level.value, zone=carrier.zone,
            rate=_money(carrier.rate), selection_rule_id=carrier.rule_id,
        ) if carrier else None,
        tracking_numbers=list(shipment.tracking_numbers),
        cancel_reason=shipment.cancel_reason,
        created_at=shipment.created_on,
        updated_at=shipment.modified_on,
        version=shipment.version,
    )


def _money(amount: Money | None) -> MoneyView | None:
    return MoneyView(currency=amount.currency, minor_units=amount.minor_units) if amount is not None else None
