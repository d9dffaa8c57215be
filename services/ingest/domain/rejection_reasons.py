"""Why input was rejected, machine-readable (I2); the codes mirror oms.intake.v1.RejectionCode."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class RejectionCode(StrEnum):
    REQUIRED_FIELD_MISSING = "REQUIRED_FIELD_MISSING"
    INVALID_FORMAT = "INVALID_FORMAT"
    INVALID_PHONE = "INVALID_PHONE"
    INVALID_EMAIL = "INVALID_EMAIL"
    INVALID_ADDRESS = "INVALID_ADDRESS"
    UNKNOWN_SKU = "UNKNOWN_SKU"
    INVALID_QUANTITY = "INVALID_QUANTITY"
    PRICE_MISMATCH = "PRICE_MISMATCH"
    UNSUPPORTED_CURRENCY = "UNSUPPORTED_CURRENCY"
    CURRENCY_MISMATCH = "CURRENCY_MISMATCH"
    DUPLICATE_LINE_ID = "DUPLICATE_LINE_ID"
    UNDECODABLE_PAYLOAD = "UNDECODABLE_PAYLOAD"
    UNKNOWN_CHANNEL_ORDER = "UNKNOWN_CHANNEL_ORDER"
    VALUE_REFUSED = "VALUE_REFUSED"
    NO_LINES = "NO_LINES"


@dataclass(frozen=True)
class Reason:
    """One thing wrong with the input. `field_path` is relative to what was validated
    ("lines[1].sku"); "" means the input as a whole."""

    field_path: str
    code: RejectionCode
    message: str

    def __post_init__(self) -> None:
        # Stored reasons come back with the code as plain text.
        object.__setattr__(self, "code", RejectionCode(self.code))

    def under(self, root: str) -> Reason:
        """The same reason with its path inside an enclosing message ("order.lines[1].sku")."""
        if not root:
            return self
        path = f"{root}.{self.field_path}" if self.field_path else root
        return Reason(path, self.code, self.message)


class Findings:
    """Collects every reason found while validating, so none is lost to an early return."""

    def __init__(self) -> None:
        self.reasons: list[Reason] = []

    def add(self, field_path: str, code: RejectionCode, message: str) -> None:
        self.reasons.append(Reason(field_path, code, message))

    def __bool__(self) -> bool:
        return bool(self.reasons)
