"""Input ingest refused (I2): kept with every reason and the original bytes, never dropped."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from eventsourcing.domain import Aggregate, event

from services.ingest.domain.delivery import Delivery
from services.ingest.domain.rejection_reasons import Reason
from services.ingest.domain.reported_order import ChannelOrderRef

ORDER = "order"
UPDATE = "update"


class Rejection(Aggregate):
    """A refused channel order (`subject` "order") or a refused update to one ("update")."""

    if TYPE_CHECKING:
        # Made at run time by the `@event` decorators below, with the decorated method's
        # parameters as fields; declared for the type checker (tests/services/
        # test_declared_events.py keeps the declarations in step with them).
        class Recorded(Aggregate.Created):
            rejection_id: str
            subject: str
            channel_order: ChannelOrderRef
            order_id: str
            update_id: str
            reasons: tuple[Reason, ...]
            delivery: Delivery

    @staticmethod
    def create_id(rejection_id: str) -> uuid.UUID:
        return uuid.UUID(rejection_id)

    @event("Recorded")
    def __init__(
        self,
        rejection_id: str,
        subject: str,
        channel_order: ChannelOrderRef,
        order_id: str,
        update_id: str,
        reasons: tuple[Reason, ...],
        delivery: Delivery,
    ) -> None:
        self.rejection_id = rejection_id
        self.subject = subject
        self.channel_order = channel_order
        # The order the input was about; "" when its channel order could not be identified.
        self.order_id = order_id
        self.update_id = update_id
        self.reasons = tuple(reasons)
        self.delivery = delivery
