"""A tiny domain used to exercise the shared runtime without any real service's rules.

Parcels are registered and weighed (the producer side); a tally counts what a consumer received,
so a duplicated or lost message shows up as a wrong count.
"""

from __future__ import annotations

import uuid
from typing import Any

from eventsourcing.domain import Aggregate, event
from google.protobuf.wrappers_pb2 import Int64Value, StringValue

from oms_platform.messaging.consumer import Inbound, InvalidMessage
from oms_platform.messaging.relay import Publication
from oms_platform.settings import ServiceSettings
from oms_platform.store import ServiceApplication

PARCEL_TYPES = frozenset({"google.protobuf.StringValue", "google.protobuf.Int64Value"})


class Parcel(Aggregate):
    @event("Registered")
    def __init__(self, label: str):
        self.label = label
        self.weighings: list[int] = []

    @event("Weighed")
    def weigh(self, grams: int) -> None:
        self.weighings.append(grams)


class ParcelDesk(ServiceApplication):
    def register(self, label: str) -> uuid.UUID:
        parcel = Parcel(label)
        self.record(parcel)
        return parcel.id

    def weigh(self, parcel_id: uuid.UUID, grams: int) -> None:
        parcel: Parcel = self.repository.get(parcel_id)
        parcel.weigh(grams)
        self.record(parcel)


def parcel_publications(topic: str):
    def publications(domain_event: Any):
        key = str(domain_event.originator_id)
        if isinstance(domain_event, Parcel.Registered):
            yield Publication(topic, key, StringValue(value=domain_event.label))
        elif isinstance(domain_event, Parcel.Weighed):
            yield Publication(topic, key, Int64Value(value=domain_event.grams))

    return publications


class Tally(Aggregate):
    def __init__(self, subject: str):
        self.subject = subject
        self.labels: list[str] = []
        self.grams: list[int] = []

    @staticmethod
    def create_id(subject: str) -> uuid.UUID:
        return uuid.uuid5(uuid.NAMESPACE_URL, f"tally/{subject}")

    @event("Labelled")
    def label(self, label: str) -> None:
        self.labels.append(label)

    @event("Counted")
    def count(self, grams: int) -> None:
        self.grams.append(grams)


class TallyBook(ServiceApplication):
    def tally_for(self, subject: str) -> Tally:
        try:
            return self.repository.get(Tally.create_id(subject))
        except Exception:  # noqa: BLE001 - AggregateNotFoundError: first message about this subject
            return Tally(subject)


def tally_label(app: TallyBook, message: StringValue, inbound: Inbound) -> list[Tally]:
    if message.value == "reject-me":
        raise InvalidMessage("label 'reject-me' is refused by the tally")
    tally = app.tally_for(inbound.envelope.aggregate_id or inbound.key or "")
    tally.label(message.value)
    return [tally]


def tally_grams(app: TallyBook, message: Int64Value, inbound: Inbound) -> list[Tally]:
    tally = app.tally_for(inbound.envelope.aggregate_id)
    tally.count(message.value)
    return [tally]


TALLY_HANDLERS = {"google.protobuf.StringValue": tally_label, "google.protobuf.Int64Value": tally_grams}


def settings_for(name: str, *, data_dir, database_url: str | None) -> ServiceSettings:
    """Settings of a throwaway service with its own store (own schema on PostgreSQL)."""
    settings_class = type(f"{name.title()}Settings", (ServiceSettings,), {"service_name": name})
    return settings_class(data_dir=data_dir, database_url=database_url)


