"""Orders, lines and the timeline, built from enveloped messages fed straight to the projector."""

from __future__ import annotations

import threading
import uuid
from concurrent.futures import ThreadPoolExecutor

from oms.intake.v1 import intake_events_pb2 as intake
from oms.intake.v1.intake_pb2 import ChannelOrderRef, NormalisedOrder
from oms.order.v1 import review_events_pb2 as review
from oms.order.v1.order_pb2 import HoldReason, OrderStatus
from oms_platform.catalogue import load_catalogue
from oms_platform.messaging.dead_letters import DeadLetter
from services.projection.adapters.view_store import PostgresViewStore, SqliteViewStore
from services.projection.application.projector import Projector
from services.projection.application.queries.orders import OrderFilter, order_detail, search_orders
from tests.services.projection.conftest import snapshot
from tests.services.projection.messages import (
    INTAKE_EVENTS,
    ORDER_EVENTS,
    at,
    new_order_id,
    order_placed,
    order_status_event,
    record,
    stamp,
)


def place(projector, order_id: str, **fields) -> None:
    assert projector.project(record(ORDER_EVENTS, order_placed(order_id, **fields), aggregate_id=order_id,
                                    version=1)) == "processed"


def detail(views, order_id: str) -> dict:
    with views.read() as session:
        return order_detail(session, order_id)


def test_order_placed_builds_the_order_its_lines_and_the_first_timeline_entry(projector, views):
    order_id = new_order_id()
    place(projector, order_id)

    order = detail(views, order_id)
    assert order["order_number"] == "SO-20261122-0001"
    assert order["status"] == "received"
    assert order["channel"] == "marketplace"
    assert order["customer_name"] == "李伟"
    assert order["phone_masked"] == "138****5678"
    assert (order["province"], order["city"], order["district"]) == ("上海市", "上海市", "浦东新区")
    assert (order["currency"], order["grand_total_minor"]) == ("CNY", 29500)
    assert order["created_at"] == "2026-11-22T08:00:00.000000Z"
    assert [(line["sku"], line["quantity"], line["unit_price_minor"]) for line in order["lines"]] == [
        ("SKU-TEA-01", 2, 12800), ("SKU-CUP-02", 1, 3900)]
    assert [(e["kind"], e["title"], e["status"]) for e in order["timeline"]] == [("order", "Order placed", "received")]


def test_the_views_keep_no_phone_number_in_clear(projector, views):
    order_id = new_order_id()
    place(projector, order_id, phone="13812345678")
    with views.read() as session:
        rows = session.all("SELECT * FROM orders")
    assert "13812345678" not in repr(rows)


def test_the_same_event_twice_changes_nothing(projector, views):
    order_id = new_order_id()
    placed = record(ORDER_EVENTS, order_placed(order_id), aggregate_id=order_id, version=1)
    held = record(ORDER_EVENTS, review.OrderHeld(order_id=order_id, status=OrderStatus.ORDER_STATUS_ON_HOLD,
                                                 reason=HoldReason.HOLD_REASON_ADDRESS_ANOMALY, detail="PO box"),
                  aggregate_id=order_id, version=2)
    assert [projector.project(r) for r in (placed, held)] == ["processed", "processed"]
    before = snapshot(views)

    assert [projector.project(r) for r in (placed, held)] == ["duplicate", "duplicate"]
    assert snapshot(views) == before


def test_repeats_inside_one_batch_are_applied_once(projector, views):
    order_id = new_order_id()
    placed = record(ORDER_EVENTS, order_placed(order_id), aggregate_id=order_id, version=1)
    approved = record(ORDER_EVENTS, order_status_event(order_id, "OrderApproved", OrderStatus.ORDER_STATUS_APPROVED,
                                                       auto_approved=True), aggregate_id=order_id, version=2)
    assert projector.project_batch([placed, approved, placed, approved]) == [
        "processed", "processed", "duplicate", "duplicate"]
    assert [e["title"] for e in detail(views, order_id)["timeline"]] == ["Order placed", "Order approved"]


