"""Tracing: one order's path through the services as one OpenTelemetry trace.

Off unless the standard OpenTelemetry variables name an exporter (`OTEL_TRACES_EXPORTER=otlp` or
`console`, or an `OTEL_EXPORTER_OTLP_ENDPOINT` / `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`); then
`configure_tracing` builds an SDK tracer provider with the OTLP HTTP/protobuf exporter, and the
SDK's own constructors read the rest (`OTEL_SERVICE_NAME`, `OTEL_RESOURCE_ATTRIBUTES`,
`OTEL_TRACES_SAMPLER[_ARG]`, `OTEL_BSP_*`, `OTEL_EXPORTER_OTLP_*` headers, timeout, compression).
Off, nothing is installed and nothing is imported from the SDK: every traced place asks
`active_tracer()` once per request, batch or commit and, getting None, does what it did before.

What is traced, and where the context travels:

- HTTP: FastAPI's own server span (method, route template, status), parented by an incoming
  W3C `traceparent` header (`oms_platform.http.app` hands FastAPI our provider).
- Kafka, out: when events are recorded, the outbox puts the current context into each message's
  headers (`traceparent`, `tracestate` when there is one; `trace_headers`). Recorded, not sent:
  the relay sends later, from another task, where the request or message is long gone.
- Kafka, in: each record a consumer applies runs in a consumer span whose parent is the context
  in its headers (`consumer_span`), so what it records carries the same trace on to the next
  topic. A fetched batch is one span linked to its records' contexts (`batch_span`).
- Stores: a span per commit of a unit of work or a single write, and per batch the relay
  publishes, linked to the contexts the messages were recorded in (`links_from_headers`).

The provider is the platform's own, handed to what traces; the global OpenTelemetry provider is
left alone, so no library's own instrumentation starts on its own.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, MutableMapping, Sequence
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any

from opentelemetry import propagate, trace
from opentelemetry.context import Context
from opentelemetry.propagators.textmap import Getter
from opentelemetry.trace import Link, SpanKind, Tracer

if TYPE_CHECKING:
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import SpanExporter
    from opentelemetry.trace import Span

    from oms_platform.settings import ServiceSettings

# Kafka header names are case-sensitive; W3C trace context names are lower case.
TRACEPARENT_HEADER = "traceparent"
TRACESTATE_HEADER = "tracestate"
# Exporters this platform can build (OTEL_TRACES_EXPORTER); "none" turns tracing off.
SUPPORTED_EXPORTERS = frozenset({"otlp", "console"})
# The OTLP transport installed (opentelemetry-exporter-otlp-proto-http); gRPC is not.
SUPPORTED_PROTOCOL = "http/protobuf"
# Links of a batch or commit span: the SDK keeps 128 by default (OTEL_SPAN_LINK_COUNT_LIMIT).
MAX_LINKS = 128
INSTRUMENTATION_NAME = "oms_platform"

# Set only by configure_tracing (None: tracing is off). Not an import-time client: nothing here
# runs when the module is imported.
_provider: TracerProvider | None = None
_tracer: Tracer | None = None


def active_tracer() -> Tracer | None:
    """The platform's tracer, or None when tracing is not configured (then trace nothing)."""
    return _tracer


def active_provider() -> TracerProvider | None:
    return _provider


def configure_tracing(service_name: str, settings: ServiceSettings | None = None, *,
                      exporter: SpanExporter | None = None,
                      environ: Mapping[str, str] | None = None) -> bool:
    """Install tracing for this process if the OTEL_* variables ask for it; True when installed.

    `exporter` replaces the one the variables name and is flushed span by span (tests hand an
    in-memory exporter). A configuration the platform cannot honour (an unknown exporter, OTLP
    over gRPC) raises ConfigurationError: a service asked to trace should not start silently
    without it. Calling it again replaces the previous setup (after flushing it).
    """
    from oms_platform.settings import ConfigurationError

    env = os.environ if environ is None else environ
    if exporter is None:
        try:
            exporters = _exporters_named(env)
        except ValueError as error:
            raise ConfigurationError(str(error)) from None
        if not exporters:
            shutdown_tracing()
            return False
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import BatchSpanProcessor, SimpleSpanProcessor

    provider = TracerProvider(resource=_resource(service_name, settings, env))  # sampler: OTEL_TRACES_SAMPLER
    if exporter is not None:
        provider.add_span_processor(SimpleSpanProcessor(exporter))
    else:
        for built in _build_exporters(exporters):
            provider.add_span_processor(BatchSpanProcessor(built))  # OTEL_BSP_* variables
    shutdown_tracing()
    _install(provider)
    return True


def _install(provider: TracerProvider | None) -> None:
    global _provider, _tracer
    _provider = provider
    _tracer = provider.get_tracer(INSTRUMENTATION_NAME) if provider is not None else None


def shutdown_tracing() -> None:
    """Flush and drop the installed provider; tracing is off afterwards."""
    provider = _provider
    _install(None)
    if provider is not None:
        provider.shutdown()


