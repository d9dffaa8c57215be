"""Domain values <-> inventory's contract shapes: stock levels, lines, allocations, reason codes.

Money, instants and the enums the domain has as Enum classes convert with the shared
`oms_platform.contract_values`. What stays here is inventory's own: its reasons (why a reservation
failed, why it was released) are plain codes in its events, "order_cancelled" for
RELEASE_REASON_ORDER_CANCELLED, and a code either side does not know is "unspecified" rather than
an error: a release goes ahead whatever its reason, or the stock would stay reserved for ever.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from enum import Enum
from typing import Any, TypeVar, cast

from google.protobuf.internal.enum_type_wrapper import EnumTypeWrapper

from oms.common.v1.line_quantity_pb2 import LineQuantity, WarehouseAllocation
from oms.inventory.v1.inventory_pb2 import StockLevel
from oms_platform.contract_values import enum_to_contract
from services.inventory.domain.sourcing import RequestedLine

UNSPECIFIED = "unspecified"


def stock_level(on_hand: int, reserved: int) -> StockLevel:
    return StockLevel(on_hand=on_hand, reserved=reserved, available=on_hand - reserved)


def line_quantities(lines: Iterable[Mapping[str, Any]]) -> list[LineQuantity]:
    return [LineQuantity(line_id=ln["line_id"], sku=ln["sku"], quantity=ln["quantity"]) for ln in lines]


def warehouse_allocation(data: Mapping[str, Any]) -> WarehouseAllocation:
    return WarehouseAllocation(warehouse_id=data["warehouse_id"], lines=line_quantities(data["lines"]))


def requested_lines(lines: Iterable[LineQuantity]) -> tuple[RequestedLine, ...]:
    return tuple(RequestedLine(line.line_id, line.sku, line.quantity) for line in lines)


ContractEnum = TypeVar("ContractEnum", bound=int)


def contract_enum(enum_type: type[ContractEnum], member: Enum) -> ContractEnum:
    """The shared `enum_to_contract`, typed as the generated enum a message field expects."""
    # protoc's enums are typed as int subclasses in the stubs; at run time they are (untyped)
    # EnumTypeWrapper objects whose values are plain ints.
    return cast(ContractEnum, enum_to_contract(enum_type, member))


def code_to_contract(enum_type: type[ContractEnum], code: str) -> ContractEnum:
    """Code "order_cancelled" -> RELEASE_REASON_ORDER_CANCELLED; codes the contract lacks -> 0."""
    enum: EnumTypeWrapper = enum_type  # see contract_enum
    name = _prefix(enum) + code.upper()
    return enum.Value(name) if name in enum.keys() else cast(ContractEnum, 0)  # noqa: SIM118 - no dict


def code_from_contract(enum_type: type[int], value: int) -> str:
    """RELEASE_REASON_ORDER_CANCELLED -> "order_cancelled"; values this build does not know -> "unspecified"."""
    enum: EnumTypeWrapper = enum_type  # see contract_enum
    try:
        name = enum.Name(value)
    except ValueError:
        return UNSPECIFIED
    return name.removeprefix(_prefix(enum)).lower()


def _prefix(enum: EnumTypeWrapper) -> str:
    """`RELEASE_REASON_` for the enum whose zero is `RELEASE_REASON_UNSPECIFIED` (the contracts' rule)."""
    return str(enum.Name(0)).removesuffix("UNSPECIFIED")
