import pytest

from oms_platform.store import open_application
from services.order.application.service import OrderApplication
from services.order.settings import OrderSettings


@pytest.fixture
def order_app(store_backend):
    """The order store alone, in a schema of this test's own on the session's PostgreSQL database."""
    settings_class = type("OrderStoreSettings", (OrderSettings,),
                          {"service_name": f"order_{store_backend.schema_suffix}"})
    app = open_application(OrderApplication, settings_class(data_dir=store_backend.data_dir,
                                                            database_url=store_backend.database_url))
    yield app
    app.close()
