"""How a piece of input reached ingest, kept with what became of it."""

from __future__ import annotations

from dataclasses import dataclass

KAFKA = "kafka"
HTTP = "http"


@dataclass(frozen=True)
class Delivery:
    """One arrival of input: its source ("kafka", "http"), the envelope's event id (Kafka only),
    and the bytes exactly as received, so a rejection can show staff what was sent."""

    source: str
    source_event_id: str
    payload: bytes
    content_type: str
    # Where the validated value sits inside the payload ("order" in a ChannelOrderPlaced), so
    # reasons name fields of the payload as it was sent.
    payload_root: str = ""