def _exporters_named(env: Mapping[str, str]) -> list[str]:
    """The exporters the variables ask for; [] when tracing stays off.

    Unlike the SDK's own default (otlp), an unset OTEL_TRACES_EXPORTER means none unless an OTLP
    endpoint is given: a service that nobody pointed at a collector does not try to send spans.
    """
    from opentelemetry.environment_variables import OTEL_TRACES_EXPORTER
    from opentelemetry.sdk.environment_variables import (
        OTEL_EXPORTER_OTLP_ENDPOINT,
        OTEL_EXPORTER_OTLP_PROTOCOL,
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT,
        OTEL_EXPORTER_OTLP_TRACES_PROTOCOL,
        OTEL_SDK_DISABLED,
    )

    if env.get(OTEL_SDK_DISABLED, "").strip().lower() == "true":
        return []
    named = env.get(OTEL_TRACES_EXPORTER, "").strip().lower()
    if named:
        exporters = [name for part in named.split(",") if (name := part.strip()) and name != "none"]
    elif env.get(OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) or env.get(OTEL_EXPORTER_OTLP_ENDPOINT):
        exporters = ["otlp"]
    else:
        exporters = []
    unknown = sorted(set(exporters) - SUPPORTED_EXPORTERS)
    if unknown:
        raise ValueError(f"{OTEL_TRACES_EXPORTER}: {', '.join(unknown)} not supported"
                         f" (use {', '.join(sorted(SUPPORTED_EXPORTERS))} or none)")
    if "otlp" in exporters:
        protocol = (env.get(OTEL_EXPORTER_OTLP_TRACES_PROTOCOL) or env.get(OTEL_EXPORTER_OTLP_PROTOCOL)
                    or SUPPORTED_PROTOCOL).strip().lower()
        if protocol != SUPPORTED_PROTOCOL:
            raise ValueError(f"OTLP protocol {protocol!r} not supported (use {SUPPORTED_PROTOCOL})")
    return list(dict.fromkeys(exporters))


def _build_exporters(names: Sequence[str]) -> list[SpanExporter]:
    built: list[SpanExporter] = []
    for name in names:
        if name == "otlp":
            # Reads OTEL_EXPORTER_OTLP_[TRACES_]ENDPOINT, _HEADERS, _TIMEOUT, _COMPRESSION, ...
            from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter

            built.append(OTLPSpanExporter())
        elif name == "console":
            from opentelemetry.sdk.trace.export import ConsoleSpanExporter

            built.append(ConsoleSpanExporter())
    return built


def _resource(service_name: str, settings: ServiceSettings | None, env: Mapping[str, str]) -> Any:
    """The service's name (and its deployment's client prefix as namespace), unless
    OTEL_SERVICE_NAME / OTEL_RESOURCE_ATTRIBUTES say otherwise: the variables win."""
    from opentelemetry.sdk.environment_variables import OTEL_SERVICE_NAME
    from opentelemetry.sdk.resources import SERVICE_NAME, SERVICE_NAMESPACE, OTELResourceDetector, Resource

    ours: dict[str, str] = {SERVICE_NAME: service_name}
    if settings is not None:
        ours[SERVICE_NAMESPACE] = settings.kafka_client_prefix
    # The SDK's detector reads os.environ; an explicit environ (tests) is consulted as well.
    from_env = set(OTELResourceDetector().detect().attributes)
    if env.get(OTEL_SERVICE_NAME):
        from_env.add(SERVICE_NAME)
    return Resource.create({key: value for key, value in ours.items() if key not in from_env})


# -- Kafka headers ---------------------------------------------------------------------------------

class _KafkaHeaders(Getter[Sequence[tuple[str, bytes]]]):
    """Reads a Kafka record's header list: (name, bytes) pairs, names case-sensitive."""

    def get(self, carrier: Sequence[tuple[str, bytes]], key: str) -> list[str] | None:
        values = [bytes(value).decode("utf-8", errors="replace") for name, value in carrier
                  if name == key and value is not None]
        return values or None

    def keys(self, carrier: Sequence[tuple[str, bytes]]) -> list[str]:
        return [name for name, _ in carrier]


_KAFKA_HEADERS = _KafkaHeaders()
_NO_HEADERS: tuple[tuple[str, bytes], ...] = ()


def trace_headers() -> tuple[tuple[str, bytes], ...]:
    """The current trace context as Kafka headers (`traceparent`, `tracestate` when set); none
    when tracing is off or no span is current."""
    if _tracer is None:
        return _NO_HEADERS
    carrier: dict[str, str] = {}
    propagate.inject(carrier)
    return tuple((name, value.encode()) for name, value in carrier.items())


def context_from_headers(headers: Sequence[tuple[str, bytes]] | None) -> Any:
    """The current context with the span the headers carry as parent (unchanged when none)."""
    return propagate.extract(headers or _NO_HEADERS, getter=_KAFKA_HEADERS)


