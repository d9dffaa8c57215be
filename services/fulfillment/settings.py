from typing import ClassVar

from pydantic import Field

from oms_platform.settings import ServiceSettings


class FulfillmentSettings(ServiceSettings):
    service_name: ClassVar[str] = "fulfillment"

    port: int = Field(8004, ge=1, le=65535, validation_alias="OMS_FULFILLMENT_PORT")
