"""Events stored before the kernel's Money still load, and new ones store amounts as `oms.money`.

The byte strings below are events exactly as the service stored them when it had a Money of its
own (`fulfillment.Money`, `{"currency": ..., "minor_units": ...}`), recorded with that code.
"""

from __future__ import annotations

import uuid

from eventsourcing.persistence import StoredEvent

from oms_kernel.money import Money
from services.fulfillment.adapters.publications import publications
from services.fulfillment.application.service import FulfillmentApplication
from services.fulfillment.domain.shipment import Shipment, ShipmentStatus
from services.fulfillment.domain.values import QualityCheck

SHIPMENT_ID = "0d9c8b7a-6f5e-4d3c-8b2a-1f0e9d8c7b6a"
TOPIC = "services.fulfillment.domain.shipment:Shipment."

OLD_CREATED = (  # Shipment.Created, as the code before the kernel's Money stored it
    b'{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-02T21:39:58.143537+00:00"},'
    b'"originator_topic":"services.fulfillment.domain.shipment:Shipment",'
    b'"shipment_id":"0d9c8b7a-6f5e-4d3c-8b2a-1f0e9d8c7b6a",'
    b'"plan":{"_type_":"fulfillment.ShipmentPlan",'
    b'"_data_":{"order_id":"2a7f4a0e-8d2b-4c53-9f57-3c1b6f0d9e41","order_number":"SO-0001",'
    b'"reservation_id":"7c0e2b1d-4f6a-4e8b-a3c5-9d1e2f3a4b5c","warehouse_id":"WH-HANGZHOU",'
    b'"lines":[{"_type_":"fulfillment.ShipmentLine","_data_":{"line_id":"line-1","sku":"SKU-TEA",'
    b'"name":"Longjing tea","quantity":2}}],"destination":{"_type_":"fulfillment.Address",'
    b'"_data_":{"recipient_name":"Li Lei","phone":"+8613800138000","country_code":"CN",'
    b'"province":"Zhejiang","city":"Hangzhou","district":"Xihu","street_lines":["1 Wensan Road"],'
    b'"postcode":"310000"}},"priority":2,"service_level":{"_type_":"fulfillment.ServiceLevel",'
    b'"_data_":"standard"},"promised_by":null,"cash_on_delivery":{"_type_":"fulfillment.Money",'
    b'"_data_":{"currency":"CNY","minor_units":12900}}}}}'
)
OLD_PICK_LIST_ISSUED = (  # Shipment.PickListIssued, as the code before the kernel's Money stored it
    b'{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-02T21:39:58.143876+00:00"},'
    b'"pick_list_id":"1a21213e-441d-571c-9a2a-d89a7ff093df",'
    b'"order_id":"2a7f4a0e-8d2b-4c53-9f57-3c1b6f0d9e41","warehouse_id":"WH-HANGZHOU",'
    b'"items":[{"_type_":"fulfillment.PickItem","_data_":{"line_id":"line-1","sku":"SKU-TEA",'
    b'"quantity":2,"bin_location":""}}],"priority":2}'
)
OLD_CARRIER_CHOSEN = (  # Shipment.CarrierChosen, as the code before the kernel's Money stored it
    b'{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-02T21:39:58.151349+00:00"},'
    b'"order_id":"2a7f4a0e-8d2b-4c53-9f57-3c1b6f0d9e41",'
    b'"choice":{"_type_":"fulfillment.CarrierChoice","_data_":{"carrier_code":"ZTO",'
    b'"service_level":{"_type_":"fulfillment.ServiceLevel","_data_":"standard"},"zone":"mainland",'
    b'"rate":{"_type_":"fulfillment.Money","_data_":{"currency":"CNY","minor_units":800}},'
    b'"rule_id":"cheapest-by-zone","alternatives":[{"_type_":"fulfillment.CarrierRate",'
    b'"_data_":{"carrier_code":"EMS","zone":"mainland","rate":{"_type_":"fulfillment.Money",'
    b'"_data_":{"currency":"CNY","minor_units":1200}},"transit_days":3}},'
    b'{"_type_":"fulfillment.CarrierRate","_data_":{"carrier_code":"SF","zone":"mainland",'
    b'"rate":{"_type_":"fulfillment.Money","_data_":{"currency":"CNY","minor_units":2300}},'
    b'"transit_days":1}}]}}}'
)
OLD_DISPATCHED = (  # Shipment.Dispatched, as the code before the kernel's Money stored it
    b'{"timestamp":{"_type_":"datetime_iso","_data_":"2026-12-02T21:39:58.151486+00:00"},'
    b'"order_id":"2a7f4a0e-8d2b-4c53-9f57-3c1b6f0d9e41","warehouse_id":"WH-HANGZHOU",'
    b'"reservation_id":"7c0e2b1d-4f6a-4e8b-a3c5-9d1e2f3a4b5c","carrier_code":"ZTO",'
    b'"service_level":{"_type_":"fulfillment.ServiceLevel","_data_":"standard"},'
    b'"tracking_numbers":["ZTO872901446870"],"lines":[{"_type_":"fulfillment.ShipmentLine",'
    b'"_data_":{"line_id":"line-1","sku":"SKU-TEA","name":"Longjing tea","quantity":2}}],'
    b'"cash_on_delivery":{"_type_":"fulfillment.Money","_data_":{"currency":"CNY",'
    b'"minor_units":12900}},"scanned_by":"scanner-1"}'
)