def links_from_headers(header_lists: Iterable[Sequence[tuple[str, bytes]] | None]) -> list[Link]:
    """Links to the distinct span contexts the header lists carry, at most MAX_LINKS."""
    seen: dict[bytes, Link] = {}
    for headers in header_lists:
        carrier: Sequence[tuple[str, bytes]] = headers or _NO_HEADERS
        for name, value in carrier:
            if name != TRACEPARENT_HEADER or value in seen:
                continue
            remote = propagate.extract(carrier, context=Context(), getter=_KAFKA_HEADERS)
            span_context = trace.get_current_span(remote).get_span_context()
            if span_context.is_valid:
                seen[value] = Link(span_context)
            if len(seen) >= MAX_LINKS:
                return list(seen.values())
    return list(seen.values())


def _header(headers: Sequence[tuple[str, bytes]] | None, key: str) -> str | None:
    for name, value in headers or _NO_HEADERS:
        if name == key and value is not None:
            return bytes(value).decode("utf-8", errors="replace")
    return None


# -- spans -----------------------------------------------------------------------------------------

def consumer_span(tracer: Tracer, record: Any) -> AbstractContextManager[Span]:
    """The span of applying one consumed record (a Kafka record or a parked message), current in
    the block and parented by the context in the record's headers, so that what the record causes
    to be recorded continues its trace."""
    headers = record.headers
    attributes: dict[str, Any] = {
        "messaging.system": "kafka",
        "messaging.operation.type": "process",
        "messaging.destination.name": record.topic,
        "messaging.destination.partition.id": str(record.partition),
        "messaging.kafka.offset": record.offset,
    }
    event_id = _header(headers, "oms-event-id")
    if event_id:
        attributes["messaging.message.id"] = event_id
    message_type = _header(headers, "oms-type")
    if message_type:
        attributes["oms.message.type"] = message_type
    return tracer.start_as_current_span(f"process {record.topic}", context=context_from_headers(headers),
                                        kind=SpanKind.CONSUMER, attributes=attributes)


def batch_span(tracer: Tracer, records: Sequence[Any]) -> AbstractContextManager[Span]:
    """The span of applying a fetched batch in one transaction, linked to its records' contexts."""
    topics = sorted({record.topic for record in records})
    attributes: dict[str, Any] = {
        "messaging.system": "kafka",
        "messaging.operation.type": "process",
        "messaging.batch.message_count": len(records),
    }
    if len(topics) == 1:
        attributes["messaging.destination.name"] = topics[0]
    return tracer.start_as_current_span(f"process batch {' '.join(topics)}", kind=SpanKind.CONSUMER,
                                        attributes=attributes,
                                        links=links_from_headers(record.headers for record in records))


def commit_span(tracer: Tracer, recorder: Any, events: int,
                header_lists: Iterable[Sequence[tuple[str, bytes]] | None] = ()) -> AbstractContextManager[Span]:
    """The span of one store transaction (a unit of work's commit or a single write), linked to
    the contexts its events were recorded in."""
    return tracer.start_as_current_span("store commit", kind=SpanKind.CLIENT, links=links_from_headers(header_lists),
                                        attributes={"db.system.name": _db_system(recorder),
                                                    "db.operation.name": "COMMIT", "oms.store.events": events})


def publish_span(tracer: Tracer, messages: Sequence[Any]) -> AbstractContextManager[Span]:
    """The span of the relay sending a batch of outbox messages, linked to the contexts they were
    recorded in (their own trace headers carry those on to the consumers)."""
    topics = sorted({m.topic for m in messages})
    attributes: dict[str, Any] = {
        "messaging.system": "kafka",
        "messaging.operation.type": "send",
        "messaging.batch.message_count": len(messages),
    }
    if len(topics) == 1:
        attributes["messaging.destination.name"] = topics[0]
    return tracer.start_as_current_span(f"send {' '.join(topics)}", kind=SpanKind.PRODUCER, attributes=attributes,
                                        links=links_from_headers(m.headers for m in messages))


def _db_system(recorder: Any) -> str:
    module = type(recorder).__module__ + type(recorder).__name__
    if "ostgres" in module:
        return "postgresql"
    return "sqlite" if "SQLite" in module or "sqlite" in module else "other_sql"


def set_outcome(span: Span, outcome: Any) -> None:
    """What became of a consumed record: processed, duplicate, parked, ignored, or a dead letter."""
    kind = getattr(outcome, "kind", None)
    if kind is not None:
        span.set_attribute("oms.outcome", "dead_letter")
        span.set_attribute("oms.dead_letter.kind", str(kind))
        span.set_status(trace.StatusCode.ERROR, str(getattr(outcome, "detail", kind)))
    else:
        span.set_attribute("oms.outcome", str(outcome))


def log_trace_ids(_logger: Any, _method: str, event_dict: MutableMapping[str, Any]) -> MutableMapping[str, Any]:
    """structlog processor: the trace and span ids of the current span, when one is recording."""
    if _tracer is None:
        return event_dict
    span = trace.get_current_span()
    if span.is_recording():
        context = span.get_span_context()
        event_dict.setdefault("trace_id", format(context.trace_id, "032x"))
        event_dict.setdefault("span_id", format(context.span_id, "016x"))
    return event_dict