def test_two_instances_applying_the_same_batch_at_once_apply_it_once(projector, views, store_backend):
    """During a rebalance the old and the new owner of a partition may both hold the same batch."""
    other = Projector(*_second_store(views, store_backend))
    order_ids = [new_order_id() for _ in range(20)]
    batch = [record(ORDER_EVENTS, order_placed(order_id), aggregate_id=order_id, version=1) for order_id in order_ids]
    start = threading.Barrier(2)

    def apply(instance: Projector) -> list:
        start.wait()
        return instance.project_batch(batch)

    try:
        with ThreadPoolExecutor(2) as pool:
            outcomes = list(pool.map(apply, [projector, other]))
    finally:
        other._views.close()
    assert sorted(outcome for each in outcomes for outcome in each) == ["duplicate"] * 20 + ["processed"] * 20
    for order_id in order_ids:
        assert len(detail(views, order_id)["timeline"]) == 1


def _second_store(views, store_backend) -> tuple:
    """A second view store over the same database, as a second projection instance has."""
    second = (PostgresViewStore(store_backend.database_url, schema=f"projection_{store_backend.schema_suffix}")
              if store_backend.is_postgres else SqliteViewStore(views.path))
    topics = load_catalogue().consumed_by("projection")
    return second, {topic.name: frozenset(topic.message_types) for topic in topics}


def test_an_older_version_arriving_late_does_not_undo_a_newer_one(projector, views):
    order_id = new_order_id()
    place(projector, order_id)
    approved = order_status_event(order_id, "OrderApproved", OrderStatus.ORDER_STATUS_APPROVED, auto_approved=True)
    paid = order_status_event(order_id, "PaymentConfirmed", OrderStatus.ORDER_STATUS_PAID)
    assert projector.project(record(ORDER_EVENTS, approved, aggregate_id=order_id, version=3)) == "processed"
    assert projector.project(record(ORDER_EVENTS, paid, aggregate_id=order_id, version=2)) == "duplicate"
    assert detail(views, order_id)["status"] == "approved"


def test_every_order_event_moves_the_status_and_lands_on_the_timeline(projector, views):
    order_id = new_order_id()
    place(projector, order_id)
    held = review.OrderHeld(order_id=order_id, status=OrderStatus.ORDER_STATUS_ON_HOLD,
                            reason=HoldReason.HOLD_REASON_COD_LIMIT_EXCEEDED, detail="over 5000")
    released = review.OrderReleased(order_id=order_id, status=OrderStatus.ORDER_STATUS_APPROVED, note="checked")
    for version, (event, minutes) in enumerate([(held, 1), (released, 2)], start=2):
        projector.project(record(ORDER_EVENTS, event, aggregate_id=order_id, version=version, occurred_at=at(minutes)))
        if version == 2:
            assert (detail(views, order_id)["status"], detail(views, order_id)["hold_reason"]) == (
                "on_hold", "cod_limit_exceeded")

    order = detail(views, order_id)
    assert (order["status"], order["hold_reason"]) == ("approved", None)
    assert [(e["title"], e["status"], e["detail"]) for e in order["timeline"]] == [
        ("Order placed", "received", "SO-20261122-0001 from marketplace"),
        ("Order held", "on_hold", "cod_limit_exceeded: over 5000"),
        ("Order released", "approved", "by system: checked"),
    ]


