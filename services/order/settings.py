from typing import ClassVar

from pydantic import Field

from oms_platform.settings import ServiceSettings


class OrderSettings(ServiceSettings):
    service_name: ClassVar[str] = "order"

    port: int = Field(8002, ge=1, le=65535, validation_alias="OMS_ORDER_PORT")
    # Automatic review (O3): an order breaking any of these waits in the manual review queue.
    review_rules_version: str = Field("basic-1", min_length=1, validation_alias="OMS_ORDER_REVIEW_RULES_VERSION")
    review_max_line_quantity: int = Field(50, ge=1, validation_alias="OMS_ORDER_REVIEW_MAX_LINE_QUANTITY")
    review_cod_limit_minor_units: int = Field(
        500_000, ge=0, validation_alias="OMS_ORDER_REVIEW_COD_LIMIT_MINOR_UNITS"
    )
    review_cod_limit_currency: str = Field(
        "CNY", pattern=r"^[A-Z]{3}$", validation_alias="OMS_ORDER_REVIEW_COD_LIMIT_CURRENCY"
    )
