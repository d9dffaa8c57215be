"""A store that cannot take the request now is a 503 the client may retry, never a bare 500.

Two kinds, told apart because a client's best move differs:
- `store-unavailable`: the database refused or did not answer (a disk I/O error, a lost
  connection, no free connection in the pool before its timeout). eventsourcing wraps the
  driver's errors in its own `OperationalError` / `InterfaceError` (its pool timeout,
  `ConnectionUnavailableError`, is an `OperationalError`); code that talks to the database
  directly (the projection's views) raises psycopg's and sqlite3's, psycopg_pool's `PoolTimeout`
  being a psycopg `OperationalError`.
- `write-conflict`: an `IntegrityError` that outlived the command's own conflict retries
  (`oms_platform.store.conflicts.retry_on_conflict`, `batches.apply_each`): other writers kept
  winning. Retrying a little later almost always succeeds.
Nothing was recorded in either case: a unit of work commits all or nothing.
"""

from __future__ import annotations

import sqlite3

import psycopg
from eventsourcing.persistence import IntegrityError, InterfaceError, OperationalError

from oms_platform.http.problems import STORE_UNAVAILABLE, WRITE_CONFLICT, Problem

# A store outage (a restarting database, a full disk being cleared) takes seconds to mend; a
# conflict clears as soon as the other writer commits.
STORE_RETRY_AFTER_SECONDS = 5
CONFLICT_RETRY_AFTER_SECONDS = 1

STORE_UNAVAILABLE_ERRORS: tuple[type[Exception], ...] = (
    OperationalError,
    InterfaceError,
    psycopg.OperationalError,
    psycopg.InterfaceError,
    sqlite3.OperationalError,
)
WRITE_CONFLICT_ERRORS: tuple[type[Exception], ...] = (IntegrityError,)
STORE_ERRORS = STORE_UNAVAILABLE_ERRORS + WRITE_CONFLICT_ERRORS


def store_problem(error: BaseException) -> Problem | None:
    """The 503 for a store error, with Retry-After; None for any other error."""
    if isinstance(error, WRITE_CONFLICT_ERRORS):
        return WRITE_CONFLICT.problem(
            "Other requests kept changing the same records; nothing was recorded. Send it again.",
            headers={"Retry-After": str(CONFLICT_RETRY_AFTER_SECONDS)},
        )
    if isinstance(error, STORE_UNAVAILABLE_ERRORS):
        # The driver's message may name hosts or files: it goes to the log, not to the client.
        return STORE_UNAVAILABLE.problem(
            "The store cannot take requests right now; nothing was recorded. Send it again later.",
            headers={"Retry-After": str(STORE_RETRY_AFTER_SECONDS)},
        )
    return None
