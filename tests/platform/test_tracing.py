"""Tracing: one trace across HTTP, the outbox, Kafka and the next service; nothing when off.

Spans go to the SDK's in-memory exporter, through a provider each test installs with
`configure_tracing` and removes afterwards (the OpenTelemetry globals are never touched).
"""

import struct
import uuid

import pytest
from google.protobuf.wrappers_pb2 import StringValue
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind

from oms.envelope.v1.envelope_pb2 import Envelope
from oms_platform.messaging.context import message_context
from oms_platform.messaging.outbox import Outgoing, decode_messages
from oms_platform.messaging.relay import OutboxRelay, Publication
from oms_platform.metrics import ServiceMetrics
from oms_platform.settings import ConfigurationError
from oms_platform.store import open_application
from oms_platform.tracing import active_tracer, configure_tracing, shutdown_tracing
from services.ingest import samples
from services.ingest.bootstrap import definition as ingest_definition
from services.order.bootstrap import definition as order_definition
from tests.services.ingest.running import INTAKE_EVENTS, load_sample_catalogue
from tests.support.messaging import TopicReader
from tests.support.services import running_service

from .kafka_helpers import eventually, new_topic, producer, read_all, running_consumer
from .sample_domain import ParcelDesk, Tally, TallyBook, parcel_publications, settings_for

TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736"
PARENT_SPAN_ID = "00f067aa0ba902b7"
OLD_HEADER_NAMES = ["oms-type", "oms-event-id", "oms-producer", "oms-correlation-id"]


@pytest.fixture
def spans():
    """Tracing on for one test; the finished spans, as they end."""
    exporter = InMemorySpanExporter()
    assert configure_tracing("test", exporter=exporter)
    yield exporter
    shutdown_tracing()


@pytest.fixture(autouse=True)
def _tracing_off_after():
    yield
    shutdown_tracing()


def open_store(app_class, store_backend, prefix):
    settings = settings_for(f"{prefix}_{uuid.uuid4().hex[:8]}", data_dir=store_backend.data_dir,
                            database_url=store_backend.database_url)
    return open_application(app_class, settings)


def traceparent(headers) -> tuple[str, str] | None:
    """(trace id, parent span id) of a record's `traceparent` header (its flags vary: sampled,
    random), or None."""
    value = dict(headers).get("traceparent")
    if value is None:
        return None
    version, trace_id, span_id, _flags = value.decode().split("-")
    assert version == "00"
    return trace_id, span_id


def hex_ids(span) -> tuple[str, str]:
    return format(span.context.trace_id, "032x"), format(span.context.span_id, "016x")


# -- configuration ---------------------------------------------------------------------------------

@pytest.mark.parametrize("environ", [
    {},
    {"OTEL_TRACES_EXPORTER": "none", "OTEL_EXPORTER_OTLP_ENDPOINT": "http://127.0.0.1:4318"},
    {"OTEL_SDK_DISABLED": "true", "OTEL_TRACES_EXPORTER": "otlp"},
    {"OTEL_SERVICE_NAME": "order", "OTEL_TRACES_SAMPLER": "always_on"},  # names no exporter
])
def test_without_an_exporter_nothing_is_installed(environ):
    assert configure_tracing("order", environ=environ) is False
    assert active_tracer() is None


@pytest.mark.parametrize("environ", [
    {"OTEL_EXPORTER_OTLP_ENDPOINT": "http://127.0.0.1:4318"},
    {"OTEL_EXPORTER_OTLP_TRACES_ENDPOINT": "http://127.0.0.1:4318/v1/traces"},
    {"OTEL_TRACES_EXPORTER": "otlp"},
    {"OTEL_TRACES_EXPORTER": "console"},
])
def test_an_exporter_or_an_otlp_endpoint_turns_tracing_on(environ):
    assert configure_tracing("order", environ=environ) is True
    assert active_tracer() is not None
    shutdown_tracing()  # nothing was traced: nothing is sent
    assert active_tracer() is None


@pytest.mark.parametrize("environ", [
    {"OTEL_TRACES_EXPORTER": "zipkin"},
    {"OTEL_TRACES_EXPORTER": "otlp", "OTEL_EXPORTER_OTLP_PROTOCOL": "grpc"},
])
def test_what_the_platform_cannot_export_with_stops_the_service(environ):
    with pytest.raises(ConfigurationError):
        configure_tracing("order", environ=environ)
    assert active_tracer() is None


# -- the outbox row format -------------------------------------------------------------------------

