"""ServiceMetrics: one registry per service, so services share a process without clashing."""

from __future__ import annotations

import pytest

from oms_platform.metrics import ServiceMetrics


def sample(metrics: ServiceMetrics, name: str, **labels: str) -> float | None:
    return metrics.registry.get_sample_value(name, labels)


def test_two_services_in_one_process_keep_their_own_counts() -> None:
    order, inventory = ServiceMetrics("order"), ServiceMetrics("inventory")

    order.count_consumed("oms.order.v1", "processed")
    order.count_consumed("oms.order.v1", "processed")
    inventory.count_consumed("oms.order.v1", "duplicate")

    assert sample(order, "oms_messages_consumed_total", topic="oms.order.v1", outcome="processed") == 2
    assert sample(order, "oms_messages_consumed_total", topic="oms.order.v1", outcome="duplicate") is None
    assert sample(inventory, "oms_messages_consumed_total", topic="oms.order.v1", outcome="duplicate") == 1
    order_text, _ = order.render()
    assert b'oms_service_info{service="order"} 1.0' in order_text
    assert b"inventory" not in order_text


def test_every_metric_is_exposed_under_its_oms_name() -> None:
    metrics = ServiceMetrics("fulfillment")
    metrics.messages_published_total.labels(topic="t").inc()
    metrics.message_processing_seconds.labels(topic="t").observe(0.01)
    metrics.dead_letters_total.labels(topic="t", reason="undecodable").inc()
    metrics.store_write_seconds.observe(0.002)
    metrics.consumer_lag.labels(topic="t", partition="0").set(7)
    metrics.relay_position.set(42)
    metrics.relay_lag_events.set(3)
    metrics.observe_http_request(method="GET", route="/orders/{order_id}", status=200, seconds=0.005)

    assert sample(metrics, "oms_messages_published_total", topic="t") == 1
    assert sample(metrics, "oms_message_processing_seconds_count", topic="t") == 1
    assert sample(metrics, "oms_dead_letters_total", topic="t", reason="undecodable") == 1
    assert sample(metrics, "oms_store_write_seconds_count") == 1
    assert sample(metrics, "oms_consumer_lag", topic="t", partition="0") == 7
    assert sample(metrics, "oms_relay_position") == 42
    assert sample(metrics, "oms_relay_lag_events") == 3
    route = {"method": "GET", "route": "/orders/{order_id}"}
    assert sample(metrics, "oms_http_requests_total", **route, status="200") == 1
    assert sample(metrics, "oms_http_request_seconds_count", **route) == 1


def test_unknown_consume_outcome_is_refused() -> None:
    metrics = ServiceMetrics("order")

    with pytest.raises(ValueError, match="processd"):
        metrics.count_consumed("oms.order.v1", "processd")  # type: ignore[arg-type]


def test_render_gives_prometheus_text_and_its_content_type() -> None:
    metrics = ServiceMetrics("ledger")
    metrics.relay_position.set(5)

    body, content_type = metrics.render()

    assert content_type.startswith("text/plain; version=0.0.4")
    assert b"# TYPE oms_relay_position gauge" in body
    assert b"oms_relay_position 5.0" in body
