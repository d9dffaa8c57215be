from typing import ClassVar

from pydantic import Field

from oms_platform.settings import ServiceSettings


class OrderSettings(ServiceSettings):
    service_name: ClassVar[str] = "order"

    port: int = Field(8002, ge=1, le=65535, validation_alias="OMS_ORDER_PORT")
