"""How the tracking service's domain events become messages on oms.tracking.events.v1."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from oms.tracking.v1 import tracking_events_pb2 as contract
from oms_platform.contract_values import money_to_contract, timestamp_to_contract
from oms_platform.messaging.relay import Publication
from services.tracking.adapters.translation import to_actor, to_checkpoint_value, to_location, to_source_value
from services.tracking.domain.carrier_events import CarrierEvent
from services.tracking.domain.checkpoints import TimelineEntry
from services.tracking.domain.timeline import OrderTimeline
from services.tracking.domain.tracking_numbers import TrackingNumber

TOPIC = "oms.tracking.events.v1"


def publications(domain_event: Any) -> Iterator[Publication]:
    order_id = str(domain_event.originator_id)
    if isinstance(domain_event, OrderTimeline.CheckpointReached):
        yield Publication(TOPIC, order_id, checkpoint_recorded(order_id, domain_event.entry))
    elif isinstance(domain_event, OrderTimeline.CarrierEventTaken):
        message = carrier_event_received(domain_event.report, order_id, domain_event.shipment_id)
        yield Publication(TOPIC, order_id, message)
    elif isinstance(domain_event, OrderTimeline.ShipmentDelivered):
        yield Publication(TOPIC, order_id, shipment_delivered(order_id, domain_event))
    elif isinstance(domain_event, TrackingNumber.UnmatchedCarrierEventHeld):
        # No order yet: the catalogue keys unmatched reports by carrier and tracking number.
        report = domain_event.report
        yield Publication(TOPIC, f"{report.carrier_code}:{report.tracking_number}", carrier_event_received(report))


def checkpoint_recorded(order_id: str, entry: TimelineEntry) -> contract.CheckpointRecorded:
    return contract.CheckpointRecorded(
        order_id=order_id,
        shipment_id=entry.shipment_id,
        checkpoint=to_checkpoint_value(entry.checkpoint),
        occurred_at=timestamp_to_contract(entry.occurred_at),
        location=to_location(entry.place),
        source=to_source_value(entry.source),
        carrier_code=entry.carrier_code,
        tracking_number=entry.tracking_number,
        carrier_raw_code=entry.raw_code,
        description=entry.description,
        upstream_event_id=entry.upstream_event_id,
        recorded_by=to_actor(entry.recorded_by),
    )


def carrier_event_received(
    report: CarrierEvent, order_id: str = "", shipment_id: str = ""
) -> contract.CarrierEventReceived:
    return contract.CarrierEventReceived(
        order_id=order_id,
        shipment_id=shipment_id,
        carrier_code=report.carrier_code,
        tracking_number=report.tracking_number,
        raw_code=report.raw_code,
        raw_description=report.description,
        location=to_location(report.place),
        occurred_at=timestamp_to_contract(report.occurred_at),
        source=to_source_value(report.source),
        raw_payload=report.raw_payload.encode(),
        received_at=timestamp_to_contract(report.received_at),
        recorded_by=to_actor(report.recorded_by),
    )


def shipment_delivered(order_id: str, delivered: Any) -> contract.ShipmentDelivered:
    return contract.ShipmentDelivered(
        order_id=order_id,
        shipment_id=delivered.shipment_id,
        carrier_code=delivered.carrier_code,
        tracking_number=delivered.tracking_number,
        delivered_at=timestamp_to_contract(delivered.delivered_at),
        location=to_location(delivered.place),
        cash_collected=money_to_contract(delivered.cash_collected),
    )
