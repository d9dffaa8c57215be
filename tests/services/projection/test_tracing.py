"""The order's trace ends in the views: each record the projector applies gets a consumer span
parented by its `traceparent`; with tracing off the views are built the same way."""

from __future__ import annotations

import pytest
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind

from oms_platform.tracing import active_tracer, configure_tracing, shutdown_tracing
from services.projection.application.queries.orders import order_detail
from tests.services.projection.messages import ORDER_EVENTS, new_order_id, order_placed, record

TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736"
UPSTREAM_SPAN_ID = "00f067aa0ba902b7"


@pytest.fixture
def spans():
    exporter = InMemorySpanExporter()
    configure_tracing("projection", exporter=exporter)
    yield exporter
    shutdown_tracing()


def test_each_applied_record_continues_its_trace(spans, projector, views):
    order_id = new_order_id()
    placed = record(ORDER_EVENTS, order_placed(order_id), aggregate_id=order_id, version=1)
    placed = placed._replace(headers=(("traceparent", f"00-{TRACE_ID}-{UPSTREAM_SPAN_ID}-01".encode()),))

    assert projector.project_batch([placed]) == ["processed"]

    [span] = spans.get_finished_spans()
    assert (span.name, span.kind) == (f"process {ORDER_EVENTS}", SpanKind.CONSUMER)
    assert format(span.context.trace_id, "032x") == TRACE_ID
    assert format(span.parent.span_id, "016x") == UPSTREAM_SPAN_ID
    assert span.attributes["oms.outcome"] == "processed"
    with views.read() as session:
        assert order_detail(session, order_id) is not None


def test_with_tracing_off_nothing_is_traced_and_the_views_are_built(projector, views):
    assert active_tracer() is None
    order_id = new_order_id()
    placed = record(ORDER_EVENTS, order_placed(order_id), aggregate_id=order_id, version=1)
    assert projector.project_batch([placed]) == ["processed"]
    with views.read() as session:
        assert order_detail(session, order_id) is not None
