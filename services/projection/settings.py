from typing import ClassVar

from pydantic import Field

from oms_platform.settings import ServiceSettings


class ProjectionSettings(ServiceSettings):
    service_name: ClassVar[str] = "projection"

    port: int = Field(8000, ge=1, le=65535, validation_alias="OMS_PROJECTION_PORT")
