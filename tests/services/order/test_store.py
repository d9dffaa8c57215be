"""The order store on SQLite and PostgreSQL: what is recorded comes back, and is published."""

from eventsourcing.persistence import IntegrityError

from services.order.adapters.publications import publications
from services.order.application.service import OrderApplication
from services.order.domain.reasons import CancellationReason, HoldReason
from services.order.domain.status import OrderStatus as S
from services.order.domain.values import Actor, Dispatch, LineQuantity, WarehouseAllocation

from .orders import NOW, line, placed

STAFF = Actor("li.na", "CUSTOMER_SERVICE")


def published(app):
    """(topic, message type) of everything the store would publish, in order."""
    return [(p.topic, p.message.DESCRIPTOR.name)
            for n in app.notifications_after(0, 1000)
            for p in publications(app.mapper.to_domain_event(n))]


def test_a_whole_lifecycle_is_stored_read_back_and_published(order_app):
    order = placed(line("1", "SKU-A", 2))
    order.advance(order_app.review_policy)
    order_app.record(order)
    order = order_app.order(order.order_id)
    order.allocate((WarehouseAllocation("WH-SH", "s-1", (LineQuantity("1", "SKU-A", 2),)),))
    order.note_shipment_created("s-1")
    order_app.record(order)
    order = order_app.order(order.order_id)
    order.dispatch(Dispatch("s-1", "WH-SH", "SF", ("SF1",), (), NOW))
    order.note_delivery("s-1", NOW)
    order_app.record(order)

    again = order_app.order(order.order_id)
    assert again.status == S.COMPLETED and again.history == order.history
    assert again.shipments == order.shipments and again.lines == order.lines
    events, commands = "oms.order.events.v1", ("oms.inventory.commands.v1", "oms.fulfillment.commands.v1")
    assert published(order_app) == [
        (events, "OrderPlaced"), (events, "PaymentConfirmed"), (events, "OrderReviewStarted"),
        (events, "ReviewDecisionRecorded"), (events, "OrderApproved"), (commands[0], "ReserveStock"),
        (events, "OrderAllocated"), (commands[1], "CreateShipments"), (events, "FulfilmentStarted"),
        (events, "OrderShipped"), (commands[0], "ConsumeReservation"),
        (events, "OrderDelivered"), (events, "OrderCompleted"),
    ]


def test_a_cancelled_paid_order_is_stored_and_published_with_its_refund(order_app):
    order = placed()
    order.advance(order_app.review_policy)
    order.cancel(CancellationReason.CUSTOMER_REQUEST, "changed mind", STAFF)
    order_app.record(order)
    assert order_app.order(order.order_id).status == S.REFUNDED
    assert published(order_app)[-3:] == [
        ("oms.order.events.v1", "OrderCancelled"), ("oms.inventory.commands.v1", "ReleaseReservation"),
        ("oms.order.events.v1", "OrderRefunded"),
    ]


def test_a_command_that_meets_a_concurrent_write_runs_again_on_the_new_state(order_app, monkeypatch):
    order = placed(payment_status="UNPAID")
    order.advance(order_app.review_policy)
    order_app.record(order)
    stale = order_app.order(order.order_id)
    meanwhile = order_app.order(order.order_id)
    meanwhile.put_on_hold(HoldReason.CUSTOMER_REQUEST, "wait", STAFF)
    order_app.record(meanwhile)
    loads = []
    fresh_order = OrderApplication.order

    def stale_first(app, order_id):
        loads.append(order_id)
        return stale if len(loads) == 1 else fresh_order(app, order_id)

    monkeypatch.setattr(OrderApplication, "order", stale_first)
    cancelled = order_app.cancel(order.order_id, CancellationReason.CUSTOMER_REQUEST, "", STAFF)

    assert len(loads) == 2, "the first attempt met the hold recorded meanwhile"
    assert cancelled.status == S.CANCELLED and cancelled.history[-2].status == S.ON_HOLD


def test_the_version_conflict_it_retries_on_is_the_stores_integrity_error(order_app):
    order = placed()
    order_app.record(order)
    first, second = order_app.order(order.order_id), order_app.order(order.order_id)
    first.advance(order_app.review_policy)
    second.advance(order_app.review_policy)
    order_app.record(first)
    try:
        order_app.record(second)
    except IntegrityError:
        return
    raise AssertionError("a second writer on the same version was accepted")


def test_the_review_queue_lists_held_orders_longest_waiting_first(order_app):
    held = []
    for paid in (1, 2, 3):
        order = placed(paid=paid)
        order.advance(order_app.review_policy)
        order_app.record(order)
        held.append(order.order_id)
    approved = placed()
    approved.advance(order_app.review_policy)
    order_app.record(approved)

    assert [s.order_id for s in order_app.orders(S.ON_HOLD, limit=10)] == held
    assert [s.order_id for s in order_app.orders(S.ON_HOLD, limit=2)] == held[:2]
    assert [s.order_id for s in order_app.orders(S.APPROVED, limit=10)] == [approved.order_id]
    order_app.approve(held[0], STAFF)
    assert [s.order_id for s in order_app.orders(S.ON_HOLD, limit=10)] == held[1:]
