from typing import ClassVar

from pydantic import Field

from oms_platform.settings import ServiceSettings


class TrackingSettings(ServiceSettings):
    service_name: ClassVar[str] = "tracking"

    port: int = Field(8005, ge=1, le=65535, validation_alias="OMS_TRACKING_PORT")
