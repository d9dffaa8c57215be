"""What every service says about itself: readiness, relay position, dead letters, parked messages."""

from __future__ import annotations

import os
from dataclasses import dataclass

import httpx
from prometheus_client.parser import text_string_to_metric_families

SERVICE_PORTS = {"projection": 8000, "ingest": 8001, "order": 8002, "inventory": 8003,
                 "fulfillment": 8004, "tracking": 8005, "ledger": 8006}


def service_url(name: str) -> str:
    default = f"http://127.0.0.1:{os.environ.get(f'OMS_{name.upper()}_PORT', SERVICE_PORTS[name])}"
    return os.environ.get(f"OMS_{name.upper()}_URL", default)


@dataclass(frozen=True)
class ServiceStatus:
    name: str
    url: str
    ready: bool
    detail: str
    relay_position: float | None = None
    relay_lag: float | None = None
    dead_letters: float = 0.0
    # Consumed messages waiting for a fact from another topic (oms_platform.messaging.parking).
    parked: float = 0.0


async def service_status(client: httpx.AsyncClient, name: str) -> ServiceStatus:
    url = service_url(name)
    try:
        ready = await client.get(f"{url}/health/ready")
        metrics = await client.get(f"{url}/metrics")
    except httpx.HTTPError as error:
        return ServiceStatus(name, url, False, f"unreachable: {type(error).__name__}")
    is_json = ready.headers.get("content-type", "").startswith("application/json")
    checks = ready.json().get("checks", {}) if is_json else {}
    failing = {k: v for k, v in checks.items() if v != "ok"}
    samples = {s.name: s.value for family in text_string_to_metric_families(metrics.text) for s in family.samples
               if not s.labels or s.name.startswith("oms_relay")}
    dead = _total(metrics.text, "oms_dead_letters_total")
    detail = "; ".join(f"{k}: {v}" for k, v in failing.items()) or "ok"
    return ServiceStatus(name, url, ready.status_code == 200, detail,
                         samples.get("oms_relay_position"), samples.get("oms_relay_lag_events"), dead,
                         _total(metrics.text, "oms_parked_messages"))


def _total(text: str, sample_name: str) -> float:
    """The sum of a metric over all its labels."""
    return sum(s.value for family in text_string_to_metric_families(text) for s in family.samples
               if s.name == sample_name)
