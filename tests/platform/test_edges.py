"""A Kafka handler as a translation at the edge plus an application command of domain types."""

from dataclasses import dataclass

import pytest
from google.protobuf.wrappers_pb2 import StringValue

from oms.envelope.v1.envelope_pb2 import Envelope
from oms_kernel.money import Money
from oms_platform.messaging.consumer import Inbound, InvalidMessage, translated

INBOUND = Inbound(Envelope(event_id="e-1"), "topic", 0, 7, "key")


@dataclass(frozen=True)
class Charge:
    amount: Money
    event_id: str


def to_charge(message: StringValue, inbound: Inbound) -> Charge:
    currency, units = message.value.split(":")
    return Charge(Money(currency, int(units)), inbound.envelope.event_id)


def test_the_application_gets_the_domain_command_translated_at_the_edge() -> None:
    seen = []
    handler = translated(to_charge, lambda app, charge: seen.append((app, charge)) or ["recorded"])
    assert handler("app", StringValue(value="CNY:1234"), INBOUND) == ["recorded"]
    assert seen == [("app", Charge(Money("CNY", 1234), "e-1"))]


@pytest.mark.parametrize("value", ["yuan:1", "CNY:twelve", "no separator"])
def test_what_cannot_be_translated_is_an_invalid_message_naming_why(value) -> None:
    handler = translated(to_charge, lambda app, charge: pytest.fail("never handled"))
    with pytest.raises(InvalidMessage, match="StringValue: "):
        handler("app", StringValue(value=value), INBOUND)


def test_errors_of_the_application_are_its_own() -> None:
    def refuse(app, charge):
        raise ValueError("the application's own refusal")

    with pytest.raises(ValueError, match="own refusal"):
        translated(to_charge, refuse)("app", StringValue(value="CNY:1"), INBOUND)
