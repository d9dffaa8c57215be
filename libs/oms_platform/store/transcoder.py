"""A JSON transcoder that stamps every recorded event with the message context.

Correlation and causation ids belong to the work that produced an event, not to the domain, so they
ride beside the event's state instead of in every event class. Aggregates never see them; the relay
reads them back to fill the envelope.
"""

from __future__ import annotations

from typing import Any

from eventsourcing.persistence import JSONTranscoder

from oms_platform.messaging.context import current_context

META_KEY = "__oms_meta__"


class StampingTranscoder(JSONTranscoder):
    def encode(self, obj: Any) -> bytes:
        context = current_context()
        if context is not None and isinstance(obj, dict):
            obj = {
                **obj,
                META_KEY: {
                    "correlation_id": context.correlation_id,
                    "causation_id": context.causation_id,
                },
            }
        return super().encode(obj)

    def decode(self, data: bytes) -> Any:
        state = super().decode(data)
        if isinstance(state, dict):
            state.pop(META_KEY, None)
        return state

    def decode_meta(self, data: bytes) -> dict[str, str]:
        """The ids stamped on a stored event, or {} when it was recorded outside any context."""
        state = super().decode(data)
        meta = state.get(META_KEY) if isinstance(state, dict) else None
        return dict(meta) if isinstance(meta, dict) else {}
