from typing import ClassVar

from pydantic import Field

from oms_platform.settings import ServiceSettings


class IngestSettings(ServiceSettings):
    service_name: ClassVar[str] = "ingest"

    port: int = Field(8001, ge=1, le=65535, validation_alias="OMS_INGEST_PORT")
