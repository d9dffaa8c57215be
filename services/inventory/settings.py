from typing import ClassVar

from pydantic import Field

from oms_platform.settings import ServiceSettings


class InventorySettings(ServiceSettings):
    service_name: ClassVar[str] = "inventory"

    port: int = Field(8003, ge=1, le=65535, validation_alias="OMS_INVENTORY_PORT")
