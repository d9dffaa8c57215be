"""configure_logging: JSON lines carrying the service and the bound context, for structlog and stdlib."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from datetime import datetime
from typing import Any

import pytest
import structlog

from oms_platform.logging import configure_logging, get_logger, log_context


@pytest.fixture(autouse=True)
def restore_logging() -> Iterator[None]:
    root = logging.getLogger()
    saved_handlers, saved_level = list(root.handlers), root.level
    saved_structlog = structlog.get_config()
    yield
    root.handlers[:] = saved_handlers
    root.setLevel(saved_level)
    structlog.configure(**saved_structlog)


def json_lines(capsys: pytest.CaptureFixture[str]) -> list[dict[str, Any]]:
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def test_json_line_carries_service_level_logger_time_and_bound_ids(capsys) -> None:
    configure_logging("order")
    log = get_logger("oms.order.handlers")

    with log_context(order_id="o-1", request_id="req-1"):
        log.info("order placed", lines=2)

    [line] = json_lines(capsys)
    assert line["event"] == "order placed"
    assert line["lines"] == 2
    assert (line["order_id"], line["request_id"]) == ("o-1", "req-1")
    assert (line["service"], line["level"], line["logger"]) == ("order", "info", "oms.order.handlers")
    assert datetime.fromisoformat(line["timestamp"]).tzinfo is not None


def test_context_is_unbound_after_the_block(capsys) -> None:
    configure_logging("order")
    log = get_logger("oms.test")

    with log_context(order_id="o-outer"):
        with log_context(order_id="o-inner"):
            log.info("inner")
        log.info("outer")
    log.info("after")

    inner, outer, after = json_lines(capsys)
    assert inner["order_id"] == "o-inner"
    assert outer["order_id"] == "o-outer"
    assert "order_id" not in after


def test_stdlib_loggers_go_through_the_same_renderer(capsys) -> None:
    configure_logging("inventory")

    with log_context(correlation_id="corr-1"):
        logging.getLogger("aiokafka.consumer").warning("rebalance in %s", "group-a")

    [line] = json_lines(capsys)
    assert line["event"] == "rebalance in group-a"
    assert (line["service"], line["level"], line["logger"]) == ("inventory", "warning", "aiokafka.consumer")
    assert line["correlation_id"] == "corr-1"


def test_level_filters_lines(capsys) -> None:
    configure_logging("order", level="warning")

    get_logger("oms.test").info("dropped")
    logging.getLogger("uvicorn.error").info("dropped too")
    get_logger("oms.test").warning("kept")

    assert [line["event"] for line in json_lines(capsys)] == ["kept"]


def test_exception_is_one_json_line_with_the_traceback(capsys) -> None:
    configure_logging("order")

    try:
        raise KeyError("sku-1")
    except KeyError:
        get_logger("oms.test").exception("lookup failed")

    [line] = json_lines(capsys)
    assert line["level"] == "error"
    assert "Traceback" in line["exception"] and "KeyError: 'sku-1'" in line["exception"]


def test_configuring_twice_writes_each_line_once(capsys) -> None:
    configure_logging("order")
    configure_logging("tracking")

    get_logger("oms.test").info("once")

    [line] = json_lines(capsys)
    assert line["service"] == "tracking"


def test_console_rendering_is_not_json(capsys) -> None:
    configure_logging("order", json=False)

    with log_context(order_id="o-5"):
        get_logger("oms.test").info("order placed")

    out = capsys.readouterr().out
    assert "order placed" in out and "o-5" in out
    with pytest.raises(json.JSONDecodeError):
        json.loads(out.splitlines()[0])


def test_lines_written_in_a_recording_span_carry_its_trace_id_beside_the_correlation_id(capsys) -> None:
    from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

    from oms_platform.tracing import active_tracer, configure_tracing, shutdown_tracing

    configure_logging("order")
    log = get_logger("oms.test")
    log.info("tracing off")
    configure_tracing("order", exporter=InMemorySpanExporter())
    try:
        tracer = active_tracer()
        assert tracer is not None
        with tracer.start_as_current_span("work") as span, log_context(correlation_id="corr-1"):
            log.info("in the span")
            logging.getLogger("aiokafka").warning("a library's line")
        log.info("after the span")
    finally:
        shutdown_tracing()

    off, inside, library, after = json_lines(capsys)
    assert "trace_id" not in off and "trace_id" not in after
    context = span.get_span_context()
    trace_id, span_id = format(context.trace_id, "032x"), format(context.span_id, "016x")
    for line in (inside, library):
        assert (line["trace_id"], line["span_id"]) == (trace_id, span_id)
    assert inside["correlation_id"] == "corr-1"
