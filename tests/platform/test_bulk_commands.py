"""Bulk HTTP commands (`apply_each`): one unit of work for the request, and what a conflict costs."""

import asyncio
import uuid
from types import SimpleNamespace

import pytest

from oms_platform.http.batches import apply_each
from oms_platform.store import open_application

from .sample_domain import Tally, TallyBook, settings_for


@pytest.fixture
def book(tmp_path):
    app = open_application(TallyBook, settings_for(f"bulk_{uuid.uuid4().hex[:8]}", data_dir=tmp_path,
                                                   database_url=None))
    yield app
    app.close()


def test_a_request_that_meets_a_concurrent_writer_is_run_again_as_one_unit(book, monkeypatch):
    subjects = [str(uuid.uuid4()) for _ in range(3)]
    for subject in subjects:
        book.record(Tally(subject))
    real_insert = book.recorder.insert_events
    writes = []

    def insert_events(events, **kwargs):
        writes.append(len(events))
        if len(writes) == 1:  # another writer changes the first tally just before the unit commits
            asyncio.run(asyncio.to_thread(_label, book, subjects[0], "elsewhere"))
        return real_insert(events, **kwargs)

    monkeypatch.setattr(book.recorder, "insert_events", insert_events)

    def label(subject):
        _label(book, subject, "bulk")
        return 202, subject

    request = SimpleNamespace(url=SimpleNamespace(path="/bulk"), state=SimpleNamespace())
    outcomes = apply_each(book, subjects, label, request, field_prefix="items")

    assert [(o.index, o.status) for o in outcomes] == [(0, 202), (1, 202), (2, 202)]
    assert writes == [3, 1, 3]  # the unit, the other writer, the unit again: no command alone
    assert book.repository.get(Tally.create_id(subjects[0])).labels == ["elsewhere", "bulk"]


def _label(book, subject, text):
    tally = book.repository.get(Tally.create_id(subject))
    tally.label(text)
    book.record(tally)
