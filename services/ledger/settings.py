from typing import ClassVar

from pydantic import Field

from oms_platform.settings import ServiceSettings


class LedgerSettings(ServiceSettings):
    service_name: ClassVar[str] = "ledger"

    port: int = Field(8006, ge=1, le=65535, validation_alias="OMS_LEDGER_PORT")
