"""Name-based ids as text are exactly what uuid.uuid5 gives, only cheaper."""

import uuid

import pytest

from oms_kernel.ids import name_based_id
from oms_platform.identity import order_id_for, reservation_id_for, shipment_id_for
from oms_platform.messaging.outbox import EVENT_ID_NAMESPACE


@pytest.mark.parametrize("name", ["", "a", "order/0b6f7a52/3/oms.order.events.v1", "订单:12345", "x" * 1000])
@pytest.mark.parametrize("namespace", [uuid.NAMESPACE_URL, EVENT_ID_NAMESPACE, uuid.UUID(int=0)])
def test_the_same_text_as_uuid5(namespace, name) -> None:
    assert name_based_id(namespace, name) == str(uuid.uuid5(namespace, name))


def test_the_shared_ids_did_not_change() -> None:
    # ids already in stores and on topics: computed the old way, they must still come out the same
    def old(namespace: str, name: str) -> str:
        return str(uuid.uuid5(uuid.UUID(namespace), name))

    assert order_id_for("tmall", "T1") == old("0b6f7a52-5d1e-4f1a-9a53-6d2f0c8e4a11", "tmall:T1")
    assert shipment_id_for("o", "WH-SH") == old("3c9d2e61-8b4f-4c7e-a0d5-1f6e9b2c7d83", "o:WH-SH")
    assert reservation_id_for("o") == old("7e1a4c93-2f6b-4d8e-b5c1-9a0d3e6f2b54", "o")
