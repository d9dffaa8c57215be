"""The parked-message gauge and outcome are declared with the service's other metrics."""

from __future__ import annotations

from oms_platform.metrics import ServiceMetrics


def test_parked_messages_are_a_gauge_per_topic_and_a_consume_outcome() -> None:
    metrics = ServiceMetrics("order")
    assert b"# TYPE oms_parked_messages gauge" in metrics.render()[0]  # before any consumer starts

    metrics.parked_messages.labels(topic="oms.tracking.events.v1").set(2)
    metrics.count_consumed("oms.tracking.events.v1", "parked")

    sample = metrics.registry.get_sample_value
    assert sample("oms_parked_messages", {"topic": "oms.tracking.events.v1"}) == 2
    assert sample("oms_messages_consumed_total", {"topic": "oms.tracking.events.v1", "outcome": "parked"}) == 1
