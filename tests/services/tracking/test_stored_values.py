"""Amounts in the tracking store: written as the shared `oms.money`, and the ones stored before the
kernel's Money existed (as `tracking.Money`) still read back as Money."""

from __future__ import annotations

import uuid

import pytest
from eventsourcing.persistence import StoredEvent

from oms_kernel.money import Money
from services.tracking.application.service import TrackingApplication
from services.tracking.domain.checkpoints import Checkpoint
from services.tracking.domain.timeline import OrderTimeline
from tests.services.tracking.builders import dispatched_timeline, report, shipment

ORDER_ID = uuid.UUID("6f1c2a8e-3b7d-5e2f-9a41-0c8d7e6b5a43")
TOPIC = "services.tracking.domain.timeline:OrderTimeline"

# Exactly as the tracking service stored these two events before the kernel's Money (its own
# Money class, transcoding "tracking.Money"), produced by that code.
OLD_SHIPMENT_REGISTERED = (
    b'{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-02T21:38:02.103206+00:00"},'
    b'"shipment":{"_type_":"tracking.ShipmentTrack","_data_":{"shipment_id":"shipment-1",'
    b'"warehouse_id":"WH-HZ","carrier_code":"sf-express","tracking_numbers":["SF100"],'
    b'"cash_on_delivery":{"_type_":"tracking.Money","_data_":{"currency":"CNY","minor_units":12900}},'
    b'"delivered_at":null}}}'
)
OLD_SHIPMENT_DELIVERED = (
    b'{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-02T21:38:02.103566+00:00"},'
    b'"shipment_id":"shipment-1","delivered_at":{"_type_":"datetime_iso","_data_":"2026-11-21T09:00:00+00:00"},'
    b'"place":{"_type_":"tracking.Place","_data_":{"name":"Hangzhou","city":"","province":"",'
    b'"country_code":"","code":""}},"carrier_code":"sf-express","tracking_number":"SF100",'
    b'"cash_collected":{"_type_":"tracking.Money","_data_":{"currency":"CNY","minor_units":12900}}}'
)


@pytest.fixture
def app():
    application = TrackingApplication()
    yield application
    application.close()


def _old(event: str, version: int, state: bytes) -> StoredEvent:
    return StoredEvent(originator_id=ORDER_ID, originator_version=version, topic=f"{TOPIC}.{event}", state=state)


def test_amounts_stored_as_tracking_money_read_back_as_the_kernels_money(app):
    registered = app.mapper.to_domain_event(_old("ShipmentRegistered", 2, OLD_SHIPMENT_REGISTERED))
    delivered = app.mapper.to_domain_event(_old("ShipmentDelivered", 6, OLD_SHIPMENT_DELIVERED))

    assert type(registered.shipment.cash_on_delivery) is Money
    assert registered.shipment.cash_on_delivery == Money("CNY", 12_900)
    assert type(delivered.cash_collected) is Money
    assert delivered.cash_collected == Money("CNY", 12_900)
    assert delivered.place.name == "Hangzhou"


def test_new_amounts_are_written_as_oms_money_and_read_back(app):
    timeline = dispatched_timeline(shipment(cod=Money("CNY", 12_900)))
    timeline.take_carrier_event("shipment-1", report("80", 30), Checkpoint.DELIVERED)
    app.save(timeline)

    states = {n.topic.rsplit(".", 1)[-1]: n.state for n in app.notification_log.select(start=1, limit=10)}

    for event in ("ShipmentRegistered", "ShipmentDelivered"):
        assert b'"_type_":"oms.money","_data_":{"currency":"CNY","minor_units":12900}' in states[event]
        assert b"tracking.Money" not in states[event]
    stored: OrderTimeline = app.repository.get(timeline.id)
    assert stored.shipment("shipment-1").cash_on_delivery == Money("CNY", 12_900)
