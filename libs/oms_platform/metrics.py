"""Prometheus metrics of one service process.

Each `ServiceMetrics` owns its own `CollectorRegistry`: nothing is registered in prometheus_client's
global registry, so several services (or several tests) can live in one process without clashing.

The service is implied by the registry, not repeated as a label on every series: one process
exposes one service on its own /metrics, and Prometheus attaches `job`/`instance` target labels
when it scrapes. `oms_service_info{service="..."} 1` names the service for joins and dashboards.
"""

from __future__ import annotations

from typing import Literal, get_args

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, Info
from prometheus_client.exposition import CONTENT_TYPE_PLAIN_0_0_4, generate_latest

ConsumeOutcome = Literal["processed", "duplicate", "dead_lettered", "ignored", "parked"]
CONSUME_OUTCOMES: tuple[str, ...] = get_args(ConsumeOutcome)

# A store write is a local transaction: most land well under 10 ms, so the default buckets
# (which start at 5 ms) would put nearly every observation in the first one.
STORE_WRITE_BUCKETS = (0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5)
# Records or messages per batch: the fixed cost of a batch (a transaction, a fetch, a send) is
# spread over its size, so the size says how far batching carries under the present load.
BATCH_BUCKETS = (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000)


class ServiceMetrics:
    """The metrics one service process records.

    Each attribute is the prometheus_client metric of the same name with `oms_` in front
    (`messages_consumed_total` is `oms_messages_consumed_total`).
    """

    def __init__(self, service: str) -> None:
        self.service = service
        self.registry = CollectorRegistry(auto_describe=True)
        Info("oms_service", "The OMS service this process runs.", registry=self.registry).info(
            {"service": service}
        )
        self._add_messaging_metrics()
        self._add_store_and_relay_metrics()
        self._add_http_metrics()

    def _add_messaging_metrics(self) -> None:
        registry = self.registry
        self.messages_consumed_total = Counter(
            "oms_messages_consumed_total",
            "Messages taken from Kafka, by what became of them.",
            ["topic", "outcome"],
            registry=registry,
        )
        self.messages_published_total = Counter(
            "oms_messages_published_total", "Messages published to Kafka.", ["topic"], registry=registry
        )
        self.message_processing_seconds = Histogram(
            "oms_message_processing_seconds",
            "Time to handle one consumed message, commit included.",
            ["topic"],
            registry=registry,
        )
        self.dead_letters_total = Counter(
            "oms_dead_letters_total",
            "Messages sent to a dead-letter topic.",
            ["topic", "reason"],
            registry=registry,
        )
        self.consumer_batch_records = Histogram(
            "oms_consumer_batch_records", "Records per fetched batch the consumer applied.",
            buckets=BATCH_BUCKETS, registry=registry,
        )
        self.consumer_lag = Gauge(
            "oms_consumer_lag",
            "Messages between the consumer's position and the partition's end.",
            ["topic", "partition"],
            registry=registry,
        )
        self.parked_messages = Gauge(
            "oms_parked_messages",
            "Consumed messages waiting for a fact from another topic.",
            ["topic"],
            registry=registry,
        )

    def _add_store_and_relay_metrics(self) -> None:
        registry = self.registry
        self.store_write_seconds = Histogram(
            "oms_store_write_seconds",
            "Time to record events in the store.",
            buckets=STORE_WRITE_BUCKETS,
            registry=registry,
        )
        self.store_aggregate_loads_total = Counter(
            "oms_store_aggregate_loads_total",
            "Aggregates read from the store because the cache did not hold them (new ones included).",
            registry=registry,
        )
        self.relay_batch_messages = Histogram(
            "oms_relay_batch_messages", "Messages the relay sent per batch.", buckets=BATCH_BUCKETS,
            registry=registry,
        )
        self.relay_position = Gauge(
            "oms_relay_position", "Last store notification id the relay published.", registry=registry
        )
        self.relay_lag_events = Gauge(
            "oms_relay_lag_events", "Recorded events the relay has not published yet.", registry=registry
        )

    def _add_http_metrics(self) -> None:
        registry = self.registry
        self.http_requests_total = Counter(
            "oms_http_requests_total",
            "HTTP requests served; route is the path template.",
            ["method", "route", "status"],
            registry=registry,
        )
        self.http_request_seconds = Histogram(
            "oms_http_request_seconds",
            "Time to serve an HTTP request; route is the path template.",
            ["method", "route"],
            registry=registry,
        )

    def count_consumed(self, topic: str, outcome: ConsumeOutcome) -> None:
        # A misspelt outcome would silently start a new series; refuse it instead.
        if outcome not in CONSUME_OUTCOMES:
            raise ValueError(f"unknown consume outcome {outcome!r}; expected one of {CONSUME_OUTCOMES}")
        self.messages_consumed_total.labels(topic=topic, outcome=outcome).inc()

    def observe_http_request(self, *, method: str, route: str, status: int, seconds: float) -> None:
        self.http_requests_total.labels(method=method, route=route, status=str(status)).inc()
        self.http_request_seconds.labels(method=method, route=route).observe(seconds)

    def render(self) -> tuple[bytes, str]:
        """The registry in Prometheus text format, and the content type to serve it with."""
        # Text format 0.0.4 is what every Prometheus version scrapes; our names need no UTF-8 escaping.
        return generate_latest(self.registry), CONTENT_TYPE_PLAIN_0_0_4
