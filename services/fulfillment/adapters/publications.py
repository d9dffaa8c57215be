"""Shipment events as the messages of oms.fulfillment.events.v1, keyed by order id."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from google.protobuf.message import Message

from oms.fulfillment.v1 import fulfillment_events_pb2 as events
from oms.fulfillment.v1 import fulfillment_pb2
from oms_platform.contract_values import money_to_contract
from oms_platform.contract_values import timestamp_to_contract as timestamp
from oms_platform.messaging.relay import Publication
from services.fulfillment.adapters.contract_values import (
    address_to_contract,
    line_quantity_to_contract,
    service_level_to_contract,
    shipment_line_to_contract,
    warehouse_actor,
)
from services.fulfillment.domain.carriers import CarrierRate
from services.fulfillment.domain.shipment import Shipment

FULFILLMENT_EVENTS = "oms.fulfillment.events.v1"


def publications(domain_event: Any) -> Iterator[Publication]:
    translate = _TRANSLATIONS.get(type(domain_event))
    if translate is not None:
        yield Publication(FULFILLMENT_EVENTS, _order_id(domain_event), translate(domain_event))


def _order_id(domain_event: Any) -> str:
    return domain_event.plan.order_id if isinstance(domain_event, Shipment.Created) else domain_event.order_id


def shipment_created(e: Shipment.Created) -> Message:
    plan = e.plan
    return events.ShipmentCreated(
        shipment_id=e.shipment_id,
        order_id=plan.order_id,
        order_number=plan.order_number,
        warehouse_id=plan.warehouse_id,
        reservation_id=plan.reservation_id,
        lines=[shipment_line_to_contract(line) for line in plan.lines],
        destination=address_to_contract(plan.destination),
        priority=plan.priority,
        requested_service_level=service_level_to_contract(plan.service_level),
        promised_by=timestamp(plan.promised_by),
        cash_on_delivery_amount=money_to_contract(plan.cash_on_delivery),
        created_at=timestamp(e.timestamp),
    )


def pick_list_issued(e: Shipment.PickListIssued) -> Message:
    return events.PickListIssued(
        shipment_id=str(e.originator_id),
        order_id=e.order_id,
        pick_list_id=e.pick_list_id,
        warehouse_id=e.warehouse_id,
        items=[
            fulfillment_pb2.PickItem(line_id=i.line_id, sku=i.sku, quantity=i.quantity, bin_location=i.bin_location)
            for i in e.items
        ],
        priority=e.priority,
        issued_at=timestamp(e.timestamp),
    )


def picking_started(e: Shipment.PickingStarted) -> Message:
    return events.PickingStarted(
        shipment_id=str(e.originator_id),
        order_id=e.order_id,
        warehouse_id=e.warehouse_id,
        pick_list_id=e.pick_list_id,
        started_by=warehouse_actor(e.started_by),
        implied_by_pick=e.implied_by_pick,
        started_at=timestamp(e.timestamp),
    )


def shipment_picked(e: Shipment.Picked) -> Message:
    return events.ShipmentPicked(
        shipment_id=str(e.originator_id),
        order_id=e.order_id,
        picked=[line_quantity_to_contract(line) for line in e.picked],
        picked_by=warehouse_actor(e.picked_by),
        picked_at=timestamp(e.timestamp),
    )


def pick_shortage_reported(e: Shipment.PickShortageReported) -> Message:
    return events.PickShortageReported(
        shipment_id=str(e.originator_id),
        order_id=e.order_id,
        warehouse_id=e.warehouse_id,
        missing=[line_quantity_to_contract(line) for line in e.missing],
        reported_by=warehouse_actor(e.reported_by),
        reported_at=timestamp(e.timestamp),
    )


def shipment_packed(e: Shipment.Packed) -> Message:
    return events.ShipmentPacked(
        shipment_id=str(e.originator_id),
        order_id=e.order_id,
        parcels=[
            fulfillment_pb2.Parcel(parcel_id=p.parcel_id, weight_grams=p.weight_grams, length_mm=p.length_mm,
                                   width_mm=p.width_mm, height_mm=p.height_mm)
            for p in e.parcels
        ],
        quality_check=fulfillment_pb2.QualityCheck(
            passed=e.quality_check.passed, notes=e.quality_check.notes, inspector=warehouse_actor(e.packed_by)
        ),
        packed_by=warehouse_actor(e.packed_by),
        packed_at=timestamp(e.timestamp),
    )


def carrier_chosen(e: Shipment.CarrierChosen) -> Message:
    choice = e.choice
    return events.CarrierChosen(
        shipment_id=str(e.originator_id),
        order_id=e.order_id,
        carrier_code=choice.carrier_code,
        service_level=service_level_to_contract(choice.service_level),
        rate=money_to_contract(choice.rate),
        zone=choice.zone,
        selection_rule_id=choice.rule_id,
        alternatives=[_carrier_rate(rate) for rate in choice.alternatives],
        chosen_at=timestamp(e.timestamp),
    )


def _carrier_rate(rate: CarrierRate) -> fulfillment_pb2.CarrierRate:
    # The rate table prices one service level per carrier and zone: the standard one.
    return fulfillment_pb2.CarrierRate(
        carrier_code=rate.carrier_code,
        service_level=fulfillment_pb2.SERVICE_LEVEL_STANDARD,
        rate=money_to_contract(rate.rate),
        zone=rate.zone,
        transit_days=rate.transit_days,
    )


def shipment_dispatched(e: Shipment.Dispatched) -> Message:
    return events.ShipmentDispatched(
        shipment_id=str(e.originator_id),
        order_id=e.order_id,
        warehouse_id=e.warehouse_id,
        carrier_code=e.carrier_code,
        service_level=service_level_to_contract(e.service_level),
        tracking_numbers=list(e.tracking_numbers),
        lines=[shipment_line_to_contract(line) for line in e.lines],
        reservation_id=e.reservation_id,
        cash_on_delivery_amount=money_to_contract(e.cash_on_delivery),
        scanned_by=warehouse_actor(e.scanned_by),
        dispatched_at=timestamp(e.timestamp),
    )


def shipment_cancelled(e: Shipment.Cancelled) -> Message:
    return events.ShipmentCancelled(
        shipment_id=str(e.originator_id),
        order_id=e.order_id,
        reason=e.reason,
        lines=[line_quantity_to_contract(line) for line in e.lines],
        cancelled_at=timestamp(e.timestamp),
    )


_TRANSLATIONS: dict[type, Callable[[Any], Message]] = {
    Shipment.Created: shipment_created,
    Shipment.PickListIssued: pick_list_issued,
    Shipment.PickingStarted: picking_started,
    Shipment.Picked: shipment_picked,
    Shipment.PickShortageReported: pick_shortage_reported,
    Shipment.Packed: shipment_packed,
    Shipment.CarrierChosen: carrier_chosen,
    Shipment.Dispatched: shipment_dispatched,
    Shipment.Cancelled: shipment_cancelled,
}
