"""The tracking service's store and its commands: carrier reports and manual checkpoints (T1)."""

from __future__ import annotations

from dataclasses import replace

from eventsourcing.application import AggregateNotFoundError
from eventsourcing.persistence import JSONTranscoder

from oms_platform.store import ServiceApplication
from oms_platform.store.conflicts import retry_on_conflict
from services.tracking.application.transcodings import register_domain_values, register_legacy_values
from services.tracking.domain.carrier_codes import (
    canonical_carrier_code,
    code_table,
    normal_tracking_number,
)
from services.tracking.domain.carrier_events import CarrierEvent
from services.tracking.domain.checkpoints import Checkpoint
from services.tracking.domain.errors import (
    UnknownOrder,
    UnknownShipment,
    UnknownTrackingNumber,
)
from services.tracking.domain.timeline import CarrierEventOutcome, OrderTimeline
from services.tracking.domain.tracking_numbers import DispatchedShipment, TrackingNumber


class TrackingApplication(ServiceApplication):
    """Order timelines, and the tracking numbers and shipments that lead to them."""

    def register_transcodings(self, transcoder: JSONTranscoder) -> None:
        # Legacy decoders first: the base then registers oms.money as how Money is written.
        register_legacy_values(transcoder)
        super().register_transcodings(transcoder)
        register_domain_values(transcoder)

    # -- commands ---------------------------------------------------------------------------------

    @retry_on_conflict
    def receive_carrier_event(self, report: CarrierEvent) -> CarrierEventOutcome:
        """Normalise a carrier's report and place it on its order's timeline.

        A report for a tracking number no dispatched shipment has is held on that number (and
        published as unmatched) before UnknownTrackingNumber is raised; the dispatch places it.
        """
        table = code_table(report.carrier_code)
        report = replace(
            report,
            carrier_code=table.carrier_code,
            tracking_number=normal_tracking_number(report.tracking_number),
        )
        checkpoint = table.checkpoint_for(report.raw_code, report.description)
        number = self.tracking_number(report.carrier_code, report.tracking_number)
        if number is None or not number.matched:
            number = number or TrackingNumber(report.carrier_code, report.tracking_number)
            if number.hold(report):
                self.record(number)
            raise UnknownTrackingNumber(report.carrier_code, report.tracking_number)
        timeline = self.timeline(number.order_id)
        outcome = timeline.take_carrier_event(number.shipment_id, report, checkpoint)
        self.record(timeline)
        return outcome

    @retry_on_conflict
    def enter_checkpoint(self, shipment_id: str, report: CarrierEvent, checkpoint: Checkpoint) -> CarrierEventOutcome:
        """A checkpoint typed in by staff for a carrier that has no API (T1)."""
        dispatched = self.dispatched_shipment(shipment_id)
        if dispatched is None:
            raise UnknownShipment(shipment_id)
        timeline = self.timeline(dispatched.order_id)
        shipment = timeline.shipment(shipment_id)
        report = replace(
            report,
            carrier_code=shipment.carrier_code,
            tracking_number=next(iter(shipment.tracking_numbers), ""),
        )
        outcome = timeline.take_carrier_event(shipment_id, report, checkpoint)
        self.record(timeline)
        return outcome

    # -- reading ----------------------------------------------------------------------------------

    def timeline(self, order_id: str) -> OrderTimeline:
        try:
            return self.repository.get(OrderTimeline.create_id(order_id))
        except (AggregateNotFoundError, ValueError):
            raise UnknownOrder(order_id) from None

    def timeline_for(self, order_id: str) -> OrderTimeline:
        """The order's timeline, opened on the first news about the order."""
        try:
            return self.timeline(order_id)
        except UnknownOrder:
            return OrderTimeline(order_id)

    def tracking_number(self, carrier_code: str, tracking_number: str) -> TrackingNumber | None:
        carrier_code = canonical_carrier_code(carrier_code)
        tracking_number = normal_tracking_number(tracking_number)
        try:
            return self.repository.get(TrackingNumber.create_id(carrier_code, tracking_number))
        except AggregateNotFoundError:
            return None

    def dispatched_shipment(self, shipment_id: str) -> DispatchedShipment | None:
        try:
            return self.repository.get(DispatchedShipment.create_id(shipment_id))
        except AggregateNotFoundError:
            return None

    def shipment_lookup(self, carrier_code: str, tracking_number: str) -> tuple[TrackingNumber, OrderTimeline]:
        number = self.tracking_number(carrier_code, tracking_number)
        if number is None or not number.matched:
            raise UnknownTrackingNumber(canonical_carrier_code(carrier_code), normal_tracking_number(tracking_number))
        return number, self.timeline(number.order_id)