def test_an_outbox_row_written_before_tracing_still_decodes():
    # The bytes of a row as written before trace headers existed (format 1: message count, then
    # per message its header count and length-prefixed topic, key, value, header names and values).
    fields = [b"oms.test.v1", b"key-1", b"envelope-bytes"]
    headers = [(name.encode(), f"value-{i}".encode()) for i, name in enumerate(OLD_HEADER_NAMES)]
    row = b"\x01" + struct.pack(">H", 1) + struct.pack(">H", len(headers))
    for data in [*fields, *(part for pair in headers for part in pair)]:
        row += struct.pack(">I", len(data)) + data

    expected_headers = [(name, f"value-{i}".encode()) for i, name in enumerate(OLD_HEADER_NAMES)]
    assert decode_messages(row) == [Outgoing("oms.test.v1", b"key-1", b"envelope-bytes", expected_headers)]


# -- Kafka: nothing when off, the recording context when on ----------------------------------------

@pytest.mark.kafka
async def test_rows_recorded_untraced_publish_without_trace_headers_beside_traced_ones(
        store_backend, kafka_bootstrap):
    topic = await new_topic(kafka_bootstrap, "tracing-rows")
    desk = open_store(ParcelDesk, store_backend, "untraced")
    kafka = producer(kafka_bootstrap)
    await kafka.start()
    try:
        relay = OutboxRelay(desk, parcel_publications(topic), kafka, producer_name="desk")
        desk.register("recorded-untraced")  # as every row before tracing existed: no trace header
        [(_, old_row)] = desk.outbox_after(0, 10)
        assert [name for name, _ in decode_messages(old_row)[0].headers] == OLD_HEADER_NAMES

        exporter = InMemorySpanExporter()
        configure_tracing("desk", exporter=exporter)
        with active_tracer().start_as_current_span("command") as command:
            desk.register("recorded-traced")
        while await relay.publish_pending():
            pass
    finally:
        await kafka.stop()
        desk.close()

    records = await read_all(kafka_bootstrap, topic, expect=2)
    assert len(records) == 2
    assert all(Envelope.FromString(r.value).producer == "desk" for r in records)
    untraced = next(r for r in records if b"recorded-untraced" in r.value)
    traced = next(r for r in records if b"recorded-traced" in r.value)
    assert [name for name, _ in untraced.headers] == OLD_HEADER_NAMES
    trace_id, span_id = hex_ids(command)
    assert traceparent(traced.headers) == (trace_id, span_id)
    [send] = [s for s in exporter.get_finished_spans() if s.kind == SpanKind.PRODUCER]
    assert [link.context.span_id for link in send.links] == [command.context.span_id]


@pytest.mark.kafka
async def test_tracing_off_writes_no_trace_header_and_the_chain_keeps_its_correlation(store_backend,
                                                                                     kafka_bootstrap):
    assert active_tracer() is None
    first, second = await new_topic(kafka_bootstrap, "off-a"), await new_topic(kafka_bootstrap, "off-b")
    desk, book = open_store(ParcelDesk, store_backend, "desk"), open_store(TallyBook, store_backend, "book")

    def command():
        with message_context(correlation_id="corr-1", causation_id="request-1"):
            desk.register("box")

    try:
        await two_hops(desk, book, first, second, kafka_bootstrap, command)
    finally:
        desk.close()
        book.close()
    [upstream] = await read_all(kafka_bootstrap, first, expect=1)
    [downstream] = await read_all(kafka_bootstrap, second, expect=1)
    for record in (upstream, downstream):
        assert [name for name, _ in record.headers] == OLD_HEADER_NAMES
    # What the consumed message caused is stamped with its ids: the correlation goes on.
    cause, effect = Envelope.FromString(upstream.value), Envelope.FromString(downstream.value)
    assert (cause.correlation_id, cause.causation_id) == ("corr-1", "request-1")
    assert (effect.correlation_id, effect.causation_id) == ("corr-1", cause.event_id)


