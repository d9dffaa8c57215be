import os
from typing import ClassVar

from pydantic import Field

from oms_platform.settings import ServiceSettings


def _local_service_url(name: str, default_port: int) -> str:
    # Without an explicit URL, follow the service's own port variable, so a stack that moves the
    # order service to another port (make run, tests) needs no second variable to keep in step.
    return f"http://127.0.0.1:{os.environ.get(f'OMS_{name.upper()}_PORT', default_port)}"


class ProjectionSettings(ServiceSettings):
    service_name: ClassVar[str] = "projection"

    port: int = Field(8000, ge=1, le=65535, validation_alias="OMS_PROJECTION_PORT")
    # Where the dashboard's operator commands go: the services that own the orders and shipments.
    order_url: str = Field(default_factory=lambda: _local_service_url("order", 8002), validation_alias="OMS_ORDER_URL")
    fulfillment_url: str = Field(
        default_factory=lambda: _local_service_url("fulfillment", 8004), validation_alias="OMS_FULFILLMENT_URL"
    )
    command_timeout_seconds: float = Field(10.0, gt=0, validation_alias="OMS_COMMAND_TIMEOUT_SECONDS")
    # Records a rebuild fetches and writes per view transaction: fewer keeps less in memory.
    rebuild_batch_records: int = Field(20000, ge=1, validation_alias="OMS_REBUILD_BATCH_RECORDS")
