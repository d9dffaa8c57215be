"""Each carrier's status codes, normalised to the four carrier checkpoints (T1).

SF Express reports numeric route codes; most other Chinese carriers (and our generic format) send
status words. When a code is not in the table, the Chinese status text carriers put in every scan
still tells the stage, so it is the fallback before giving up.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from services.tracking.domain.checkpoints import Checkpoint
from services.tracking.domain.errors import UnknownCarrier, UnmappableCarrierEvent

PICKUP, TRANSIT, OUT, DELIVERED = (
    Checkpoint.CARRIER_PICKUP,
    Checkpoint.TRANSIT_ARRIVAL,
    Checkpoint.OUT_FOR_DELIVERY,
    Checkpoint.DELIVERED,
)

SF_CODES: Mapping[str, Checkpoint] = {"50": PICKUP, "30": TRANSIT, "44": OUT, "80": DELIVERED}

GENERIC_CODES: Mapping[str, Checkpoint] = {
    "PICKED_UP": PICKUP,
    "COLLECTED": PICKUP,
    "ARRIVED": TRANSIT,
    "IN_TRANSIT": TRANSIT,
    "OUT_FOR_DELIVERY": OUT,
    "DELIVERING": OUT,
    "DELIVERED": DELIVERED,
    "SIGNED": DELIVERED,
}

# Most advanced stage first: "到达杭州，派送中" is out for delivery, not an arrival.
CHINESE_PHRASES: tuple[tuple[str, Checkpoint], ...] = (
    ("已签收", DELIVERED),
    ("签收成功", DELIVERED),
    ("派送中", OUT),
    ("派件中", OUT),
    ("正在派送", OUT),
    ("到达", TRANSIT),
    ("已揽收", PICKUP),
    ("已揽件", PICKUP),
    ("已收件", PICKUP),
)


@dataclass(frozen=True)
class CarrierCodeTable:
    carrier_code: str
    codes: Mapping[str, Checkpoint]

    def checkpoint_for(self, event_code: str, description: str = "") -> Checkpoint:
        checkpoint = self.codes.get(event_code.strip().upper())
        if checkpoint is not None:
            return checkpoint
        for phrase, fallback in CHINESE_PHRASES:
            if phrase in description:
                return fallback
        raise UnmappableCarrierEvent(self.carrier_code, event_code, tuple(self.codes))


CARRIERS: Mapping[str, CarrierCodeTable] = {
    code: CarrierCodeTable(code, codes)
    for code, codes in {
        "sf-express": SF_CODES,
        "zto": GENERIC_CODES,
        "yto": GENERIC_CODES,
        "sto": GENERIC_CODES,
        "yunda": GENERIC_CODES,
        "ems": GENERIC_CODES,
        "jd-logistics": GENERIC_CODES,
        "jt-express": GENERIC_CODES,
        "deppon": GENERIC_CODES,
        "generic": GENERIC_CODES,
    }.items()
}

ALIASES: Mapping[str, str] = {"sf": "sf-express", "jd": "jd-logistics", "jt": "jt-express"}


def aliases_of(carrier_code: str) -> tuple[str, ...]:
    return tuple(alias for alias, code in ALIASES.items() if code == carrier_code)


def canonical_carrier_code(carrier_code: str) -> str:
    """The one spelling a carrier is stored under, whether or not we have its code table."""
    code = carrier_code.strip().lower()
    return ALIASES.get(code, code)


def code_table(carrier_code: str) -> CarrierCodeTable:
    try:
        return CARRIERS[canonical_carrier_code(carrier_code)]
    except KeyError:
        raise UnknownCarrier(carrier_code, tuple(CARRIERS)) from None


def normal_tracking_number(tracking_number: str) -> str:
    # Carriers print tracking numbers in upper case but scanners and people type either.
    return tracking_number.strip().upper()
