"""What the tracking domain refuses, by name."""

from __future__ import annotations


class TrackingError(Exception):
    """Base of the tracking domain's refusals."""


class UnknownCarrier(TrackingError):
    def __init__(self, carrier_code: str, known_carriers: tuple[str, ...] = ()):
        known = f"; known carriers: {', '.join(known_carriers)}" if known_carriers else ""
        super().__init__(f"no code table for carrier {carrier_code!r}{known}")
        self.carrier_code = carrier_code
        self.known_carriers = known_carriers


class UnmappableCarrierEvent(TrackingError):
    def __init__(self, carrier_code: str, event_code: str, valid_codes: tuple[str, ...] = ()):
        valid = f"; {carrier_code}'s event codes are {', '.join(valid_codes)}" if valid_codes else ""
        super().__init__(f"carrier {carrier_code!r} event code {event_code!r} maps to no checkpoint{valid}")
        self.carrier_code = carrier_code
        self.event_code = event_code
        self.valid_codes = valid_codes


class UnknownTrackingNumber(TrackingError):
    def __init__(self, carrier_code: str, tracking_number: str):
        super().__init__(f"no dispatched shipment has {carrier_code} tracking number {tracking_number!r}")
        self.carrier_code = carrier_code
        self.tracking_number = tracking_number


class TrackingNumberTaken(TrackingError):
    def __init__(self, carrier_code: str, tracking_number: str, shipment_id: str):
        super().__init__(
            f"{carrier_code} tracking number {tracking_number!r} already belongs to shipment {shipment_id}"
        )


class UnknownShipment(TrackingError):
    def __init__(self, shipment_id: str):
        super().__init__(f"shipment {shipment_id!r} has not been dispatched")
        self.shipment_id = shipment_id


class UnknownOrder(TrackingError):
    def __init__(self, order_id: str):
        super().__init__(f"no timeline for order {order_id!r}")
        self.order_id = order_id


class ShipmentAlreadyDelivered(TrackingError):
    def __init__(self, shipment_id: str):
        super().__init__(f"shipment {shipment_id} is already delivered; its tracking is closed")
        self.shipment_id = shipment_id


class NotACarrierCheckpoint(TrackingError):
    def __init__(self, checkpoint: str):
        super().__init__(f"{checkpoint} is not reported by carriers")
        self.checkpoint = checkpoint
