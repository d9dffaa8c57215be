"""Timeline entries at the same moment keep one order, however their records arrive (issue 9).

A rebuild reads the topics' partitions in whatever order the fetches bring them, so arrival order
is not an order; the facts' own (context in the pipeline, producer's position, event id) is.
"""

from __future__ import annotations

import sqlite3
import uuid

import psycopg
from google.protobuf.message import Message

from oms.intake.v1 import intake_events_pb2 as intake
from oms.intake.v1.intake_pb2 import ChannelOrderRef, NormalisedOrder
from oms.inventory.v1 import reservation_events_pb2 as reservations
from oms.order.v1.order_pb2 import OrderStatus
from oms_dev.broker import EmbeddedBroker
from oms_platform.messaging.envelope import seal
from services.projection.adapters.view_schema import SERIAL
from services.projection.adapters.view_store import PostgresViewStore, SqliteViewStore, open_view_store
from services.projection.application.projector import ConsumedRecord
from services.projection.application.queries.orders import order_detail
from services.projection.entrypoints.rebuild import clear_views, rebuild
from services.projection.settings import ProjectionSettings
from tests.services.projection.messages import (
    FULFILLMENT_EVENTS,
    INTAKE_EVENTS,
    INVENTORY_EVENTS,
    ORDER_EVENTS,
    T0,
    new_order_id,
    order_placed,
    order_status_event,
    shipment_created,
    stamp,
)
from tests.support.messaging import publish

# What the order's timeline says when every fact below happened at the same moment, T0.
PIPELINE_ORDER = ["Order accepted", "Order placed", "Payment confirmed", "Order approved", "Reservation made",
                  "Shipment created"]


def _facts_at_one_moment(order_id: str) -> list[tuple[str, Message, str, str, int, int]]:
    """(topic, payload, producer, aggregate id, version, store position), every time T0."""
    shipment_id = f"shp-{uuid.uuid4().hex[:8]}"
    accepted = intake.OrderAccepted(
        order_id=order_id, order_number="SO-20261122-0001", accepted_at=stamp(T0),
        order=NormalisedOrder(channel_order=ChannelOrderRef(channel_account="tmall-flagship", channel_order_id="T")))
    created = shipment_created(order_id, shipment_id)
    created.created_at.CopyFrom(stamp(T0))
    return [
        (INTAKE_EVENTS, accepted, "ingest", order_id, 1, 40),
        (ORDER_EVENTS, order_placed(order_id), "order", order_id, 1, 7),
        (ORDER_EVENTS, order_status_event(order_id, "PaymentConfirmed", OrderStatus.ORDER_STATUS_PAID),
         "order", order_id, 2, 8),
        (ORDER_EVENTS, order_status_event(order_id, "OrderApproved", OrderStatus.ORDER_STATUS_APPROVED,
                                          auto_approved=True), "order", order_id, 3, 9),
        (INVENTORY_EVENTS, reservations.ReservationMade(order_id=order_id, reserved_at=stamp(T0)),
         "inventory", order_id, 1, 3),
        (FULFILLMENT_EVENTS, created, "fulfillment", shipment_id, 1, 12),
    ]


def _latest_stage_first(facts: list) -> list:
    """The topics in the opposite of the pipeline's order, each topic's facts in their own order
    (a partition keeps the order they were published in)."""
    topics = list(dict.fromkeys(fact[0] for fact in facts))
    return [fact for topic in reversed(topics) for fact in facts if fact[0] == topic]


def _record(topic: str, payload: Message, producer: str, aggregate_id: str, version: int,
            position: int) -> ConsumedRecord:
    envelope = seal(payload, event_id=str(uuid.uuid4()), producer=producer, occurred_at=T0,
                    aggregate_id=aggregate_id, aggregate_version=version, store_position=position)
    return ConsumedRecord(topic, 0, 0, aggregate_id.encode(), envelope.SerializeToString())


