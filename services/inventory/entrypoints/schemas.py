"""The JSON shapes of the inventory API: requests validated field by field, responses documented."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

from oms_kernel.money import Money
from services.inventory.domain.catalogue import Listing, Product
from services.inventory.domain.reservation import Reservation
from services.inventory.domain.sourcing import Allocation
from services.inventory.domain.stock import AdjustmentReason, ReceiptKind, StockLevel

Sku = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
WarehouseId = Annotated[str, StringConstraints(min_length=1, max_length=32)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Units = Annotated[int, Field(strict=True)]  # JSON integers only: 1.5 units is a typo, not stock


class _Request(BaseModel):
    model_config = ConfigDict(extra="forbid")


class MoneyIn(_Request):
    currency: Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")] = Field(examples=["CNY"])
    minor_units: Annotated[int, Field(strict=True, ge=0)] = Field(
        description="Whole minor units (fen for CNY): 129.00 yuan is 12900.", examples=[12900])


class ProductIn(_Request):
    sku: Sku = Field(examples=["TEA-LJ-250"])
    name: Text = Field(examples=["西湖龙井茶 250g / West Lake Longjing tea 250 g"])
    unit_price: MoneyIn
    category: Text = Field(examples=["food/tea"])
    weight_grams: Annotated[int, Field(strict=True, ge=0)]
    active: bool = True
    safety_stock: Annotated[int, Field(strict=True, ge=0)] = Field(
        0, description="Alert when a warehouse's available stock falls below this; 0 for never.")

    def listing(self) -> Listing:
        return Listing(self.name, Money(self.unit_price.currency, self.unit_price.minor_units), self.category,
                       self.weight_grams, self.active, self.safety_stock)


class ReceiptIn(_Request):
    sku: Sku
    warehouse_id: WarehouseId = Field(examples=["WH-SH"])
    quantity: Annotated[int, Field(strict=True, gt=0)]
    reference: Text = Field(description="Identifies the receipt (PO number, RMA id): the same reference "
                                        "again books nothing.", examples=["PO-2024-0815"])
    kind: ReceiptKind = ReceiptKind.PURCHASE


class AdjustmentIn(_Request):
    sku: Sku
    warehouse_id: WarehouseId
    delta: Units = Field(description="Signed change of on-hand units; not 0.", examples=[-2])
    reason: AdjustmentReason
    note: Annotated[str, StringConstraints(max_length=500)] = ""

    @field_validator("delta")
    @classmethod
    def _not_zero(cls, delta: int) -> int:
        if delta == 0:
            raise ValueError("must not be 0")
        return delta


class CountIn(_Request):
    sku: Sku
    warehouse_id: WarehouseId
    counted: Annotated[int, Field(strict=True, ge=0)]


class MoneyOut(BaseModel):
    currency: str
    minor_units: int


class ProductOut(BaseModel):
    sku: str
    name: str
    unit_price: MoneyOut
    category: str
    weight_grams: int
    active: bool
    safety_stock: int

    @classmethod
    def of(cls, product: Product) -> ProductOut:
        listing = product.listing
        price = MoneyOut(currency=listing.unit_price.currency, minor_units=listing.unit_price.minor_units)
        return cls(sku=product.sku, name=listing.name, unit_price=price, category=listing.category,
                   weight_grams=listing.weight_grams, active=listing.active, safety_stock=listing.safety_stock)


class CataloguedOut(ProductOut):
    outcome: Literal["created", "changed", "unchanged"] = Field(
        description="Whether the product was new, its listing changed, or the same listing was sent again.")


class StockLevelOut(BaseModel):
    sku: str
    warehouse_id: str
    on_hand: int
    reserved: int
    available: int

    @classmethod
    def of(cls, sku: str, warehouse_id: str, level: StockLevel) -> StockLevelOut:
        return cls(sku=sku, warehouse_id=warehouse_id, on_hand=level.on_hand, reserved=level.reserved,
                   available=level.available)


class ReceiptOut(StockLevelOut):
    booked: bool = Field(description="False when this reference was booked before and nothing changed.")


class SkuStockOut(BaseModel):
    sku: str
    on_hand: int
    reserved: int
    available: int
    warehouses: list[StockLevelOut]


class WarehouseOut(BaseModel):
    warehouse_id: str
    name: str
    city: str
    serves_overseas: bool
    provinces: list[str]


class LineOut(BaseModel):
    line_id: str
    sku: str
    quantity: int


class AllocationOut(BaseModel):
    warehouse_id: str
    lines: list[LineOut]

    @classmethod
    def of(cls, allocation: Allocation) -> AllocationOut:
        lines = [LineOut(line_id=line.line_id, sku=line.sku, quantity=line.quantity) for line in allocation.lines]
        return cls(warehouse_id=allocation.warehouse_id, lines=lines)


class ReservationOut(BaseModel):
    reservation_id: str
    order_id: str
    status: str
    sourcing_rule: str
    failure_reason: str
    held: list[AllocationOut] = Field(description="What each warehouse still holds for the order.")

    @classmethod
    def of(cls, reservation: Reservation) -> ReservationOut:
        return cls(reservation_id=reservation.reservation_id, order_id=reservation.order_id,
                   status=reservation.status, sourcing_rule=reservation.sourcing_rule,
                   failure_reason=reservation.failure_reason,
                   held=[AllocationOut.of(allocation) for allocation in reservation.held()])
