"""Group commit: single commands from many concurrent requests, written in one transaction.

With a thread and a transaction per request, 64 concurrent clients queued for seconds: every
request took a pooled connection for its reads and the store's one writer for its commit, and a
thread holding the writer gave up the GIL to forty others before it could let go. Here requests
hand their command to one writer thread instead, which runs whatever has gathered meanwhile in
one unit of work (one commit), and answers each request with the outcome it would have had alone,
as the consumer does with a Kafka batch. Under light load a round holds one command; under heavy
load rounds grow, and the cost of a commit is shared.

A command may raise to refuse (a domain error, a problem for the client): that is its outcome,
and the others of the round go on, provided it recorded nothing before raising. One that did is
not trusted in a shared unit: the round is then applied one command at a time. A write that loses
a race with another writer (another instance) runs the round again on fresh state.
"""

from __future__ import annotations

import asyncio
import contextvars
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from eventsourcing.persistence import IntegrityError

from oms_platform.logging import get_logger
from oms_platform.store.application import ServiceApplication

log = get_logger(__name__)

T = TypeVar("T")

# Conflicts with another writer before the round is applied command by command.
ROUND_ATTEMPTS = 3
# Attempts of one command on its own, when it keeps conflicting with another writer.
ALONE_ATTEMPTS = 5


class _RecordedThenFailed(Exception):
    """A command recorded changes and then raised: its changes must not reach the round's commit."""


@dataclass
class _Waiting(Generic[T]):
    command: Callable[[], T]
    context: contextvars.Context  # the request's log and correlation context, for the events' stamps
    loop: asyncio.AbstractEventLoop
    future: asyncio.Future[T]

    def run(self) -> T:
        return self.context.run(self.command)

    def answer(self, value: Any = None, error: BaseException | None = None) -> None:
        self.loop.call_soon_threadsafe(_settle, self.future, value, error)


def _settle(future: asyncio.Future[Any], value: Any, error: BaseException | None) -> None:
    if future.done():  # the client went away; the command's effect stands, as for any request
        return
    if error is not None:
        future.set_exception(error)
    else:
        future.set_result(value)


class GroupCommit:
    """One writer thread per application, started on first use, stopped by `close`."""

    def __init__(self, app: ServiceApplication, *, max_round: int = 256, name: str = "group-commit") -> None:
        self._app = app
        self._max_round = max_round
        self._name = name
        self._waiting: deque[_Waiting[Any]] = deque()
        self._wake = threading.Condition()
        self._writer: threading.Thread | None = None
        self._closed = False

    async def run(self, command: Callable[[], T]) -> T:
        """Run `command` in the next round; its return value or its exception, once committed."""
        loop = asyncio.get_running_loop()
        waiting = _Waiting(command, contextvars.copy_context(), loop, loop.create_future())
        with self._wake:
            if self._closed:
                raise RuntimeError(f"{self._name} is closed")
            self._waiting.append(waiting)
            if self._writer is None:
                self._writer = threading.Thread(target=self._write_rounds, name=self._name, daemon=True)
                self._writer.start()
            self._wake.notify()
        return await waiting.future

    def close(self) -> None:
        """Finish the commands already handed over, then stop the writer."""
        with self._wake:
            self._closed = True
            self._wake.notify()
            writer = self._writer
        if writer is not None:
            writer.join(timeout=30)

    def _write_rounds(self) -> None:
        while True:
            with self._wake:
                while not self._waiting and not self._closed:
                    self._wake.wait()
                if not self._waiting:
                    return
                size = min(len(self._waiting), self._max_round)
                round_ = [self._waiting.popleft() for _ in range(size)]
            self._commit(round_)

    def _commit(self, round_: list[_Waiting[Any]]) -> None:
        for _ in range(ROUND_ATTEMPTS):
            try:
                outcomes = self._in_one_unit(round_)
            except IntegrityError:
                continue  # another writer changed an aggregate of the round: again, on fresh state
            except _RecordedThenFailed:
                break
            except Exception as error:  # noqa: BLE001 - the commit failed (store unavailable): tell everyone
                log.warning("group commit failed", commands=len(round_), error=f"{type(error).__name__}: {error}")
                for waiting in round_:
                    waiting.answer(error=error)
                return
            for waiting, (value, failure) in zip(round_, outcomes, strict=True):
                waiting.answer(value, failure)
            return
        for waiting in round_:
            self._alone(waiting)

    def _in_one_unit(self, round_: list[_Waiting[Any]]) -> list[tuple[Any, BaseException | None]]:
        outcomes: list[tuple[Any, BaseException | None]] = []
        with self._app.unit_of_work() as unit:
            for waiting in round_:
                recorded = len(unit.processing)
                try:
                    outcomes.append((waiting.run(), None))
                except Exception as refused:  # the command's own answer, unless it recorded
                    if len(unit.processing) != recorded:
                        raise _RecordedThenFailed() from refused
                    outcomes.append((None, refused))
        return outcomes

    def _alone(self, waiting: _Waiting[Any]) -> None:
        for attempt in range(1, ALONE_ATTEMPTS + 1):
            try:
                with self._app.unit_of_work():
                    value = waiting.run()
            except IntegrityError as error:
                if attempt == ALONE_ATTEMPTS:
                    waiting.answer(error=error)
                continue
            except Exception as error:  # noqa: BLE001 - its refusal or a store failure: its answer
                waiting.answer(error=error)
                return
            waiting.answer(value)
            return
