"""Group commit: commands of concurrent requests written together, each with its own outcome.

Runs on SQLite and PostgreSQL with the sample tally domain; a second application on the same store
plays another instance writing the same aggregates.
"""

import asyncio
import uuid

import pytest

from oms_platform.messaging.context import current_context, message_context
from oms_platform.store import open_application
from oms_platform.store.group_commit import GroupCommit

from .sample_domain import TallyBook, settings_for


class Refused(Exception):
    pass


@pytest.fixture
def settings(store_backend):
    return settings_for(f"gc_{uuid.uuid4().hex[:8]}", data_dir=store_backend.data_dir,
                        database_url=store_backend.database_url)


@pytest.fixture
def book(settings):
    app = open_application(TallyBook, settings)
    yield app
    app.close()


def label(book: TallyBook, subject: str, text: str):
    def command() -> str:
        tally = book.tally_for(subject)
        if text.startswith("refuse"):
            raise Refused(text)  # before recording anything: only this command fails
        tally.label(text)
        book.record(tally)
        return text
    return command


def label_then_fail(book: TallyBook, subject: str):
    def command() -> str:
        tally = book.tally_for(subject)
        tally.label("half-done")
        book.record(tally)
        raise Refused("failed after recording")
    return command


async def test_many_commands_at_once_are_committed_in_few_rounds_each_with_its_outcome(book):
    commits = GroupCommit(book)
    writes: list[float] = []
    book.observe_write_seconds = writes.append
    try:
        outcomes = await asyncio.gather(
            *(commits.run(label(book, f"s{n % 5}", f"refuse-{n}" if n % 7 == 0 else f"l{n}")) for n in range(100)),
            return_exceptions=True)
    finally:
        commits.close()

    refused = [n for n, outcome in enumerate(outcomes) if isinstance(outcome, Refused)]
    assert refused == [n for n in range(100) if n % 7 == 0]
    assert [o for o in outcomes if not isinstance(o, Exception)] == [f"l{n}" for n in range(100) if n % 7]
    for subject in range(5):
        assert book.tally_for(f"s{subject}").labels == [f"l{n}" for n in range(subject, 100, 5) if n % 7]
    assert len(writes) < 100  # commands that arrived together shared commits


async def test_a_command_that_fails_after_recording_leaves_nothing_and_the_others_commit(book):
    commits = GroupCommit(book)
    try:
        outcomes = await asyncio.gather(commits.run(label(book, "a", "one")), commits.run(label_then_fail(book, "a")),
                                        commits.run(label(book, "a", "two")), return_exceptions=True)
    finally:
        commits.close()

    assert outcomes[0] == "one" and isinstance(outcomes[1], Refused) and outcomes[2] == "two"
    assert book.tally_for("a").labels == ["one", "two"]


async def test_commands_run_in_the_context_of_their_request(book):
    commits = GroupCommit(book)
    seen: dict[str, str] = {}

    def remember(request_id: str):
        def command() -> None:
            seen[request_id] = current_context().correlation_id
        return command

    async def request(request_id: str) -> None:
        with message_context(correlation_id=f"corr-{request_id}", causation_id=request_id):
            await commits.run(remember(request_id))

    try:
        await asyncio.gather(*(request(f"r{n}") for n in range(20)))
    finally:
        commits.close()
    assert seen == {f"r{n}": f"corr-r{n}" for n in range(20)}


async def test_another_instance_writing_the_same_aggregates_costs_a_retry_not_an_error(book, settings):
    other = open_application(TallyBook, settings)
    commits = GroupCommit(book)
    try:
        book.tally_for("shared")  # cached here, then made stale by the other instance
        first = book.tally_for("shared")
        first.label("from-book")
        book.record(first)
        stale_maker = other.tally_for("shared")
        stale_maker.label("from-other")
        other.record(stale_maker)

        outcomes = await asyncio.gather(*(commits.run(label(book, "shared", f"l{n}")) for n in range(10)))
    finally:
        commits.close()
        other.close()

    assert outcomes == [f"l{n}" for n in range(10)]
    assert book.tally_for("shared").labels == ["from-book", "from-other", *outcomes]


async def test_a_closed_group_commit_refuses_new_commands(book):
    commits = GroupCommit(book)
    await commits.run(label(book, "x", "before"))
    commits.close()
    with pytest.raises(RuntimeError, match="closed"):
        await commits.run(label(book, "x", "after"))
