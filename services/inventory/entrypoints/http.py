"""The inventory HTTP API: catalogue, stock levels and movements, warehouses, reservations.

Routes only parse, call the application and shape the answer; the rules live in the domain.
"""

from __future__ import annotations

from fastapi import APIRouter, Query, Request, Response, status

from oms_platform.http import NotFound, problem_responses
from oms_platform.service import service_application
from services.inventory.application.service import InventoryApplication
from services.inventory.domain.errors import ReservationNotFound, UnknownProduct
from services.inventory.domain.warehouses import WAREHOUSES
from services.inventory.entrypoints import schemas
from services.inventory.entrypoints.problems import refusals_as_problems

router = APIRouter()
COMMAND_PROBLEMS = problem_responses(400, 409, 422)


def _app(request: Request) -> InventoryApplication:
    return service_application(request, InventoryApplication)


@router.post("/catalogue/products", tags=["catalogue"], status_code=status.HTTP_201_CREATED,
             response_model=schemas.CataloguedOut,
             responses={200: {"description": "Known SKU: listing changed or unchanged", "model": schemas.CataloguedOut},
                        **COMMAND_PROBLEMS})
def catalogue_product(body: schemas.ProductIn, request: Request, response: Response) -> schemas.CataloguedOut:
    """Add a product to the catalogue or change its listing (publishes ProductCatalogued)."""
    with refusals_as_problems():
        product, outcome = _app(request).catalogue_product(body.sku, body.listing())
    if outcome != "created":
        response.status_code = status.HTTP_200_OK
    return schemas.CataloguedOut(**schemas.ProductOut.of(product).model_dump(), outcome=outcome)


@router.get("/catalogue/products", tags=["catalogue"], response_model=list[schemas.ProductOut])
def list_products(request: Request) -> list[schemas.ProductOut]:
    return [schemas.ProductOut.of(p) for p in _app(request).products()]


@router.get("/catalogue/products/{sku}", tags=["catalogue"], response_model=schemas.ProductOut,
            responses=problem_responses(404))
def get_product(sku: str, request: Request) -> schemas.ProductOut:
    try:
        return schemas.ProductOut.of(_app(request).product(sku))
    except UnknownProduct:
        raise NotFound("product", sku) from None


@router.post("/stock/receipts", tags=["stock"], status_code=status.HTTP_201_CREATED,
             response_model=schemas.ReceiptOut,
             responses={200: {"description": "This reference was booked before; nothing changed",
                              "model": schemas.ReceiptOut}, **COMMAND_PROBLEMS})
def receive_stock(body: schemas.ReceiptIn, request: Request, response: Response) -> schemas.ReceiptOut:
    """Book goods into a warehouse (publishes StockReceived and AvailabilityChanged)."""
    with refusals_as_problems():
        item, booked = _app(request).receive_stock(body.sku, body.warehouse_id, body.quantity, body.reference,
                                                   body.kind)
    if not booked:
        response.status_code = status.HTTP_200_OK
    level = schemas.StockLevelOut.of(item.sku, item.warehouse_id, item.level)
    return schemas.ReceiptOut(**level.model_dump(), booked=booked)


@router.post("/stock/adjustments", tags=["stock"], status_code=status.HTTP_201_CREATED,
             response_model=schemas.StockLevelOut, responses=COMMAND_PROBLEMS)
def adjust_stock(body: schemas.AdjustmentIn, request: Request) -> schemas.StockLevelOut:
    """Correct on-hand stock (damage, loss, found); 409 if it would fall below what is reserved."""
    with refusals_as_problems():
        item = _app(request).adjust_stock(body.sku, body.warehouse_id, body.delta, body.reason, body.note)
    return schemas.StockLevelOut.of(item.sku, item.warehouse_id, item.level)


@router.post("/stock/counts", tags=["stock"], status_code=status.HTTP_201_CREATED,
             response_model=schemas.StockLevelOut, responses=COMMAND_PROBLEMS)
def count_stock(body: schemas.CountIn, request: Request) -> schemas.StockLevelOut:
    """Record a cycle count: on hand becomes what was counted; 409 if that is below what is reserved."""
    with refusals_as_problems():
        item = _app(request).count_stock(body.sku, body.warehouse_id, body.counted)
    return schemas.StockLevelOut.of(item.sku, item.warehouse_id, item.level)


@router.get("/stock/{sku}", tags=["stock"], response_model=schemas.SkuStockOut, responses=problem_responses(404))
def stock_of(sku: str, request: Request) -> schemas.SkuStockOut:
    try:
        levels = _app(request).stock_of(sku)
    except UnknownProduct:
        raise NotFound("product", sku) from None
    return schemas.SkuStockOut(
        sku=sku,
        on_hand=sum(level.on_hand for level in levels.values()),
        reserved=sum(level.reserved for level in levels.values()),
        available=sum(level.available for level in levels.values()),
        warehouses=[schemas.StockLevelOut.of(sku, w, level) for w, level in levels.items()],
    )


@router.get("/stock", tags=["stock"], response_model=list[schemas.StockLevelOut], responses=problem_responses(422))
def stock_in(request: Request, warehouse_id: str | None = Query(None, description="Only this warehouse")
             ) -> list[schemas.StockLevelOut]:
    with refusals_as_problems(location="query"):
        items = _app(request).stock_in(warehouse_id)
    return [schemas.StockLevelOut.of(i.sku, i.warehouse_id, i.level) for i in items]


@router.get("/warehouses", tags=["warehouses"], response_model=list[schemas.WarehouseOut])
def list_warehouses() -> list[schemas.WarehouseOut]:
    return [
        schemas.WarehouseOut(warehouse_id=w.warehouse_id, name=w.name, city=w.city,
                             serves_overseas=w.serves_overseas, provinces=sorted(w.provinces))
        for w in WAREHOUSES
    ]


@router.get("/reservations/{reservation_id}", tags=["reservations"], response_model=schemas.ReservationOut,
            responses=problem_responses(404))
def get_reservation(reservation_id: str, request: Request) -> schemas.ReservationOut:
    try:
        reservation = _app(request).reservation(reservation_id)
    except ReservationNotFound:
        raise NotFound("reservation", reservation_id) from None
    return schemas.ReservationOut.of(reservation)