def test_intake_arriving_after_the_order_service_does_not_overwrite_it(projector, views):
    order_id = new_order_id()
    place(projector, order_id)
    projector.project(record(ORDER_EVENTS, order_status_event(order_id, "OrderApproved",
                                                              OrderStatus.ORDER_STATUS_APPROVED),
                             aggregate_id=order_id, version=2, occurred_at=at(2)))
    accepted = intake.OrderAccepted(
        order_id=order_id, order_number="SO-20261122-0001", accepted_at=stamp(at(1)),
        order=NormalisedOrder(channel_order=ChannelOrderRef(channel_account="tmall-flagship", channel_order_id="X"),
                              customer_name="Someone Else"),
    )
    assert projector.project(record(INTAKE_EVENTS, accepted, producer="ingest", aggregate_id=order_id,
                                    version=1)) == "processed"
    order = detail(views, order_id)
    assert (order["status"], order["customer_name"], order["channel_order_id"]) == ("approved", "李伟", "TB-2026112201")
    assert [e["title"] for e in order["timeline"]] == ["Order placed", "Order accepted", "Order approved"]


def test_intake_first_creates_a_received_order_that_the_order_service_then_completes(projector, views):
    order_id = new_order_id()
    accepted = intake.OrderAccepted(
        order_id=order_id, order_number="SO-7", accepted_at=stamp(at(0)),
        order=NormalisedOrder(channel_order=ChannelOrderRef(channel_account="jd", channel_order_id="JD-7"),
                              customer_name="王芳"),
    )
    projector.project(record(INTAKE_EVENTS, accepted, producer="ingest", aggregate_id=order_id, version=1))
    assert detail(views, order_id)["status"] == "received"
    place(projector, order_id, number="SO-7", name="王芳")
    assert detail(views, order_id)["customer_name"] == "王芳"


def test_messages_without_version_are_applied_once_by_their_identity(projector, views):
    order_id = new_order_id()
    event_id = str(uuid.uuid4())
    message = record(ORDER_EVENTS, order_placed(order_id), event_id=event_id)  # no aggregate version
    projector.project(message)
    before = snapshot(views)
    assert projector.project(message) == "processed"
    assert snapshot(views) == before


def test_undecodable_and_off_contract_messages_become_dead_letters(projector, views):
    order_id = new_order_id()
    garbage = projector.project(record(ORDER_EVENTS, b"\xff\x00 not an envelope"))
    wrong_topic = projector.project(record(INTAKE_EVENTS, order_placed(order_id), aggregate_id=order_id, version=1))
    assert isinstance(garbage, DeadLetter) and garbage.kind == "undecodable"
    assert isinstance(wrong_topic, DeadLetter) and wrong_topic.kind == "type-not-allowed"
    assert snapshot(views)["orders"] == []


def test_a_contract_message_the_views_do_not_use_is_ignored(projector, views):
    started = intake.BatchImportStarted(batch_id="b-1", file_name="orders.csv")
    assert projector.project(record(INTAKE_EVENTS, started, producer="ingest")) == "ignored"


def test_orders_are_found_by_number_customer_phone_and_channel_order_id(projector, views):
    first, second = new_order_id(), new_order_id()
    place(projector, first, number="SO-1001", name="李伟", phone="13812345678", channel_order_id="TB-555")
    place(projector, second, number="SO-1002", name="Anna Schmidt", phone="+49 30 1234567", channel_order_id="AMZ-9")

    def found(**wanted) -> list[str]:
        with views.read() as session:
            rows, total = search_orders(session, OrderFilter(**wanted))
        assert total == len(rows)
        return sorted(row["order_number"] for row in rows)

    assert found(text="so-1001") == ["SO-1001"]
    assert found(text="李") == ["SO-1001"]
    assert found(text="anna schmidt") == ["SO-1002"]
    assert found(text="+86 138-1234-5678") == ["SO-1001"]
    assert found(text="AMZ-9") == ["SO-1002"]
    assert found(text="50%_") == []
    assert found(status="received") == ["SO-1001", "SO-1002"]
    assert found(status="shipped") == []
    assert found(channel="marketplace", created_from="2026-11-22T00:00:00.000000Z",
                 created_to="2026-11-23T00:00:00.000000Z") == ["SO-1001", "SO-1002"]
    assert found(created_from="2026-11-23T00:00:00.000000Z") == []
