"""Contract values <-> tracking domain values (times, places, money, checkpoints).

Built on the shared `oms_platform.contract_values`; what is tracking's own is the rule for an
upstream time the producer left unset (`to_datetime`: a fallback instead of no time) and what
counts as an amount to collect on delivery (`cash_on_delivery_amount`).
"""

from __future__ import annotations

from datetime import datetime
from typing import cast

from google.protobuf.timestamp_pb2 import Timestamp

from oms.common.v1.actor_pb2 import Actor
from oms.common.v1.address_pb2 import Location
from oms.common.v1.money_pb2 import Money as MoneyMessage
from oms.tracking.v1 import tracking_pb2
from oms_kernel.money import Money
from oms_platform.contract_values import datetime_from_contract, enum_to_contract, money_from_contract
from services.tracking.domain.checkpoints import Checkpoint, Source
from services.tracking.domain.values import Place


def to_datetime(timestamp: Timestamp, fallback: datetime) -> datetime:
    """A contract timestamp, or `fallback` when the producer left it unset."""
    return datetime_from_contract(timestamp, default=fallback) or fallback


def to_location(place: Place) -> Location:
    return Location(
        code=place.code, name=place.name, country_code=place.country_code,
        province=place.province, city=place.city,
    )


def cash_on_delivery_amount(message: MoneyMessage) -> Money | None:
    """The amount a dispatched shipment collects on delivery; None unless it is a positive amount
    with a currency (tracking's rule: a zero, negative or currency-less amount is no cash on
    delivery). A currency that is not an ISO 4217 code raises InvalidAmount (a ValueError)."""
    if not message.currency_code or message.minor_units <= 0:
        return None
    return money_from_contract(message)


def to_checkpoint_value(checkpoint: Checkpoint) -> tracking_pb2.Checkpoint:
    return cast(tracking_pb2.Checkpoint, enum_to_contract(tracking_pb2.Checkpoint, checkpoint))


def to_source_value(source: Source) -> tracking_pb2.CheckpointSource:
    return cast(tracking_pb2.CheckpointSource, enum_to_contract(tracking_pb2.CheckpointSource, source))


def to_actor(recorded_by: str) -> Actor | None:
    return Actor(actor_id=recorded_by) if recorded_by else None
