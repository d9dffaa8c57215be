"""The shipment: one warehouse's part of an order, from pick list to outbound scan (F1, F3).

created -> pick_list_issued -> picking -> picked -> packed -> dispatched; cancelled from any state
before dispatched. A pick confirmed straight from pick_list_issued records the start it implies.
Each event carries the order and warehouse it concerns, so it can be published on its own without
loading the shipment again.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from enum import Enum
from typing import TYPE_CHECKING

from eventsourcing.domain import Aggregate, event

from oms_kernel.money import Money
from services.fulfillment.domain.carriers import (
    CarrierChoice,
    ShippingRequest,
    carrier_chosen_by_operator,
    choose_carrier,
    tracking_numbers_for,
)
from services.fulfillment.domain.errors import (
    InvalidShipmentPlan,
    QualityCheckFailed,
    ShipmentStateConflict,
)
from services.fulfillment.domain.picking import count_pick
from services.fulfillment.domain.values import (
    LineQuantity,
    Parcel,
    PickedUnits,
    PickItem,
    QualityCheck,
    ServiceLevel,
    ShipmentLine,
    ShipmentPlan,
)

PICK_LIST_NAMESPACE = uuid.UUID("5b2f8e1c-7a4d-4e3b-9c6f-2d8a1e5b7c90")


class ShipmentStatus(Enum):
    CREATED = "created"
    PICK_LIST_ISSUED = "pick_list_issued"
    PICKING = "picking"
    PICKED = "picked"
    PACKED = "packed"
    DISPATCHED = "dispatched"
    CANCELLED = "cancelled"


def create_shipment(shipment_id: str, plan: ShipmentPlan) -> Shipment:
    """A new shipment with its pick list issued to the warehouse floor."""
    Shipment.check_plan(plan)
    shipment = Shipment(shipment_id=shipment_id, plan=plan)
    shipment.issue_pick_list()
    return shipment


class Shipment(Aggregate):
    if TYPE_CHECKING:
        # Made at run time by the `@event` decorators below, with the decorated method's
        # parameters as fields; declared for the type checker (tests/services/
        # test_declared_events.py keeps the declarations in step with them).
        class Created(Aggregate.Created):
            shipment_id: str
            plan: ShipmentPlan

        class PickListIssued(Aggregate.Event):
            pick_list_id: str
            order_id: str
            warehouse_id: str
            items: tuple[PickItem, ...]
            priority: int

        class PickingStarted(Aggregate.Event):
            order_id: str
            warehouse_id: str
            pick_list_id: str
            started_by: str
            implied_by_pick: bool

        class Picked(Aggregate.Event):
            order_id: str
            picked: tuple[LineQuantity, ...]
            picked_by: str

        class PickShortageReported(Aggregate.Event):
            order_id: str
            warehouse_id: str
            missing: tuple[LineQuantity, ...]
            reported_by: str

        class Packed(Aggregate.Event):
            order_id: str
            parcels: tuple[Parcel, ...]
            quality_check: QualityCheck
            packed_by: str

        class CarrierChosen(Aggregate.Event):
            order_id: str
            choice: CarrierChoice

        class Dispatched(Aggregate.Event):
            order_id: str
            warehouse_id: str
            reservation_id: str
            carrier_code: str
            service_level: ServiceLevel
            tracking_numbers: tuple[str, ...]
            lines: tuple[ShipmentLine, ...]
            cash_on_delivery: Money | None
            scanned_by: str

        class Cancelled(Aggregate.Event):
            order_id: str
            reason: str
            lines: tuple[LineQuantity, ...]

    @staticmethod
    def create_id(shipment_id: str) -> uuid.UUID:
        return uuid.UUID(shipment_id)

    @event("Created")
    def __init__(self, shipment_id: str, plan: ShipmentPlan):
        self.shipment_id = shipment_id
        self.plan = plan
        self.status = ShipmentStatus.CREATED
        self.pick_list_id = ""
        self.pick_list: tuple[PickItem, ...] = ()
        self.picked: tuple[LineQuantity, ...] = ()
        self.missing: tuple[LineQuantity, ...] = ()
        self.parcels: tuple[Parcel, ...] = ()
        self.quality_check: QualityCheck | None = None
        self.carrier: CarrierChoice | None = None
        self.tracking_numbers: tuple[str, ...] = ()
        self.cancel_reason = ""

    @staticmethod
    def check_plan(plan: ShipmentPlan) -> None:
        if not plan.order_id or not plan.warehouse_id:
            raise InvalidShipmentPlan("a shipment needs an order and a warehouse")
        if not plan.lines:
            raise InvalidShipmentPlan(f"the shipment from {plan.warehouse_id} has no lines")
        line_ids = [line.line_id for line in plan.lines]
        if len(set(line_ids)) != len(line_ids) or not all(line_ids):
            raise InvalidShipmentPlan(f"the shipment from {plan.warehouse_id} repeats or omits line ids")
        if any(line.quantity <= 0 for line in plan.lines):
            raise InvalidShipmentPlan(f"the shipment from {plan.warehouse_id} has a line without units")

    # Pick list

    def issue_pick_list(self) -> None:
        self._check_status(ShipmentStatus.CREATED, "issue a pick list for")
        # Pickers walk the aisles in bin order; SKU breaks ties so the list is stable.
        items = sorted(
            (PickItem(line.line_id, line.sku, line.quantity, bin_location="") for line in self.plan.lines),
            key=lambda item: (item.bin_location, item.sku, item.line_id),
        )
        self._issue_pick_list(
            pick_list_id=str(uuid.uuid5(PICK_LIST_NAMESPACE, self.shipment_id)),
            order_id=self.plan.order_id,
            warehouse_id=self.plan.warehouse_id,
            items=tuple(items),
            priority=self.plan.priority,
        )

    @event("PickListIssued")
    def _issue_pick_list(self, pick_list_id: str, order_id: str, warehouse_id: str,
                         items: tuple[PickItem, ...], priority: int) -> None:
        self.pick_list_id = pick_list_id
        self.pick_list = tuple(items)
        self.status = ShipmentStatus.PICK_LIST_ISSUED

    # Pick

    def start_picking(self, picker: str) -> None:
        """A picker takes the pick list into the aisles: the order's "picking started" checkpoint."""
        self._check_status(ShipmentStatus.PICK_LIST_ISSUED, "start picking")
        self._record_picking_start(picker, implied_by_pick=False)

    def _record_picking_start(self, picker: str, *, implied_by_pick: bool) -> None:
        self._start_picking(
            order_id=self.plan.order_id, warehouse_id=self.plan.warehouse_id, pick_list_id=self.pick_list_id,
            started_by=picker, implied_by_pick=implied_by_pick,
        )

    @event("PickingStarted")
    def _start_picking(self, order_id: str, warehouse_id: str, pick_list_id: str, started_by: str,
                       implied_by_pick: bool) -> None:
        self.status = ShipmentStatus.PICKING

    def pick(self, picked: Sequence[PickedUnits] | None, picker: str) -> None:
        """Confirm the pick; `None` means everything on the pick list. Units not picked are
        reported short; with nothing picked at all the shipment waits where it was.

        Warehouses that only confirm picks never report the start: units found prove that
        picking started, so the start is recorded then, just before the pick."""
        if self.status is not ShipmentStatus.PICKING:
            self._check_status(ShipmentStatus.PICK_LIST_ISSUED, "pick")
        count = count_pick(self.pick_list, picked)
        if count.found:
            if self.status is ShipmentStatus.PICK_LIST_ISSUED:
                self._record_picking_start(picker, implied_by_pick=True)
            self._confirm_pick(order_id=self.plan.order_id, picked=count.found, picked_by=picker)
        if count.missing:
            self._report_shortage(
                order_id=self.plan.order_id, warehouse_id=self.plan.warehouse_id, missing=count.missing,
                reported_by=picker,
            )

    @event("Picked")
    def _confirm_pick(self, order_id: str, picked: tuple[LineQuantity, ...], picked_by: str) -> None:
        self.picked = tuple(picked)
        self.status = ShipmentStatus.PICKED

    @event("PickShortageReported")
    def _report_shortage(self, order_id: str, warehouse_id: str, missing: tuple[LineQuantity, ...],
                         reported_by: str) -> None:
        self.missing = tuple(missing)

    # Pack

    def pack(self, parcels: Sequence[Parcel], quality_check: QualityCheck, packer: str) -> None:
        self._check_status(ShipmentStatus.PICKED, "pack")
        if not quality_check.passed:
            raise QualityCheckFailed(f"shipment {self.shipment_id} failed the quality check: {quality_check.notes}")
        # Without measurements the shipment is one parcel of unknown size, priced by its first kg.
        parcels = tuple(parcels) or (Parcel("1", 0, 0, 0, 0),)
        self._pack(order_id=self.plan.order_id, parcels=parcels, quality_check=quality_check, packed_by=packer)

    @event("Packed")
    def _pack(self, order_id: str, parcels: tuple[Parcel, ...], quality_check: QualityCheck,
              packed_by: str) -> None:
        self.parcels = tuple(parcels)
        self.quality_check = quality_check
        self.status = ShipmentStatus.PACKED

    # Dispatch

    def dispatch(self, carrier_code: str | None, tracking_number: str | None, scanner: str) -> None:
        """The outbound scan: choose the carrier unless the operator did, label, and let it go."""
        self._check_status(ShipmentStatus.PACKED, "dispatch")
        request = ShippingRequest(
            self.plan.destination, self.plan.service_level, self.plan.priority, self.weight_grams
        )
        choice = carrier_chosen_by_operator(request, carrier_code) if carrier_code else choose_carrier(request)
        # A number entered by hand is the waybill of the whole shipment (small carriers, T1).
        numbers = (tracking_number,) if tracking_number else tracking_numbers_for(
            self.shipment_id, choice.carrier_code, len(self.parcels)
        )
        self._choose_carrier(order_id=self.plan.order_id, choice=choice)
        self._dispatch(
            order_id=self.plan.order_id,
            warehouse_id=self.plan.warehouse_id,
            reservation_id=self.plan.reservation_id,
            carrier_code=choice.carrier_code,
            service_level=choice.service_level,
            tracking_numbers=numbers,
            lines=self.shipped_lines,
            cash_on_delivery=self.plan.cash_on_delivery,
            scanned_by=scanner,
        )

    @event("CarrierChosen")
    def _choose_carrier(self, order_id: str, choice: CarrierChoice) -> None:
        self.carrier = choice

    @event("Dispatched")
    def _dispatch(self, order_id: str, warehouse_id: str, reservation_id: str, carrier_code: str,
                  service_level: ServiceLevel, tracking_numbers: tuple[str, ...], lines: tuple[ShipmentLine, ...],
                  cash_on_delivery: Money | None, scanned_by: str) -> None:
        self.tracking_numbers = tuple(tracking_numbers)
        self.status = ShipmentStatus.DISPATCHED

    # Cancel

    def cancel(self, reason: str) -> None:
        if self.status is ShipmentStatus.CANCELLED:
            return  # the order service may ask again; once cancelled is enough
        if self.status is ShipmentStatus.DISPATCHED:
            raise ShipmentStateConflict(self.shipment_id, self.status.value, "cancel")
        lines = tuple(LineQuantity(line.line_id, line.sku, line.quantity) for line in self.plan.lines)
        self._cancel(order_id=self.plan.order_id, reason=reason, lines=lines)

    @event("Cancelled")
    def _cancel(self, order_id: str, reason: str, lines: tuple[LineQuantity, ...]) -> None:
        self.cancel_reason = reason
        self.status = ShipmentStatus.CANCELLED

    # Views

    @property
    def shipped_lines(self) -> tuple[ShipmentLine, ...]:
        """The plan's lines with the units actually picked; lines picked short to zero drop out."""
        picked = {entry.line_id: entry.quantity for entry in self.picked}
        return tuple(
            ShipmentLine(line.line_id, line.sku, line.name, picked[line.line_id])
            for line in self.plan.lines
            if picked.get(line.line_id)
        )

    @property
    def weight_grams(self) -> int:
        return sum(parcel.weight_grams for parcel in self.parcels)

    def _check_status(self, expected: ShipmentStatus, command: str) -> None:
        if self.status is not expected:
            raise ShipmentStateConflict(self.shipment_id, self.status.value, command)