def _timeline(views, order_id: str) -> list[str]:
    with views.read() as session:
        return [entry["title"] for entry in order_detail(session, order_id)["timeline"]]


def test_entries_at_one_moment_come_back_in_the_same_order_after_a_rebuild_that_reads_them_otherwise(
        projector, views):
    order_id = new_order_id()
    facts = _facts_at_one_moment(order_id)
    records = {id(fact): _record(*fact) for fact in facts}
    # Topics are read in any order: the live projection happened to get the fulfillment and
    # inventory facts first; the rebuild gets them in the pipeline's order.
    assert set(projector.project_batch([records[id(f)] for f in _latest_stage_first(facts)])) == {"processed"}
    live = _timeline(views, order_id)

    clear_views(views)
    assert set(projector.project_batch([records[id(f)] for f in facts])) == {"processed"}

    assert live == _timeline(views, order_id) == PIPELINE_ORDER


async def test_rebuilds_with_one_and_two_workers_give_the_timeline_the_live_order(embedded_broker: EmbeddedBroker,
                                                                                  tmp_path):
    bootstrap = embedded_broker.bootstrap_servers
    order_ids = [new_order_id() for _ in range(4)]  # spread over the partitions the workers share
    for order_id in order_ids:
        # Published latest stage first, so that no arrival order matches the pipeline's by chance.
        for topic, payload, producer, aggregate_id, version, _ in _latest_stage_first(_facts_at_one_moment(order_id)):
            await publish(bootstrap, topic, order_id, payload, producer=producer, aggregate_id=aggregate_id,
                          aggregate_version=version, occurred_at=T0)
    settings = ProjectionSettings(kafka_bootstrap_servers=bootstrap, data_dir=tmp_path)

    timelines = []
    for workers in (2, 1):
        await rebuild(settings, workers=workers)
        views = open_view_store(settings)
        try:
            timelines.append({order_id: _timeline(views, order_id) for order_id in order_ids})
        finally:
            views.close()

    assert timelines[0] == timelines[1] == {order_id: PIPELINE_ORDER for order_id in order_ids}


OLD_TIMELINE = ("CREATE TABLE order_timeline (seq {serial}, event_id TEXT NOT NULL UNIQUE,"
                " order_id TEXT NOT NULL, shipment_id TEXT, kind TEXT NOT NULL, code TEXT NOT NULL,"
                " checkpoint_rank INTEGER NOT NULL DEFAULT 0, status TEXT, title TEXT NOT NULL, detail TEXT,"
                " location TEXT, occurred_at TEXT NOT NULL)")


def test_views_made_before_the_ordering_columns_get_them_when_opened(store_backend):
    if store_backend.is_postgres:
        schema = f"projection_{store_backend.schema_suffix}"
        with psycopg.connect(store_backend.database_url, autocommit=True) as connection:
            connection.execute(f"CREATE SCHEMA {schema}")
            connection.execute(OLD_TIMELINE.format(serial=SERIAL["postgresql"]).replace(
                "order_timeline", f"{schema}.order_timeline", 1))
            connection.execute(f"INSERT INTO {schema}.order_timeline (event_id, order_id, kind, code, title,"
                               " occurred_at) VALUES ('e1', 'o1', 'order', 'OrderPlaced', 'Order placed', 't')")
        views = PostgresViewStore(store_backend.database_url, schema=schema)
    else:
        path = store_backend.data_dir / "projection.sqlite3"
        with sqlite3.connect(path) as connection:
            connection.execute(OLD_TIMELINE.format(serial=SERIAL["sqlite"]))
            connection.execute("INSERT INTO order_timeline (event_id, order_id, kind, code, title, occurred_at)"
                               " VALUES ('e1', 'o1', 'order', 'OrderPlaced', 'Order placed', 't')")
        views = SqliteViewStore(path)
    try:
        with views.read() as session:
            row = session.one("SELECT source_rank, source_position FROM order_timeline WHERE event_id = 'e1'")
    finally:
        views.close()
    assert row == {"source_rank": 0, "source_position": 0}
