"""libs/oms_platform/contracts.py: every generated message is reachable by its full name."""

from __future__ import annotations

import subprocess
import sys

import pytest
from google.protobuf.timestamp_pb2 import Timestamp

from oms_platform.contracts import UnknownMessageType, full_name, message_class, register_all_messages
from tests.contracts.contract_tools import REPO_ROOT, proto_files


def test_register_imports_one_module_per_proto_once():
    modules = register_all_messages()
    expected = sorted(name.removesuffix(".proto").replace("/", ".") + "_pb2" for name in proto_files())
    assert list(modules) == expected
    assert register_all_messages() is modules


def test_every_top_level_message_is_found_by_its_full_name(descriptors):
    for file in descriptors.values():
        for message in file.message_type:
            name = f"{file.package}.{message.name}"
            cls = message_class(name)
            assert full_name(cls) == name
            assert full_name(cls()) == name


def test_message_class_returns_the_generated_class():
    from oms.order.v1.lifecycle_events_pb2 import OrderApproved

    assert message_class("oms.order.v1.OrderApproved") is OrderApproved


@pytest.mark.parametrize("name", ["oms.order.v1.OrderTeleported", "", "OrderApproved", "oms.order.v2.OrderApproved"])
def test_an_unknown_name_raises_unknown_message_type(name: str):
    with pytest.raises(UnknownMessageType) as raised:
        message_class(name)
    assert raised.value.full_name == name


def test_full_name_refuses_what_is_not_a_message():
    with pytest.raises(TypeError):
        full_name("oms.order.v1.OrderApproved")  # type: ignore[arg-type]


def test_an_order_event_round_trips_through_the_envelope():
    from oms.envelope.v1.envelope_pb2 import Envelope
    from oms.order.v1.lifecycle_events_pb2 import OrderApproved
    from oms.order.v1.order_pb2 import ORDER_STATUS_APPROVED

    approved = OrderApproved(order_id="6f1c2c9e-0000-4000-8000-000000000001", status=ORDER_STATUS_APPROVED,
                             auto_approved=True)
    envelope = Envelope(event_id="e-1", type=full_name(approved), producer="order", aggregate_id=approved.order_id,
                        aggregate_version=3, store_position=42, occurred_at=Timestamp(seconds=1_790_000_000))
    envelope.payload.Pack(approved)
    received = Envelope.FromString(envelope.SerializeToString())
    assert received.payload.TypeName() == received.type == "oms.order.v1.OrderApproved"
    payload = message_class(received.type)()
    assert received.payload.Unpack(payload)
    assert payload == approved


def test_importing_the_loaders_has_no_side_effects():
    # No generated module imported, no catalogue read, until a function is called.
    probe = (
        "import sys, oms_platform.contracts, oms_platform.catalogue as c;"
        "assert not [m for m in sys.modules if m == 'oms' or m.startswith('oms.')], 'generated code imported';"
        "assert c._load.cache_info().currsize == 0, 'catalogue loaded'"
    )
    result = subprocess.run([sys.executable, "-c", probe], cwd=REPO_ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
