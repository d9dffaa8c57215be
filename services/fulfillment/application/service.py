"""The fulfillment service's store and the warehouse operators' commands on it."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from eventsourcing.application import AggregateNotFoundError
from eventsourcing.persistence import JSONTranscoder
from eventsourcing.utils import EnvType

from oms_platform.store import ServiceApplication
from oms_platform.store.conflicts import retry_on_conflict
from services.fulfillment.adapters.stored_values import register_stored_values
from services.fulfillment.application.work_queue import QueueFilter, WorkQueue
from services.fulfillment.domain.shipment import Shipment
from services.fulfillment.domain.values import Parcel, PickedUnits, QualityCheck


class ShipmentNotFound(LookupError):
    def __init__(self, shipment_id: str) -> None:
        super().__init__(f"shipment {shipment_id} does not exist")
        self.shipment_id = shipment_id


class FulfillmentApplication(ServiceApplication):
    """The fulfillment service's event-sourced store and its commands."""

    def __init__(self, env: EnvType | None = None) -> None:
        super().__init__(env=env)
        self.work_queue = WorkQueue(self)

    def register_transcodings(self, transcoder: JSONTranscoder) -> None:
        super().register_transcodings(transcoder)
        register_stored_values(transcoder)

    def find_shipment(self, shipment_id: str) -> Shipment | None:
        try:
            return self.repository.get(uuid.UUID(shipment_id))
        except (AggregateNotFoundError, ValueError):
            return None

    def shipment(self, shipment_id: str) -> Shipment:
        shipment = self.find_shipment(shipment_id)
        if shipment is None:
            raise ShipmentNotFound(shipment_id)
        return shipment

    @retry_on_conflict
    def start_picking(self, shipment_id: str, picker: str) -> Shipment:
        shipment = self.shipment(shipment_id)
        shipment.start_picking(picker)
        self.record(shipment)
        return shipment

    @retry_on_conflict
    def pick_shipment(self, shipment_id: str, picked: Sequence[PickedUnits] | None, picker: str) -> Shipment:
        shipment = self.shipment(shipment_id)
        shipment.pick(picked, picker)
        self.record(shipment)
        return shipment

    @retry_on_conflict
    def pack_shipment(self, shipment_id: str, parcels: Sequence[Parcel], quality_check: QualityCheck,
                      packer: str) -> Shipment:
        shipment = self.shipment(shipment_id)
        shipment.pack(parcels, quality_check, packer)
        self.record(shipment)
        return shipment

    @retry_on_conflict
    def dispatch_shipment(self, shipment_id: str, carrier_code: str | None, tracking_number: str | None,
                          scanner: str) -> Shipment:
        shipment = self.shipment(shipment_id)
        shipment.dispatch(carrier_code, tracking_number, scanner)
        self.record(shipment)
        return shipment

    def shipments(self, wanted: QueueFilter, limit: int) -> list[Shipment]:
        return self.work_queue.select(wanted, limit)
