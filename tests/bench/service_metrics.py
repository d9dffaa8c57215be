"""What each service did for the load, read from its own /metrics before and after.

Batch sizes say how far batching carries (a batch's fixed cost is spread over its records), store
writes and reads per order say how often a service goes to its database.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

import httpx
from prometheus_client.parser import text_string_to_metric_families

# sample name -> report name; counts and sums of histograms and counters
SAMPLES = {
    "oms_consumer_batch_records_count": "consumer_batches",
    "oms_consumer_batch_records_sum": "consumed_records",
    "oms_relay_batch_messages_count": "relay_batches",
    "oms_relay_batch_messages_sum": "relayed_messages",
    "oms_store_write_seconds_count": "store_writes",
    "oms_store_aggregate_loads_total": "store_aggregate_loads",
}


def read_counters(urls: Mapping[str, str]) -> dict[str, dict[str, float]]:
    return {name: _counters(httpx.get(f"{url}/metrics", timeout=10).text) for name, url in urls.items()}


def _counters(text: str) -> dict[str, float]:
    found: dict[str, float] = defaultdict(float)
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            if sample.name in SAMPLES:
                found[SAMPLES[sample.name]] += sample.value
            elif sample.name == "oms_messages_consumed_total":
                found[f"consumed_{sample.labels['outcome']}"] += sample.value
    return dict(found)


def per_order(before: Mapping[str, Mapping[str, float]], after: Mapping[str, Mapping[str, float]],
              orders: int) -> dict[str, dict[str, float]]:
    """Per service: each counter's growth per order, and the mean batch sizes."""
    report = {}
    for name, now in after.items():
        grown = {key: value - before.get(name, {}).get(key, 0.0) for key, value in now.items()}
        row = {f"{key}_per_order": round(value / orders, 2) for key, value in sorted(grown.items())}
        if grown.get("consumer_batches"):
            row["records_per_consumer_batch"] = round(grown["consumed_records"] / grown["consumer_batches"], 1)
        if grown.get("relay_batches"):
            row["messages_per_relay_batch"] = round(grown["relayed_messages"] / grown["relay_batches"], 1)
        report[name] = row
    return report
