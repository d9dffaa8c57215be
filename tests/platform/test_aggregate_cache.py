"""Cached aggregates are handed to units of work as they are, without a copy.

What copying used to guarantee now rests on one rule: whatever a failed handler, unit or write
touched never reaches the cache, so no later load sees a change that was not written. Each failure
path is placed exactly here, on SQLite and on PostgreSQL.
"""

import threading
import uuid

import pytest
from eventsourcing.persistence import IntegrityError

from oms_platform.store import open_application

from .sample_domain import Tally, TallyBook, settings_for


@pytest.fixture
def book(store_backend):
    settings = settings_for(f"cache_{uuid.uuid4().hex[:8]}", data_dir=store_backend.data_dir,
                            database_url=store_backend.database_url)
    app = open_application(TallyBook, settings)
    app.settings_used = settings
    yield app
    app.close()


def _stored(book, subject):
    tally = Tally(subject)
    tally.label("stored")
    book.record(tally)
    return tally.id


def test_a_unit_gets_the_cached_aggregate_itself_not_a_copy(book):
    tally_id = _stored(book, "same")
    with book.unit_of_work():
        first = book.repository.get(tally_id)
    with book.unit_of_work():
        assert book.repository.get(tally_id) is first


def test_a_handler_that_changes_then_fails_inside_a_unit_leaves_nothing_behind(book):
    tally_id = _stored(book, "caught")
    with book.unit_of_work():
        tally = book.repository.get(tally_id)
        tally.label("recorded")
        book.record(tally)
        try:  # the next message's handler changes it and is refused; the unit goes on
            again = book.repository.get(tally_id)
            again.label("refused")
            raise ValueError("refused")
        except ValueError:
            pass
        assert book.repository.get(tally_id).labels == ["stored", "recorded"]

    assert book.repository.get(tally_id).labels == ["stored", "recorded"]
    with book.unit_of_work():  # and the cache holds the written state, at the written version
        cached = book.repository.get(tally_id)
        cached.label("later")
        book.record(cached)
    assert book.repository.get(tally_id).labels == ["stored", "recorded", "later"]


def test_a_change_never_recorded_in_a_unit_is_not_cached(book):
    tally_id = _stored(book, "abandoned")
    created = Tally("new in the unit")
    with book.unit_of_work():
        book.record(created)
        book.repository.get(tally_id).label("never recorded")
        book.repository.get(created.id).label("never recorded either")

    assert book.repository.get(tally_id).labels == ["stored"]
    assert book.repository.get(created.id).labels == []
    with book.unit_of_work():
        assert book.repository.get(tally_id).labels == ["stored"]
        assert book.repository.get(created.id).labels == []


def test_an_exception_out_of_a_unit_evicts_everything_it_loaded_or_changed(book):
    read_id, changed_id = _stored(book, "read"), _stored(book, "changed")
    with pytest.raises(RuntimeError), book.unit_of_work():
        book.repository.get(read_id).label("changed without recording")
        changed = book.repository.get(changed_id)
        changed.label("recorded, not written")
        book.record(changed)
        raise RuntimeError("the batch failed")

    with book.unit_of_work():
        assert book.repository.get(read_id).labels == ["stored"]
        assert book.repository.get(changed_id).labels == ["stored"]
    assert book.repository.get(changed_id).version == 2


def test_a_failed_write_evicts_what_the_unit_touched(book):
    tally_id = _stored(book, "raced")
    other = open_application(TallyBook, book.settings_used)  # a second instance of the service
    try:
        with pytest.raises(IntegrityError), book.unit_of_work():
            mine = book.repository.get(tally_id)
            mine.label("mine")
            book.record(mine)
            theirs = other.repository.get(tally_id)
            theirs.label("theirs")
            other.record(theirs)
    finally:
        other.close()

    with book.unit_of_work():
        assert book.repository.get(tally_id).labels == ["stored", "theirs"]


def test_a_command_outside_units_that_changes_then_fails_changes_no_cached_aggregate(book):
    tally_id = _stored(book, "http")
    with pytest.raises(ValueError):
        tally = book.repository.get(tally_id)
        tally.label("half done")
        raise ValueError("the command refused after changing it")

    assert book.repository.get(tally_id).labels == ["stored"]
    with book.unit_of_work():
        assert book.repository.get(tally_id).labels == ["stored"]


def test_another_thread_never_sees_what_an_open_unit_changed(book):
    tally_id = _stored(book, "shared")
    seen: list[list[str]] = []
    with book.unit_of_work():
        tally = book.repository.get(tally_id)
        tally.label("uncommitted")
        book.record(tally)
        reader = threading.Thread(target=lambda: seen.append(list(book.repository.get(tally_id).labels)))
        reader.start()
        reader.join()
    assert seen == [["stored"]]
    assert book.repository.get(tally_id).labels == ["stored", "uncommitted"]


def test_a_failed_write_at_once_inside_a_unit_makes_the_unit_load_the_aggregate_again(book):
    tally_id = _stored(book, "block")
    other = open_application(TallyBook, book.settings_used)
    try:
        with book.unit_of_work():
            mine = book.repository.get(tally_id)
            theirs = other.repository.get(tally_id)
            theirs.label("theirs")
            other.record(theirs)
            mine.label("mine")
            with pytest.raises(IntegrityError):
                book.record_at_once(mine)
            again = book.repository.get(tally_id)
            assert again.labels == ["stored", "theirs"]
            again.label("mine")
            book.record_at_once(again)
    finally:
        other.close()
    assert book.repository.get(tally_id).labels == ["stored", "theirs", "mine"]


def test_only_loads_the_cache_cannot_answer_are_counted_as_store_reads(book):
    loads = []
    book.repository.count_store_load = lambda: loads.append(1)
    missing = uuid.uuid4()
    with book.unit_of_work(), pytest.raises(Exception, match=str(missing)):  # new: still a read
        book.repository.get(missing)
    tally_id = _stored(book, "counted")  # written through the cache: no read
    with book.unit_of_work():
        book.repository.get(tally_id)
    book.repository.get(tally_id)
    assert len(loads) == 1
    book.repository.evict([tally_id])
    book.repository.get(tally_id)  # outside a unit, from the store
    with book.unit_of_work():
        book.repository.get(tally_id)  # cached by the read before
    assert len(loads) == 2
