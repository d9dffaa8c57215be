"""Correlation and causation ids of the work in progress.

The HTTP shell and the consumer set them; the store stamps them on every event it records, so the
relay can put them in the envelope. A contextvar carries them through threads and tasks.
"""

from __future__ import annotations

import contextvars
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass


@dataclass(frozen=True)
class MessageContext:
    correlation_id: str
    causation_id: str


_current: contextvars.ContextVar[MessageContext | None] = contextvars.ContextVar(
    "oms_message_context", default=None
)


def current_context() -> MessageContext | None:
    return _current.get()


@contextmanager
def message_context(*, correlation_id: str | None, causation_id: str | None) -> Iterator[MessageContext]:
    """Run a block of work on behalf of a request or message; a missing id starts a new chain."""
    correlation = correlation_id or str(uuid.uuid4())
    context = MessageContext(correlation_id=correlation, causation_id=causation_id or correlation)
    token = _current.set(context)
    try:
        yield context
    finally:
        _current.reset(token)
