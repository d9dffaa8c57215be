"""What the ingest domain refuses to do, by name."""


class IngestError(Exception):
    """Base of the ingest domain's errors."""


class DeliveryAlreadyRecorded(IngestError):
    """The same delivery of a channel order was already recorded; recording it twice would lie."""


class UpdateAlreadyRecorded(IngestError):
    """An update with this id was already applied to the order."""


class ChannelOrderContentDiffers(IngestError):
    """The channel order was accepted with other content; changes must come as updates."""

    def __init__(self, order_id: str, order_number: str):
        super().__init__(
            f"channel order already accepted as {order_number} with different content; "
            "send changes as updates"
        )
        self.order_id = order_id
        self.order_number = order_number


class UpdateAlreadyRejected(IngestError):
    """An update with this id was rejected before; the same id cannot be sent again."""

    def __init__(self, update_id: str, rejection_id: str):
        super().__init__(f"update {update_id!r} was already rejected (rejection {rejection_id})")
        self.update_id = update_id
        self.rejection_id = rejection_id


class OrderNumbersExhausted(IngestError):
    """A day has no order numbers left."""
