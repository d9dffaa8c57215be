"""The tracking store on SQLite and PostgreSQL: values survive the round trip, and a carrier
event that loses a race with the consumer is retried on fresh state."""

from __future__ import annotations

import pytest

from oms_kernel.money import Money
from oms_platform.store import open_application
from services.tracking.application.service import TrackingApplication
from services.tracking.domain.checkpoints import Checkpoint
from services.tracking.domain.timeline import Outcome
from services.tracking.domain.tracking_numbers import DispatchedShipment, TrackingNumber
from services.tracking.settings import TrackingSettings
from tests.services.tracking.builders import SHANGHAI, dispatched_timeline, report, shipment


@pytest.fixture
def app(store_backend):
    # A service name of its own gives each test its own schema on the shared PostgreSQL database.
    settings_class = type("TrackingStoreSettings", (TrackingSettings,),
                          {"service_name": f"tracking_{store_backend.schema_suffix}"})
    settings = settings_class(data_dir=store_backend.data_dir, database_url=store_backend.database_url)
    application = open_application(TrackingApplication, settings)
    yield application
    application.close()


def dispatched(app: TrackingApplication, **shipment_details):
    timeline = dispatched_timeline(shipment(**shipment_details))
    number = TrackingNumber("sf-express", "SF100")
    number.assign(timeline.order_id, "shipment-1")
    app.record(timeline, number, DispatchedShipment("shipment-1", timeline.order_id))
    return timeline


def test_a_timeline_reads_back_with_its_checkpoints_shipments_and_money(app):
    timeline = dispatched(app, cod=Money("CNY", 12_900))
    timeline.expect_cash_on_delivery()
    timeline.take_carrier_event("shipment-1", report("30", 8, place=SHANGHAI), Checkpoint.TRANSIT_ARRIVAL)
    timeline.take_carrier_event("shipment-1", report("80", 30), Checkpoint.DELIVERED)
    app.record(timeline)

    stored = app.timeline(timeline.order_id)

    assert stored.entries == timeline.entries
    assert stored.shipments == timeline.shipments
    assert stored.shipment("shipment-1").tracking_numbers == ("SF100",)
    assert stored.cash_on_delivery and stored.carrier_event_ids == timeline.carrier_event_ids
    assert app.dispatched_shipment("shipment-1").order_id == timeline.order_id


def test_a_carrier_event_that_loses_a_race_is_retried_on_the_newer_timeline(app, monkeypatch):
    order_id = dispatched(app).order_id
    read_timeline = app.timeline
    reads = []

    def timeline_overtaken_once(wanted: str):
        stale = read_timeline(wanted)
        if not reads:  # another writer saves the same timeline between our read and our write
            rival = read_timeline(wanted)
            rival.take_carrier_event("shipment-1", report("50", 6), Checkpoint.CARRIER_PICKUP)
            app.record(rival)
        reads.append(stale.version)
        return stale

    monkeypatch.setattr(app, "timeline", timeline_overtaken_once)
    sf_arrival = report("30", 8)
    outcome = app.receive_carrier_event(sf_arrival)

    assert outcome.outcome is Outcome.RECORDED
    assert len(reads) == 2 and reads[1] > reads[0]
    assert [e.checkpoint for e in read_timeline(order_id).ordered_entries()][-2:] == [
        Checkpoint.CARRIER_PICKUP, Checkpoint.TRANSIT_ARRIVAL,
    ]
