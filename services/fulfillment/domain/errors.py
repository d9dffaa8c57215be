"""Why the warehouse refuses a command; each error names what the caller has to fix."""

from __future__ import annotations

from dataclasses import dataclass


class FulfillmentError(Exception):
    """Base of every refusal of the fulfillment domain."""


class InvalidShipmentPlan(FulfillmentError):
    """The order service asked for a shipment that cannot exist (no lines, no warehouse...)."""


class ShipmentStateConflict(FulfillmentError):
    """The shipment's status does not allow the command (dispatch before pack, pick after cancel)."""

    def __init__(self, shipment_id: str, status: str, command: str):
        super().__init__(f"shipment {shipment_id} is {status}: cannot {command} it")
        self.shipment_id = shipment_id
        self.status = status
        self.command = command


@dataclass(frozen=True)
class PickProblem:
    """One wrong entry of a pick confirmation: its position, and "line_id" or "quantity"."""

    index: int
    line_id: str
    field: str
    code: str
    message: str


class PickRejected(FulfillmentError):
    def __init__(self, problems: tuple[PickProblem, ...]):
        super().__init__("; ".join(problem.message for problem in problems))
        self.problems = problems


class QualityCheckFailed(FulfillmentError):
    """A shipment that fails the packing check stays picked until it is packed again."""


class TrackingNumberRequired(FulfillmentError):
    """A carrier without an integration cannot issue numbers: the operator must enter one."""

    def __init__(self, carrier_code: str):
        super().__init__(f"carrier {carrier_code!r} has no integration; enter its tracking number")
        self.carrier_code = carrier_code
