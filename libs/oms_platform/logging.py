"""Structured logging: one line per event, JSON in production, readable on a terminal.

structlog and stdlib logging (uvicorn, aiokafka, ...) go through the same processors, so every
line carries the timestamp, level, logger, service and whatever `log_context` bound (order_id,
request_id, correlation_id), and, while a span records (tracing on), its trace and span ids.
Context lives in contextvars: it follows the request into tasks and into the threadpool FastAPI
runs sync endpoints in.

Run uvicorn with `log_config=None`, or its own dictConfig replaces the routing set up here.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import structlog
from structlog.contextvars import bound_contextvars
from structlog.types import EventDict, Processor, WrappedLogger

from oms_platform.tracing import log_trace_ids

# Libraries whose own handlers would print a second, unstructured copy of each line.
_LIBRARY_LOGGERS = ("uvicorn", "uvicorn.error", "aiokafka")
# The HTTP shell writes its own access line (with route template and request id).
_SILENCED_LOGGERS = ("uvicorn.access",)


class _StdoutHandler(logging.StreamHandler):
    """Writes to whatever `sys.stdout` is when a line is emitted.

    A handler bound to the stream at configure time keeps writing to it after it is replaced
    (pytest's capture, a closed pipe); looking it up per line avoids that.
    """

    def __init__(self) -> None:
        super().__init__(sys.stdout)

    @property  # type: ignore[override]
    def stream(self) -> Any:
        return sys.stdout

    @stream.setter
    def stream(self, _value: Any) -> None:
        pass


def configure_logging(service: str, level: str = "INFO", json: bool = True) -> None:
    """Route structlog and stdlib logging to stdout; calling it again replaces the previous setup."""
    shared = _shared_processors(service)
    structlog.configure(
        processors=[
            structlog.stdlib.filter_by_level,
            *shared,
            structlog.stdlib.PositionalArgumentsFormatter(),
            structlog.stdlib.ProcessorFormatter.wrap_for_formatter,
        ],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        # Caching would pin loggers created before a reconfiguration to the old processors.
        cache_logger_on_first_use=False,
    )
    _install_root_handler(_formatter(shared, json), level)


def _shared_processors(service: str) -> list[Processor]:
    def add_service(_logger: WrappedLogger, _method: str, event_dict: EventDict) -> EventDict:
        event_dict.setdefault("service", service)
        return event_dict

    return [
        structlog.contextvars.merge_contextvars,
        structlog.stdlib.add_log_level,
        structlog.stdlib.add_logger_name,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
        add_service,
        log_trace_ids,  # trace_id and span_id while a span is recording (tracing configured)
        structlog.processors.StackInfoRenderer(),
    ]


def _formatter(shared: list[Processor], json: bool) -> logging.Formatter:
    if json:
        # Tracebacks become one string member, so a JSON line stays one line.
        render: list[Processor] = [
            structlog.processors.format_exc_info,
            structlog.processors.JSONRenderer(),
        ]
    else:
        render = [structlog.dev.ConsoleRenderer(colors=sys.stdout.isatty())]
    return structlog.stdlib.ProcessorFormatter(
        foreign_pre_chain=shared,
        processors=[structlog.stdlib.ProcessorFormatter.remove_processors_meta, *render],
    )


def _install_root_handler(formatter: logging.Formatter, level: str) -> None:
    root = logging.getLogger()
    # Replace only our own handler: others (pytest's capture, a test's) stay where they are.
    for handler in [h for h in root.handlers if isinstance(h, _StdoutHandler)]:
        root.removeHandler(handler)
    handler = _StdoutHandler()
    handler.setFormatter(formatter)
    root.addHandler(handler)
    root.setLevel(level.upper())
    for name in _LIBRARY_LOGGERS:
        library_logger = logging.getLogger(name)
        library_logger.handlers.clear()
        library_logger.propagate = True
    for name in _SILENCED_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)


@contextmanager
def log_context(**values: Any) -> Iterator[None]:
    """Add `values` to every log line written inside the block; earlier values come back after it."""
    with bound_contextvars(**values):
        yield


def get_logger(name: str) -> structlog.stdlib.BoundLogger:
    return structlog.stdlib.get_logger(name)
