"""Domain values <-> the shared contract types (money, lines, allocations, enums, timestamps)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import Any, TypeVar, cast

from google.protobuf.internal.enum_type_wrapper import EnumTypeWrapper
from google.protobuf.timestamp_pb2 import Timestamp

from oms.common.v1.line_quantity_pb2 import LineQuantity, WarehouseAllocation
from oms.common.v1.money_pb2 import Money
from oms.inventory.v1.inventory_pb2 import StockLevel
from services.inventory.domain.sourcing import RequestedLine


def money(currency: str, minor_units: int) -> Money:
    return Money(currency_code=currency, minor_units=minor_units)


def timestamp(moment: datetime) -> Timestamp:
    stamp = Timestamp()
    stamp.FromDatetime(moment if moment.tzinfo else moment.replace(tzinfo=UTC))
    return stamp


def stock_level(on_hand: int, reserved: int) -> StockLevel:
    return StockLevel(on_hand=on_hand, reserved=reserved, available=on_hand - reserved)


def line_quantities(lines: Iterable[Mapping[str, Any]]) -> list[LineQuantity]:
    return [LineQuantity(line_id=ln["line_id"], sku=ln["sku"], quantity=ln["quantity"]) for ln in lines]


def warehouse_allocation(data: Mapping[str, Any]) -> WarehouseAllocation:
    return WarehouseAllocation(warehouse_id=data["warehouse_id"], lines=line_quantities(data["lines"]))


def requested_lines(lines: Iterable[LineQuantity]) -> tuple[RequestedLine, ...]:
    return tuple(RequestedLine(line.line_id, line.sku, line.quantity) for line in lines)


ContractEnum = TypeVar("ContractEnum", bound=int)


def enum_value(enum_type: type[ContractEnum], prefix: str, code: str) -> ContractEnum:
    """Domain code "order_cancelled" -> RELEASE_REASON_ORDER_CANCELLED; unknown codes -> 0."""
    # protoc's enums are typed as int subclasses in the stubs; at run time they are (untyped)
    # EnumTypeWrapper objects whose values are plain ints, so 0 is cast to the enum named.
    enum: EnumTypeWrapper = enum_type
    name = f"{prefix}_{code.upper()}"
    return enum.Value(name) if name in enum.keys() else cast(ContractEnum, 0)  # noqa: SIM118 - no dict


def enum_code(enum_type: type[int], prefix: str, value: int) -> str:
    """RELEASE_REASON_ORDER_CANCELLED -> "order_cancelled"; values this build does not know -> "unspecified"."""
    enum: EnumTypeWrapper = enum_type  # see enum_value
    try:
        name = enum.Name(value)
    except ValueError:
        return "unspecified"
    return name.removeprefix(f"{prefix}_").lower()