@pytest.mark.kafka
async def test_a_consumed_record_continues_its_trace_to_the_next_topic(spans, store_backend, kafka_bootstrap):
    first, second = await new_topic(kafka_bootstrap, "hop-a"), await new_topic(kafka_bootstrap, "hop-b")
    desk, book = open_store(ParcelDesk, store_backend, "desk"), open_store(TallyBook, store_backend, "book")
    def upstream_request():
        with active_tracer().start_as_current_span("upstream request") as span:
            desk.register("box")
        return span

    try:
        upstream = await two_hops(desk, book, first, second, kafka_bootstrap, upstream_request)
    finally:
        desk.close()
        book.close()

    trace_id, upstream_id = hex_ids(upstream)
    [received] = await read_all(kafka_bootstrap, first, expect=1)
    assert traceparent(received.headers) == (trace_id, upstream_id)
    finished = spans.get_finished_spans()
    [process] = [s for s in finished if s.name == f"process {first}"]
    assert process.kind == SpanKind.CONSUMER
    assert hex_ids(process)[0] == trace_id and process.parent.span_id == upstream.context.span_id
    assert process.parent.is_remote
    assert process.attributes["oms.outcome"] == "processed"
    assert process.attributes["messaging.kafka.offset"] == received.offset
    # What the record caused travels on in the same trace, as a child of the record's span.
    [sent_on] = await read_all(kafka_bootstrap, second, expect=1)
    assert traceparent(sent_on.headers) == (trace_id, hex_ids(process)[1])
    # The batch and its commit: one span linked to the records, the commit linked to their spans.
    [batch] = [s for s in finished if s.name == f"process batch {first}"]
    assert [link.context.span_id for link in batch.links] == [upstream.context.span_id]
    commits = [s for s in finished if s.name == "store commit" and s.parent == batch.context]
    assert [link.context.span_id for c in commits for link in c.links] == [process.context.span_id]


def tally_publications(topic: str):
    def publications(domain_event):
        if isinstance(domain_event, Tally.Labelled):
            yield Publication(topic, str(domain_event.originator_id), StringValue(value=domain_event.label))

    return publications


async def two_hops(desk, book, first: str, second: str, bootstrap: str, command):
    """`command` records on the desk; its events are published on `first`; the tally book consumes
    them and publishes its own on `second`, each through its outbox and relay. Returns what
    `command` returned."""
    kafka = producer(bootstrap)
    await kafka.start()
    try:
        desk_relay = OutboxRelay(desk, parcel_publications(first), kafka, producer_name="desk")
        book_relay = OutboxRelay(book, tally_publications(second), kafka, producer_name="book")
        result = command()
        while await desk_relay.publish_pending():
            pass
        metrics = ServiceMetrics("tally")
        async with running_consumer(book, bootstrap, first, metrics):
            await eventually(lambda: metrics.messages_consumed_total.labels(topic=first, outcome="processed")
                             ._value.get() == 1, what="the record processed")
        while await book_relay.publish_pending():
            pass
    finally:
        await kafka.stop()
    return result


# -- HTTP in, through two services -----------------------------------------------------------------

@pytest.mark.kafka
async def test_a_request_and_what_it_causes_downstream_are_one_trace(spans, embedded_broker, tmp_path):
    broker = embedded_broker.bootstrap_servers
    form = samples.orders()[3]
    async with running_service(ingest_definition(), bootstrap=broker, data_dir=tmp_path / "ingest") as ingest, \
            running_service(order_definition(), bootstrap=broker, data_dir=tmp_path / "order") as order:
        await load_sample_catalogue(broker, ingest)
        response = await ingest.client.post("/intake/orders", json=form,
                                            headers={"traceparent": f"00-{TRACE_ID}-{PARENT_SPAN_ID}-01"})
        assert response.status_code == 201, response.text
        order_id = response.json()["order_id"]
        async with TopicReader(broker, INTAKE_EVENTS) as intake, \
                TopicReader(broker, "oms.inventory.commands.v1") as inventory:
            await intake.wait_for("oms.intake.v1.OrderAccepted")
            await inventory.wait_for("oms.inventory.v1.ReserveStock")
        assert order.app.find_order(order_id) is not None

    [server] = [s for s in spans.get_finished_spans() if s.kind == SpanKind.SERVER]
    assert server.name == "POST /intake/orders"
    assert server.attributes["http.route"] == "/intake/orders"
    assert server.attributes["http.response.status_code"] == 201
    assert hex_ids(server)[0] == TRACE_ID and format(server.parent.span_id, "016x") == PARENT_SPAN_ID
    [accepted] = [r for r in intake.records if dict(r.headers)["oms-type"] == b"oms.intake.v1.OrderAccepted"]
    assert traceparent(accepted.headers)[0] == TRACE_ID
    # The order service consumed it in the same trace and sent its command on in it.
    [process] = [s for s in spans.get_finished_spans()
                 if s.kind == SpanKind.CONSUMER and s.attributes.get("messaging.message.id")
                 == dict(accepted.headers)["oms-event-id"].decode()]
    assert hex_ids(process)[0] == TRACE_ID
    [reserve] = [r for r in inventory.records if dict(r.headers)["oms-type"] == b"oms.inventory.v1.ReserveStock"]
    assert traceparent(reserve.headers) == (TRACE_ID, hex_ids(process)[1])
    # The correlation id, beside the trace, goes on too.
    correlation = Envelope.FromString(accepted.value).correlation_id
    assert correlation and Envelope.FromString(reserve.value).correlation_id == correlation
