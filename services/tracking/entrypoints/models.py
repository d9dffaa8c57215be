"""The JSON the tracking API reads and writes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any, Literal, Self, cast

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, field_validator
from pydantic.json_schema import JsonValue

from services.tracking.domain.carrier_codes import CHINESE_PHRASES, CarrierCodeTable, aliases_of
from services.tracking.domain.checkpoints import Checkpoint, TimelineEntry
from services.tracking.domain.timeline import CarrierEventOutcome, ShipmentTrack
from services.tracking.domain.values import Place
from services.tracking.entrypoints.code_tables import event_code_description, event_codes_by_carrier

# Carrier clocks drift, but a scan days ahead is a wrong or hostile payload.
MAX_CLOCK_SKEW = timedelta(days=1)


class LocationIn(BaseModel):
    city: str = Field("", max_length=100)
    province: str = Field("", max_length=100)
    country: str = Field("", pattern=r"^([A-Za-z]{2})?$", description="ISO 3166-1 alpha-2")
    description: str = Field("", max_length=200, examples=["Hangzhou transit hub"])

    def to_place(self) -> Place:
        return Place(name=self.description, city=self.city, province=self.province, country_code=self.country.upper())


def _not_in_the_future(moment: datetime) -> datetime:
    if moment > datetime.now(UTC) + MAX_CLOCK_SKEW:
        raise ValueError("must not be in the future")
    return moment


class CarrierEventIn(BaseModel):
    """A carrier's webhook payload. Fields of the carrier's own are allowed and kept as received."""

    model_config = ConfigDict(extra="allow")

    tracking_number: str = Field(min_length=1, max_length=64, pattern=r"^\s*[A-Za-z0-9-]+\s*$")
    event_code: str = Field(
        min_length=1, max_length=64, examples=["50", "ARRIVED"], description=event_code_description(),
        # A dict of dicts of str is JSON; dict invariance keeps mypy from seeing it as JsonValue.
        json_schema_extra={"x-event-codes-by-carrier": cast(JsonValue, event_codes_by_carrier())},
    )
    occurred_at: AwareDatetime = Field(description="ISO 8601 with a UTC offset")
    location: LocationIn = Field(default_factory=LocationIn)
    description: str = Field("", max_length=500, examples=["已揽收"])

    _check_occurred_at = field_validator("occurred_at")(_not_in_the_future)


class ManualCheckpointIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    checkpoint: Literal["CARRIER_PICKUP", "TRANSIT_ARRIVAL", "OUT_FOR_DELIVERY", "DELIVERED"]
    occurred_at: AwareDatetime = Field(description="ISO 8601 with a UTC offset")
    location: LocationIn = Field(default_factory=LocationIn)
    description: str = Field("", max_length=500)

    _check_occurred_at = field_validator("occurred_at")(_not_in_the_future)


class EventCodeView(BaseModel):
    event_code: str
    checkpoint: str = Field(description="The checkpoint the code records, e.g. CARRIER_PICKUP")
    checkpoint_number: int = Field(description="Its place among the nine checkpoints (T2), 1-9")

    @classmethod
    def of(cls, event_code: str, checkpoint: Checkpoint) -> EventCodeView:
        return cls(event_code=event_code, checkpoint=checkpoint.name, checkpoint_number=checkpoint.value)


class DescriptionPhraseView(BaseModel):
    phrase: str
    checkpoint: str
    checkpoint_number: int


DESCRIPTION_PHRASES = [
    DescriptionPhraseView(phrase=phrase, checkpoint=checkpoint.name, checkpoint_number=checkpoint.value)
    for phrase, checkpoint in CHINESE_PHRASES
]


class CarrierCodesView(BaseModel):
    carrier_code: str = Field(description="How the carrier is stored and named in events")
    aliases: list[str] = Field(description="Other spellings the webhook path accepts")
    event_codes: list[EventCodeView]

    @classmethod
    def of(cls, table: CarrierCodeTable) -> Self:
        return cls(carrier_code=table.carrier_code, aliases=list(aliases_of(table.carrier_code)),
                   event_codes=[EventCodeView.of(code, checkpoint) for code, checkpoint in table.codes.items()])


_PHRASES = Field(
    default_factory=lambda: list(DESCRIPTION_PHRASES),
    description="For a code outside its carrier's table: the first of these found in the event's "
                "description decides (most advanced stage first)",
)


class CarrierEventCodesView(CarrierCodesView):
    description_phrases: list[DescriptionPhraseView] = _PHRASES


class CarrierList(BaseModel):
    carriers: list[CarrierCodesView]
    description_phrases: list[DescriptionPhraseView] = _PHRASES


class LocationView(BaseModel):
    name: str
    city: str
    province: str
    country_code: str
    code: str

    @classmethod
    def of(cls, place: Place) -> LocationView:
        return cls(name=place.name, city=place.city, province=place.province,
                   country_code=place.country_code, code=place.code)


class CheckpointView(BaseModel):
    checkpoint: str
    occurred_at: datetime
    location: LocationView
    source: str
    shipment_id: str
    carrier_code: str
    tracking_number: str
    carrier_raw_code: str
    description: str
    recorded_by: str

    @classmethod
    def of(cls, entry: TimelineEntry) -> CheckpointView:
        return cls(
            checkpoint=entry.checkpoint.name, occurred_at=entry.occurred_at, location=LocationView.of(entry.place),
            source=entry.source.value, shipment_id=entry.shipment_id, carrier_code=entry.carrier_code,
            tracking_number=entry.tracking_number, carrier_raw_code=entry.raw_code,
            description=entry.description, recorded_by=entry.recorded_by,
        )


class CarrierEventResult(BaseModel):
    status: Literal["recorded", "already-reached", "duplicate"] = Field(
        description="recorded: a new checkpoint; already-reached: kept, the timeline already shows "
                    "that checkpoint; duplicate: the same carrier event again, nothing changed"
    )
    order_id: str
    checkpoint: CheckpointView

    @classmethod
    def of(cls, outcome: CarrierEventOutcome) -> CarrierEventResult:
        return cls(status=outcome.outcome.value, order_id=outcome.order_id, checkpoint=CheckpointView.of(outcome.entry))


class CarrierEventBatchIn(BaseModel):
    """Many webhook events at once, as carriers and tracking aggregators push them."""

    events: list[CarrierEventIn] = Field(min_length=1, max_length=500)


class CarrierEventBatchItem(BaseModel):
    index: int = Field(description="Position of the event in the request")
    status: int = Field(description="The HTTP status the event would have had on its own")
    result: CarrierEventResult | None = None
    problem: dict[str, Any] | None = Field(None, description="RFC 9457 problem details of a refused event")


class CarrierEventBatchResult(BaseModel):
    results: list[CarrierEventBatchItem]


class ShipmentView(BaseModel):
    shipment_id: str
    warehouse_id: str
    carrier_code: str
    tracking_numbers: list[str]
    delivered: bool
    delivered_at: datetime | None

    @classmethod
    def of(cls, shipment: ShipmentTrack) -> ShipmentView:
        return cls(
            shipment_id=shipment.shipment_id, warehouse_id=shipment.warehouse_id,
            carrier_code=shipment.carrier_code, tracking_numbers=list(shipment.tracking_numbers),
            delivered=shipment.delivered, delivered_at=shipment.delivered_at,
        )


class TimelineView(BaseModel):
    order_id: str
    checkpoints: list[CheckpointView] = Field(description="In checkpoint order (T2), then by time")
    shipments: list[ShipmentView]


class TrackingView(BaseModel):
    carrier_code: str
    tracking_number: str
    order_id: str
    shipment: ShipmentView
    checkpoints: list[CheckpointView] = Field(description="The shipment's checkpoints, in order")
