"""Contract values <-> tracking domain values (times, places, money, checkpoints)."""

from __future__ import annotations

from datetime import UTC, datetime

from google.protobuf.timestamp_pb2 import Timestamp

from oms.common.v1.actor_pb2 import Actor
from oms.common.v1.address_pb2 import Location
from oms.common.v1.money_pb2 import Money as MoneyMessage
from oms.tracking.v1 import tracking_pb2
from oms_kernel.money import Money
from services.tracking.domain.checkpoints import Checkpoint, Source
from services.tracking.domain.values import Place


def to_datetime(timestamp: Timestamp, fallback: datetime) -> datetime:
    """A contract timestamp, or `fallback` when the producer left it unset."""
    if not timestamp.seconds and not timestamp.nanos:
        return fallback
    return timestamp.ToDatetime(tzinfo=UTC)


def to_timestamp(moment: datetime) -> Timestamp:
    timestamp = Timestamp()
    timestamp.FromDatetime(moment)
    return timestamp


def warehouse_place(warehouse_id: str) -> Place:
    return Place(name=warehouse_id, code=warehouse_id)


def to_location(place: Place) -> Location:
    return Location(
        code=place.code, name=place.name, country_code=place.country_code,
        province=place.province, city=place.city,
    )


def to_money(message: MoneyMessage) -> Money | None:
    if not message.currency_code or message.minor_units <= 0:
        return None
    return Money(message.currency_code, message.minor_units)


def to_money_message(money: Money | None) -> MoneyMessage | None:
    return MoneyMessage(currency_code=money.currency, minor_units=money.minor_units) if money else None


def to_checkpoint_value(checkpoint: Checkpoint) -> tracking_pb2.Checkpoint:
    return tracking_pb2.Checkpoint.Value(f"CHECKPOINT_{checkpoint.name}")


def to_source_value(source: Source) -> tracking_pb2.CheckpointSource:
    return tracking_pb2.CheckpointSource.Value(f"CHECKPOINT_SOURCE_{source.name}")


def to_actor(recorded_by: str) -> Actor | None:
    return Actor(actor_id=recorded_by) if recorded_by else None