def stored(version: int, event: str, state: bytes) -> StoredEvent:
    return StoredEvent(originator_id=uuid.UUID(SHIPMENT_ID), originator_version=version, topic=TOPIC + event,
                       state=state)


def test_a_shipment_stored_with_the_old_money_loads_with_the_kernel_money_and_publishes_it(app):
    app.recorder.insert_events([stored(1, "Created", OLD_CREATED), stored(2, "PickListIssued", OLD_PICK_LIST_ISSUED)])

    shipment = app.shipment(SHIPMENT_ID)

    assert shipment.status is ShipmentStatus.PICK_LIST_ISSUED
    assert type(shipment.plan.cash_on_delivery) is Money
    assert shipment.plan.cash_on_delivery == Money("CNY", 12900)
    [created] = [p.message for n in app.notifications_after(0, 10) for p in publications(app.mapper.to_domain_event(n))
                 if p.message.DESCRIPTOR.name == "ShipmentCreated"]
    assert (created.cash_on_delivery_amount.currency_code, created.cash_on_delivery_amount.minor_units) == (
        "CNY", 12900)


def test_old_carrier_choices_and_dispatches_read_back_with_the_kernel_money(app):
    chosen = app.mapper.to_domain_event(stored(6, "CarrierChosen", OLD_CARRIER_CHOSEN))
    dispatched = app.mapper.to_domain_event(stored(7, "Dispatched", OLD_DISPATCHED))

    assert isinstance(chosen, Shipment.CarrierChosen) and isinstance(dispatched, Shipment.Dispatched)
    assert chosen.choice.rate == Money("CNY", 800)
    assert [(rate.carrier_code, rate.rate) for rate in chosen.choice.alternatives] == [
        ("EMS", Money("CNY", 1200)), ("SF", Money("CNY", 2300))]
    assert dispatched.cash_on_delivery == Money("CNY", 12900)
    assert all(type(amount) is Money for amount in (chosen.choice.rate, dispatched.cash_on_delivery))


def test_new_events_of_an_old_shipment_store_their_amounts_as_oms_money(app: FulfillmentApplication):
    app.recorder.insert_events([stored(1, "Created", OLD_CREATED), stored(2, "PickListIssued", OLD_PICK_LIST_ISSUED)])

    app.pick_shipment(SHIPMENT_ID, None, "picker-1")
    app.pack_shipment(SHIPMENT_ID, [], QualityCheck(passed=True, notes="ok"), "packer-1")
    app.dispatch_shipment(SHIPMENT_ID, None, None, "scanner-1")

    new = {event.topic.removeprefix(TOPIC): event.state
           for event in app.recorder.select_events(uuid.UUID(SHIPMENT_ID), gt=2)}
    assert new["CarrierChosen"].count(b'"_type_":"oms.money"') == 3  # the rate and two alternatives
    assert b'"cash_on_delivery":{"_type_":"oms.money","_data_":{"currency":"CNY","minor_units":12900}}' in (
        new["Dispatched"])
    assert not any(b"fulfillment.Money" in state for state in new.values())
    assert app.mapper.to_domain_event(stored(7, "Dispatched", new["Dispatched"])).cash_on_delivery == Money(
        "CNY", 12900)
