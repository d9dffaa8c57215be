"""The Order aggregate: an order's life from placement to completion (O1, O3, O6).

Public methods are the commands: they check the state machine (status.py) and decide. The
private `@event` methods are the facts they record; each fact names the status after it and
carries what its publication needs, since events are published without the order at hand.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from eventsourcing.domain import Aggregate, event

from oms_kernel.money import Money
from services.order.domain.reasons import CancellationReason, ChangeSource, HoldReason
from services.order.domain.requests import ShipmentRequest, StockRequest
from services.order.domain.review import ReviewDecision, ReviewPolicy, ReviewSubject, evaluate
from services.order.domain.shipments import ShipmentProgress, ShipmentState
from services.order.domain.status import IllegalTransition, OrderStatus, S, check_transition
from services.order.domain.values import (
    SYSTEM,
    Actor,
    Address,
    ChangeRequest,
    Contact,
    Dispatch,
    Hold,
    LineQuantity,
    OrderLine,
    Payment,
    PaymentConfirmation,
    Placement,
    PlannedShipment,
    ShipmentLine,
    Totals,
    WarehouseAllocation,
)

AUTO_REVIEW = Actor("auto-review", SYSTEM.role)


class ReservationState(StrEnum):
    NONE = "NONE"
    REQUESTED = "REQUESTED"  # ReserveStock sent
    MADE = "MADE"
    FAILED = "FAILED"


@dataclass(frozen=True)
class StatusChange:
    status: OrderStatus
    event: str
    at: datetime


class Order(Aggregate):
    class Event(Aggregate.Event):
        def apply(self, aggregate: Order) -> None:
            # Runs after each fact's own body: the status and its history change in one place.
            aggregate._enter(getattr(self, "status", aggregate.status), type(self).__name__, self.timestamp)

    if TYPE_CHECKING:
        # The `@event` decorators below make these classes at run time, with the decorated
        # method's parameters as fields (tests/services/test_declared_events.py keeps the
        # declarations in step with them).
        # Declared for the type checker: the adapters look facts up by class, and the fields
        # commands.py reads after matching a class are spelled out.
        class Placed(Aggregate.Created, Event): ...
        class AwaitingPayment(Event): ...
        class PaymentConfirmed(Event): ...
        class ReviewStarted(Event): ...
        class ReviewDecided(Event): ...

        class Approved(Event):
            status: str
            approved_by: Actor
            automatic: bool
            stock_request: StockRequest

        class Held(Event): ...

        class Released(Event):
            status: str
            hold_id: str
            released_by: Actor
            note: str
            stock_request: StockRequest | None

        class Allocated(Event):
            status: str
            reservation_id: str
            allocations: tuple[WarehouseAllocation, ...]
            shipment_request: ShipmentRequest

        class Backordered(Event): ...
        class FulfilmentStarted(Event): ...
        class PartlyShipped(Event): ...
        class Shipped(Event): ...
        class Delivered(Event): ...
        class Completed(Event): ...

        class Cancelled(Event):
            status: str
            reason: str
            detail: str
            cancelled_by: Actor
            refund_due: Money
            previous_status: str
            released_reservation_id: str

        class ShipmentCancellationRequested(Event): ...
        class Refunded(Event): ...
        class AddressChanged(Event): ...
        class ChangeRefused(Event): ...

    @staticmethod
    def create_id(order_id: str) -> uuid.UUID:
        return uuid.UUID(order_id)

    @event("Placed")
    def __init__(self, order_id: str, order_number: str, reservation_id: str, placement: Placement,
                 contact: Contact, shipping_address: Address, billing_address: Address | None,
                 lines: tuple[OrderLine, ...], totals: Totals, payment: Payment):
        self.order_id, self.order_number, self.reservation_id = order_id, order_number, reservation_id
        self.placement, self.contact, self.payment, self.totals = placement, contact, payment, totals
        self.shipping_address, self.billing_address = shipping_address, billing_address
        self.lines = tuple(lines)
        self.status = S.RECEIVED
        self.history: list[StatusChange] = []
        self.confirmed_payment: PaymentConfirmation | None = None
        self.hold: Hold | None = None
        self.holds_placed = 0
        self.reservation_state = ReservationState.NONE
        self.allocations: tuple[WarehouseAllocation, ...] = ()
        self.shipments: dict[str, ShipmentProgress] = {}
        self.cancellation_reason: str | None = None

    # -- what the order knows --------------------------------------------------------------------

    @property
    def currency(self) -> str:
        return self.lines[0].unit_price.currency

    @property
    def order_total(self) -> Money:
        if self.totals.grand_total is not None:
            return self.totals.grand_total
        total = sum((line.total for line in self.lines), Money.zero(self.currency))
        return total + self.totals.shipping_fee if self.totals.shipping_fee else total

    @property
    def priority(self) -> str:
        return "URGENT" if self.placement.express_requested else "NORMAL"

    def stock_request(self) -> StockRequest:
        lines = tuple(line.as_quantity() for line in self.lines)
        return StockRequest(self.reservation_id, lines, self.shipping_address, self.priority)

    # -- payment and review (the process manager's automatic steps) ------------------------------

    def advance(self, policy: ReviewPolicy) -> None:
        """Take the automatic steps the status calls for; a status that waits for others is left."""
        if self.status == S.RECEIVED:
            if self.payment.is_paid:
                self.confirm_payment(self._reported_payment())
            elif self.payment.is_deferred:
                self.review(policy)
            else:
                self.await_payment()
        if self.status == S.PAID:
            self.review(policy)

    def await_payment(self) -> None:
        check_transition(self.status, S.AWAITING_PAYMENT, "await_payment")
        self._awaiting_payment(status=S.AWAITING_PAYMENT, amount_due=self.order_total,
                               method=self.payment.method)

    def confirm_payment(self, confirmation: PaymentConfirmation) -> None:
        if self.confirmed_payment is not None:
            return  # the same payment reported again
        target = S.ON_HOLD if self.status == S.ON_HOLD else S.PAID
        check_transition(self.status, target, "confirm_payment")
        self._payment_confirmed(status=target, confirmation=confirmation)

    def review(self, policy: ReviewPolicy) -> None:
        check_transition(self.status, S.UNDER_REVIEW, "start_review")
        self._review_started(status=S.UNDER_REVIEW, rules_version=policy.rules_version)
        decision = evaluate(self._review_subject(), policy)
        self._review_decided(status=S.UNDER_REVIEW, approved=decision.approved, checks=decision.checks)
        if decision.approved:
            self.approve(AUTO_REVIEW, automatic=True)
        else:
            self._hold_for_review(decision)

    def approve(self, actor: Actor, *, automatic: bool = False) -> None:
        check_transition(self.status, S.APPROVED, "approve")
        self._approved(status=S.APPROVED, approved_by=actor, automatic=automatic,
                       stock_request=self.stock_request())

    # -- holds ---------------------------------------------------------------------------------

    def put_on_hold(self, reason: HoldReason, detail: str, actor: Actor, review_queue: str = "manual") -> None:
        check_transition(self.status, S.ON_HOLD, "hold")
        self._held(status=S.ON_HOLD, hold=self._new_hold(reason, detail, actor, review_queue))

    def release(self, actor: Actor, note: str, policy: ReviewPolicy) -> None:
        if self.hold is None:
            raise IllegalTransition(self.status, None, "release")
        target = OrderStatus(self.hold.resume_status)
        check_transition(self.status, target, "release")
        stock_request = self.stock_request() if target == S.APPROVED else None
        self._released(status=target, hold_id=self.hold.hold_id, released_by=actor, note=note,
                       stock_request=stock_request)
        if target == S.UNDER_REVIEW:
            # Only the review rules hold an order under review: a person lifting that hold has
            # reviewed it, and running the same rules again would hold it again.
            self.approve(actor)
        elif target == S.PAID:
            self.review(policy)

    # -- stock -----------------------------------------------------------------------------------

    def allocate(self, allocations: tuple[WarehouseAllocation, ...]) -> None:
        check_transition(self.status, S.ALLOCATED, "allocate")
        shipments = tuple(self._planned_shipment(allocation) for allocation in allocations)
        self._allocated(status=S.ALLOCATED, reservation_id=self.reservation_id, allocations=allocations,
                        shipment_request=self._shipment_request(shipments))

    def backorder(self, shortfalls: tuple[LineQuantity, ...], detail: str) -> None:
        check_transition(self.status, S.ON_HOLD, "backorder")
        hold = self._new_hold(HoldReason.INSUFFICIENT_STOCK, detail, SYSTEM, "stock")
        self._backordered(status=S.ON_HOLD, reservation_id=self.reservation_id, lines=shortfalls, hold=hold)

    # -- shipments -------------------------------------------------------------------------------

    def note_shipment_created(self, shipment_id: str) -> None:
        shipment = self.shipments.get(shipment_id)
        if shipment is None or shipment.state != ShipmentState.REQUESTED:
            return  # not one of ours, already known, or being cancelled
        if self.status == S.ALLOCATED:
            check_transition(self.status, S.IN_FULFILMENT, "start_fulfilment")
            self._fulfilment_started(status=S.IN_FULFILMENT, shipment_id=shipment_id)
        else:
            self._shipment_created(status=self.status, shipment_id=shipment_id)

    def dispatch(self, dispatch: Dispatch) -> None:
        shipment = self._known_shipment(dispatch.shipment_id)
        if shipment.has_left:
            return  # already known
        dispatch = replace(dispatch, lines=dispatch.lines or shipment.plan.quantities())
        waiting = [s for s in self.shipments.values() if not s.has_left and s.shipment_id != dispatch.shipment_id]
        target, command = (S.PARTLY_SHIPPED, "ship_partly") if waiting else (S.SHIPPED, "ship")
        check_transition(self.status, target, command)
        fact = self._partly_shipped if waiting else self._shipped
        fact(status=target, dispatch=dispatch, reservation_id=self.reservation_id,
             remaining_lines=self._lines_left_after(dispatch), shipment_ids=tuple(self.shipments))

    def note_delivery(self, shipment_id: str, delivered_at: datetime | None) -> None:
        shipment = self._known_shipment(shipment_id)
        if shipment.state == ShipmentState.DELIVERED:
            return  # already known
        if shipment.may_still_ship:
            raise DispatchNotYetKnown(shipment_id, shipment.state)
        if shipment.state != ShipmentState.DISPATCHED:
            raise ShipmentNotDispatched(shipment_id, shipment.state)
        others = [s for s in self.shipments.values() if s.shipment_id != shipment_id]
        if not all(s.state == ShipmentState.DELIVERED for s in others):
            self._shipment_delivered(status=self.status, shipment_id=shipment_id, delivered_at=delivered_at)
            return
        check_transition(self.status, S.DELIVERED, "deliver")
        self._delivered(status=S.DELIVERED, shipment_id=shipment_id, delivered_at=delivered_at,
                        shipment_ids=tuple(self.shipments))
        if self.confirmed_payment is not None or self.payment.is_cash_on_delivery:
            check_transition(self.status, S.COMPLETED, "complete")
            reason = ("delivered; the carrier collected the cash" if self.payment.is_cash_on_delivery
                      else "delivered and paid")
            self._completed(status=S.COMPLETED, reason=reason)

    def note_shipment_cancelled(self, shipment_id: str) -> None:
        shipment = self.shipments.get(shipment_id)
        if shipment is not None and shipment.state != ShipmentState.CANCELLED:
            self._shipment_cancelled(status=self.status, shipment_id=shipment_id)

    # -- changes (O6) ----------------------------------------------------------------------------

    def cancel(self, reason: CancellationReason, detail: str, actor: Actor) -> None:
        check_transition(self.status, S.CANCELLED, "cancel")
        paid = self.confirmed_payment
        refund_due = paid.amount if paid is not None else Money.zero(self.currency)
        reserved = self.reservation_state in (ReservationState.REQUESTED, ReservationState.MADE)
        self._cancelled(status=S.CANCELLED, reason=reason, detail=detail, cancelled_by=actor,
                        refund_due=refund_due, previous_status=self.status,
                        released_reservation_id=self.reservation_id if reserved else "")
        for shipment in [s for s in self.shipments.values() if s.may_still_ship]:
            self._shipment_cancellation_requested(status=self.status, shipment_id=shipment.shipment_id,
                                                  reason=f"order cancelled: {reason}")
        if refund_due.is_positive:
            check_transition(self.status, S.REFUNDED, "refund")
            refund_id = str(uuid.uuid5(self.id, "refund/cancellation"))
            self._refunded(status=S.REFUNDED, refund_id=refund_id, amount=refund_due,
                           payment=paid, reason="order cancelled")

    def change_address(self, address: Address, contact: Contact | None, source: ChangeSource,
                       actor: Actor) -> None:
        if address == self.shipping_address and contact in (None, self.contact):
            return  # nothing would change
        check_transition(self.status, self.status, "change_address")
        self._address_changed(status=self.status, previous_address=self.shipping_address,
                              new_address=address, contact=contact, source=source, changed_by=actor)

    def refuse_change(self, request: ChangeRequest, reason_code: str, message: str) -> None:
        self._change_refused(status=self.status, request=request, reason_code=reason_code, message=message)

    # -- helpers ---------------------------------------------------------------------------------

    def _enter(self, status: str, event_name: str, at: datetime) -> None:
        status = OrderStatus(status)
        if not self.history or self.history[-1].status != status:
            self.history.append(StatusChange(status, event_name, at))
        self.status = status

    def _reported_payment(self) -> PaymentConfirmation:
        reported = self.payment
        amount = reported.paid_amount or Money.zero(self.currency)
        return PaymentConfirmation(reported.reference, reported.method, amount, "CHANNEL", reported.paid_at)

    def _review_subject(self) -> ReviewSubject:
        paid = self.confirmed_payment.amount if self.confirmed_payment else None
        return ReviewSubject(self.lines, self.order_total, paid, self.payment.is_cash_on_delivery,
                             self.payment.is_deferred)

    def _hold_for_review(self, decision: ReviewDecision) -> None:
        rule = decision.held_by
        assert rule is not None
        self.put_on_hold(rule.hold_reason, decision.detail, AUTO_REVIEW, rule.review_queue)

    def _new_hold(self, reason: HoldReason, detail: str, actor: Actor, queue: str) -> Hold:
        hold_id = str(uuid.uuid5(self.id, f"hold/{self.holds_placed + 1}"))
        return Hold(hold_id, reason, detail, queue, actor, self.status, self.status)

    def _known_shipment(self, shipment_id: str) -> ShipmentProgress:
        try:
            return self.shipments[shipment_id]
        except KeyError:
            raise UnknownShipment(shipment_id) from None

    def _planned_shipment(self, allocation: WarehouseAllocation) -> PlannedShipment:
        names = {line.line_id: line.name for line in self.lines}
        lines = tuple(ShipmentLine(q.line_id, q.sku, names.get(q.line_id, ""), q.quantity) for q in allocation.lines)
        return PlannedShipment(allocation.shipment_id, allocation.warehouse_id, lines)

    def _shipment_request(self, shipments: tuple[PlannedShipment, ...]) -> ShipmentRequest:
        address, contact = self.shipping_address, self.contact
        recipient = Contact(address.recipient_name or contact.name, address.phone or contact.phone, contact.email)
        goods = sum((line.unit_price.times(line.quantity) - line.discount for line in self.lines),
                    Money.zero(self.currency))
        cod = self.order_total if self.payment.is_cash_on_delivery else Money.zero(self.currency)
        window = self.placement.requested_delivery
        return ShipmentRequest(self.order_number, self.reservation_id, shipments, address, recipient,
                               self.priority, self.placement.express_requested,
                               window.end if window else None, goods, cod)

    def _lines_left_after(self, dispatch: Dispatch) -> tuple[LineQuantity, ...]:
        shipped: dict[str, int] = {}
        left_already = [s.shipped_lines for s in self.shipments.values() if s.has_left]
        for lines in [*left_already, dispatch.lines]:
            for line in lines:
                shipped[line.line_id] = shipped.get(line.line_id, 0) + line.quantity
        remaining = (LineQuantity(line.line_id, line.sku, line.quantity - shipped.get(line.line_id, 0))
                     for line in self.lines)
        return tuple(line for line in remaining if line.quantity > 0)

    def _update_shipment(self, shipment_id: str, state: ShipmentState, **changes: object) -> None:
        self.shipments[shipment_id] = self.shipments[shipment_id].moved_to(state, **changes)

    # -- facts -----------------------------------------------------------------------------------

    @event("AwaitingPayment")
    def _awaiting_payment(self, status: str, amount_due: Money, method: str) -> None:
        pass

    @event("PaymentConfirmed")
    def _payment_confirmed(self, status: str, confirmation: PaymentConfirmation) -> None:
        self.confirmed_payment = confirmation
        if self.hold is not None:
            self.hold = replace(self.hold, resume_status=S.PAID)

    @event("ReviewStarted")
    def _review_started(self, status: str, rules_version: str) -> None:
        pass

    @event("ReviewDecided")
    def _review_decided(self, status: str, approved: bool, checks: tuple) -> None:
        pass

    @event("Approved")
    def _approved(self, status: str, approved_by: Actor, automatic: bool, stock_request: StockRequest) -> None:
        self.hold = None
        self.reservation_state = ReservationState.REQUESTED

    @event("Held")
    def _held(self, status: str, hold: Hold) -> None:
        self.hold = hold
        self.holds_placed += 1

    @event("Released")
    def _released(self, status: str, hold_id: str, released_by: Actor, note: str,
                  stock_request: StockRequest | None) -> None:
        self.hold = None
        if stock_request is not None:
            self.reservation_state = ReservationState.REQUESTED

    @event("Allocated")
    def _allocated(self, status: str, reservation_id: str, allocations: tuple[WarehouseAllocation, ...],
                   shipment_request: ShipmentRequest) -> None:
        self.reservation_state = ReservationState.MADE
        self.allocations = tuple(allocations)
        self.shipments = {plan.shipment_id: ShipmentProgress(plan) for plan in shipment_request.shipments}

    @event("Backordered")
    def _backordered(self, status: str, reservation_id: str, lines: tuple[LineQuantity, ...], hold: Hold) -> None:
        self.reservation_state = ReservationState.FAILED
        self.hold = hold
        self.holds_placed += 1

    @event("FulfilmentStarted")
    def _fulfilment_started(self, status: str, shipment_id: str) -> None:
        self._update_shipment(shipment_id, ShipmentState.CREATED)

    @event("ShipmentCreated")
    def _shipment_created(self, status: str, shipment_id: str) -> None:
        self._update_shipment(shipment_id, ShipmentState.CREATED)

    @event("PartlyShipped")
    def _partly_shipped(self, status: str, dispatch: Dispatch, reservation_id: str,
                        remaining_lines: tuple[LineQuantity, ...], shipment_ids: tuple[str, ...]) -> None:
        self._note_dispatch(dispatch)

    @event("Shipped")
    def _shipped(self, status: str, dispatch: Dispatch, reservation_id: str,
                 remaining_lines: tuple[LineQuantity, ...], shipment_ids: tuple[str, ...]) -> None:
        self._note_dispatch(dispatch)

    def _note_dispatch(self, dispatch: Dispatch) -> None:
        self._update_shipment(dispatch.shipment_id, ShipmentState.DISPATCHED, carrier_code=dispatch.carrier_code,
                              tracking_numbers=tuple(dispatch.tracking_numbers),
                              shipped_lines=tuple(dispatch.lines), dispatched_at=dispatch.dispatched_at)

    @event("ShipmentDelivered")
    def _shipment_delivered(self, status: str, shipment_id: str, delivered_at: datetime | None) -> None:
        self._update_shipment(shipment_id, ShipmentState.DELIVERED, delivered_at=delivered_at)

    @event("Delivered")
    def _delivered(self, status: str, shipment_id: str, delivered_at: datetime | None,
                   shipment_ids: tuple[str, ...]) -> None:
        self._update_shipment(shipment_id, ShipmentState.DELIVERED, delivered_at=delivered_at)

    @event("Completed")
    def _completed(self, status: str, reason: str) -> None:
        pass

    @event("ShipmentCancelled")
    def _shipment_cancelled(self, status: str, shipment_id: str) -> None:
        self._update_shipment(shipment_id, ShipmentState.CANCELLED)

    @event("Cancelled")
    def _cancelled(self, status: str, reason: str, detail: str, cancelled_by: Actor, refund_due: Money,
                   previous_status: str, released_reservation_id: str) -> None:
        self.cancellation_reason = reason
        self.hold = None

    @event("ShipmentCancellationRequested")
    def _shipment_cancellation_requested(self, status: str, shipment_id: str, reason: str) -> None:
        self._update_shipment(shipment_id, ShipmentState.CANCELLING)

    @event("Refunded")
    def _refunded(self, status: str, refund_id: str, amount: Money, payment: PaymentConfirmation | None,
                  reason: str) -> None:
        pass

    @event("AddressChanged")
    def _address_changed(self, status: str, previous_address: Address, new_address: Address,
                         contact: Contact | None, source: str, changed_by: Actor) -> None:
        self.shipping_address = new_address
        if contact is not None:
            self.contact = contact

    @event("ChangeRefused")
    def _change_refused(self, status: str, request: ChangeRequest, reason_code: str, message: str) -> None:
        pass


class UnknownShipment(Exception):
    """A shipment this order never planned."""

    def __init__(self, shipment_id: str):
        super().__init__(f"shipment {shipment_id} is not one of this order's shipments")


class ShipmentNotDispatched(Exception):
    """A shipment was reported delivered before it was reported dispatched."""

    def __init__(self, shipment_id: str, state: str):
        super().__init__(f"shipment {shipment_id} was reported delivered while {state}")


class DispatchNotYetKnown(ShipmentNotDispatched):
    """Delivered, says tracking, of a shipment that may still ship: fulfillment's report of the
    dispatch (on another topic) has not been read yet. The delivery is true; it waits for it."""
