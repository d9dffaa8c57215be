"""Snapshots of aggregates that grow without bound: taken from memory after a write, skipped for
an aggregate holding changes never recorded, and used by a fresh instance of the service."""

import uuid
from typing import ClassVar

import pytest

from oms_platform.store import open_application

from .sample_domain import Tally, TallyBook, settings_for


class SnapshottingBook(TallyBook):
    snapshotting_intervals: ClassVar[dict[type, int]] = {Tally: 3}


@pytest.fixture
def book(store_backend):
    settings = settings_for(f"snap_{uuid.uuid4().hex[:8]}", data_dir=store_backend.data_dir,
                            database_url=store_backend.database_url)
    app = open_application(SnapshottingBook, settings)
    app.settings_used = settings
    yield app
    app.close()


def snapshot_versions(book, tally_id):
    return [s.originator_version for s in book.snapshots.get(tally_id)]


def test_a_write_reaching_the_interval_snapshots_the_aggregate_and_a_restart_loads_from_it(book):
    tally = Tally("grows")
    tally.label("one")
    book.record(tally)  # version 2
    tally = book.repository.get(tally.id)
    tally.label("two")
    book.record(tally)  # version 3: due
    assert snapshot_versions(book, tally.id) == [3]
    with book.unit_of_work():  # versions 4..7 in one unit: due at 6, taken at what was written
        for label in ("three", "four", "five", "six"):
            again = book.repository.get(tally.id)
            again.label(label)
            book.record(again)
    assert snapshot_versions(book, tally.id) == [3, 7]

    restarted = open_application(SnapshottingBook, book.settings_used)
    try:
        loaded = restarted.repository.get(tally.id)
        assert (loaded.version, loaded.labels) == (7, ["one", "two", "three", "four", "five", "six"])
    finally:
        restarted.close()


def test_an_aggregate_holding_changes_never_recorded_is_not_snapshotted(book):
    tally = Tally("dirty")
    tally.label("one")
    with book.unit_of_work():
        book.record(tally)
        loaded = book.repository.get(tally.id)
        loaded.label("two")
        book.record(loaded)  # version 3: due
        book.repository.get(tally.id).label("refused, never recorded")
    assert snapshot_versions(book, tally.id) == []
    assert book.repository.get(tally.id).labels == ["one", "two"]


def test_a_failed_unit_takes_no_snapshot(book):
    tally = Tally("lost")
    tally.label("one")
    tally.label("two")
    with pytest.raises(RuntimeError), book.unit_of_work():
        book.record(tally)
        raise RuntimeError("the batch failed")
    assert snapshot_versions(book, tally.id) == []
