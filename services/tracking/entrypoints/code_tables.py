"""The carrier code tables as integrators read them: in the OpenAPI document and in refusals.

Everything here is derived from `services.tracking.domain.carrier_codes`, the table the webhooks
map with, so what the documentation promises is what the mapping does.
"""

from __future__ import annotations

from collections.abc import Mapping

from services.tracking.domain.carrier_codes import CARRIERS, CHINESE_PHRASES, CarrierCodeTable, aliases_of
from services.tracking.domain.checkpoints import Checkpoint

CARRIER_LIST_PATH = "/carriers"


def carrier_label(carrier_code: str) -> str:
    """`jd-logistics (or jd)`: the stored spelling and the aliases the path also accepts."""
    aliases = aliases_of(carrier_code)
    return f"{carrier_code} (or {', '.join(aliases)})" if aliases else carrier_code


def carriers_by_table() -> list[tuple[tuple[str, ...], Mapping[str, Checkpoint]]]:
    """Carriers grouped by the table they share (most send the same status words), in table order."""
    groups: dict[int, list[CarrierCodeTable]] = {}
    for table in CARRIERS.values():
        groups.setdefault(id(table.codes), []).append(table)
    return [(tuple(t.carrier_code for t in tables), tables[0].codes) for tables in groups.values()]


def event_codes_by_carrier() -> dict[str, dict[str, str]]:
    """Every carrier's event codes and the checkpoint each one records, by checkpoint name."""
    return {
        carrier_code: {event_code: checkpoint.name for event_code, checkpoint in table.codes.items()}
        for carrier_code, table in CARRIERS.items()
    }


def event_code_description() -> str:
    """The `event_code` field's documentation: each carrier's codes and what they map to."""
    groups = [
        f"- {', '.join(carrier_label(code) for code in carriers)}: "
        + "; ".join(f"`{event_code}` → {checkpoint.name}" for event_code, checkpoint in codes.items())
        for carriers, codes in carriers_by_table()
    ]
    phrases = ", ".join(f"{phrase} → {checkpoint.name}" for phrase, checkpoint in CHINESE_PHRASES)
    return "\n".join([
        "The carrier's own status code (case and padding do not matter), mapped per carrier:",
        "",
        *groups,
        "",
        f"A code outside its carrier's table is still placed when `description` contains one of "
        f"these phrases, the first found deciding: {phrases}. Otherwise the event is refused with "
        f"422 `unmappable-carrier-event`, whose `valid_event_codes` lists the carrier's codes. "
        f"The same tables, as data: `GET {CARRIER_LIST_PATH}` (and `x-event-codes-by-carrier` here).",
    ])


def carrier_code_description() -> str:
    """The `carrier_code` path parameter's documentation: the carriers that have a code table."""
    carriers = ", ".join(carrier_label(code) for code in CARRIERS)
    return (f"The carrier, in any case: {carriers}. Any other carrier is refused, the problem's "
            f"`known_carriers` listing these.")


WEBHOOK_REFUSALS = (
    "The event cannot be placed: `unknown-carrier` (member `known_carriers`), "
    "`unmappable-carrier-event` (members `carrier_code` and `valid_event_codes`), or invalid fields."
)
