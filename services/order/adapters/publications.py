"""How the order's recorded facts reach Kafka: its event, and the command it sends, if any."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from oms_platform.messaging.relay import Publication
from services.order.adapters.commands import command
from services.order.adapters.order_events import order_event

ORDER_EVENTS = "oms.order.events.v1"


def publications(domain_event: Any) -> Iterator[Publication]:
    # Every topic involved is keyed by the order id, so one order's messages stay in order.
    key = str(domain_event.originator_id)
    message = order_event(domain_event)
    if message is not None:
        yield Publication(ORDER_EVENTS, key, message)
    sent = command(domain_event)
    if sent is not None:
        topic, payload = sent
        yield Publication(topic, key, payload)
