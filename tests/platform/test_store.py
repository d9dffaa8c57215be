"""The store every service uses, on SQLite and on PostgreSQL."""

import uuid

import pytest
from eventsourcing.persistence import IntegrityError, Tracking

from oms_platform.messaging.context import message_context
from oms_platform.settings import ConfigurationError
from oms_platform.store import open_application
from oms_platform.store.application import RELAY_TRACKING_NAME

from .sample_domain import ParcelDesk, Tally, settings_for


@pytest.fixture
def desk(store_backend):
    settings = settings_for(f"desk_{uuid.uuid4().hex[:8]}", data_dir=store_backend.data_dir,
                            database_url=store_backend.database_url)
    app = open_application(ParcelDesk, settings)
    yield app
    app.close()


def test_recorded_events_come_back_in_order_with_positions(desk):
    parcel_id = desk.register("box-1")
    desk.weigh(parcel_id, 1200)
    desk.weigh(parcel_id, 1250)

    notifications = desk.notifications_after(0, limit=10)

    assert [n.originator_version for n in notifications] == [1, 2, 3]
    assert [n.id for n in notifications] == sorted(n.id for n in notifications)
    assert desk.position() == notifications[-1].id
    assert desk.notifications_after(notifications[0].id, limit=10) == notifications[1:]
    assert desk.repository.get(parcel_id).weighings == [1200, 1250]


def test_events_carry_the_correlation_of_the_work_that_made_them(desk):
    with message_context(correlation_id="corr-7", causation_id="cause-9"):
        desk.register("box-2")
    desk.register("box-3")  # outside any context: nothing stamped

    first, second = desk.notifications_after(0, limit=10)

    assert desk.message_meta(first).correlation_id == "corr-7"
    assert desk.message_meta(first).causation_id == "cause-9"
    assert desk.message_meta(second) is None
    # the stamp is invisible to the domain: the aggregate still loads
    assert desk.repository.get(first.originator_id).label == "box-2"


def test_tracking_is_written_with_the_events_and_refuses_going_back(desk):
    tally = Tally("subject-1")
    tally.label("seen")
    desk.record(tally, tracking=Tracking("order|oms.order.events.v1|0", 5))

    assert desk.tracked_position("order|oms.order.events.v1|0") == 5
    again = desk.repository.get(tally.id)
    again.label("seen twice")
    with pytest.raises(IntegrityError):
        desk.record(again, tracking=Tracking("order|oms.order.events.v1|0", 5))
    # the refused write left nothing behind: events and tracking are one transaction
    assert desk.repository.get(tally.id).labels == ["seen"]


def test_relay_position_lives_in_the_same_store(desk):
    desk.register("box-4")
    assert desk.tracked_position(RELAY_TRACKING_NAME) == 0
    desk.recorder.insert_tracking(Tracking(RELAY_TRACKING_NAME, desk.position()))
    assert desk.tracked_position(RELAY_TRACKING_NAME) == desk.position()


def test_bad_database_url_fails_with_one_line(tmp_path):
    settings = settings_for("broken", data_dir=tmp_path, database_url="mysql://nobody@nowhere/x")
    with pytest.raises(ConfigurationError) as failure:
        open_application(ParcelDesk, settings)
    assert "postgresql://" in str(failure.value) and "\n" not in str(failure.value)


def test_unreachable_postgres_fails_with_one_line(tmp_path):
    settings = settings_for("broken", data_dir=tmp_path,
                            database_url="postgresql://postgres@127.0.0.1:1/nothing")
    with pytest.raises(ConfigurationError) as failure:
        open_application(ParcelDesk, settings)
    assert "cannot use PostgreSQL" in str(failure.value) and "\n" not in str(failure.value)
