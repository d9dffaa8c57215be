"""Carrier status codes normalised to the four carrier checkpoints (T1)."""

import pytest

from services.tracking.domain.carrier_codes import (
    CARRIERS,
    canonical_carrier_code,
    code_table,
    normal_tracking_number,
)
from services.tracking.domain.checkpoints import Checkpoint
from services.tracking.domain.errors import UnknownCarrier, UnmappableCarrierEvent

PICKUP, TRANSIT, OUT, DELIVERED = (
    Checkpoint.CARRIER_PICKUP, Checkpoint.TRANSIT_ARRIVAL, Checkpoint.OUT_FOR_DELIVERY, Checkpoint.DELIVERED,
)


@pytest.mark.parametrize(("code", "checkpoint"), [("50", PICKUP), ("30", TRANSIT), ("44", OUT), ("80", DELIVERED)])
def test_sf_express_route_codes(code, checkpoint):
    assert code_table("sf-express").checkpoint_for(code) is checkpoint


@pytest.mark.parametrize("carrier", ["zto", "ems", "yto", "generic"])
@pytest.mark.parametrize(("code", "checkpoint"), [
    ("PICKED_UP", PICKUP), ("COLLECTED", PICKUP),
    ("ARRIVED", TRANSIT), ("IN_TRANSIT", TRANSIT),
    ("OUT_FOR_DELIVERY", OUT), ("DELIVERING", OUT),
    ("DELIVERED", DELIVERED), ("SIGNED", DELIVERED),
])
def test_status_word_carriers(carrier, code, checkpoint):
    assert code_table(carrier).checkpoint_for(code) is checkpoint


def test_status_words_are_read_whatever_their_case_and_padding():
    assert code_table("zto").checkpoint_for(" delivered ") is DELIVERED


@pytest.mark.parametrize(("description", "checkpoint"), [
    ("【杭州市】快件已揽收", PICKUP),
    ("快件到达【杭州转运中心】", TRANSIT),
    ("快件派送中，请保持电话畅通", OUT),
    ("到达【杭州西湖网点】，派送中", OUT),
    ("您的快件已签收，感谢使用", DELIVERED),
])
def test_chinese_descriptions_are_the_fallback_for_unknown_codes(description, checkpoint):
    assert code_table("sf-express").checkpoint_for("9999", description) is checkpoint
    assert code_table("zto").checkpoint_for("SCAN", description) is checkpoint


def test_a_known_code_wins_over_the_description():
    assert code_table("sf-express").checkpoint_for("50", "快件已签收") is PICKUP


def test_an_unknown_code_without_a_telling_description_is_unmappable():
    with pytest.raises(UnmappableCarrierEvent) as raised:
        code_table("sf-express").checkpoint_for("31", "快件离开【杭州转运中心】")
    assert (raised.value.carrier_code, raised.value.event_code) == ("sf-express", "31")
    assert raised.value.valid_codes == ("50", "30", "44", "80")
    assert "50, 30, 44, 80" in str(raised.value)


def test_sf_numeric_codes_are_not_status_words_of_other_carriers():
    with pytest.raises(UnmappableCarrierEvent):
        code_table("zto").checkpoint_for("80")


@pytest.mark.parametrize("code", ["dhl-unknown", "", "ups"])
def test_an_unknown_carrier_has_no_code_table(code):
    with pytest.raises(UnknownCarrier) as raised:
        code_table(code)
    assert raised.value.known_carriers == tuple(CARRIERS)


def test_carrier_aliases_and_spellings_meet_in_one_code():
    assert canonical_carrier_code(" SF ") == "sf-express"
    assert code_table("SF").carrier_code == "sf-express"
    assert canonical_carrier_code("JD") == "jd-logistics"
    assert canonical_carrier_code("Local-Courier") == "local-courier"  # kept, though it has no table


def test_tracking_numbers_are_compared_in_upper_case_without_padding():
    assert normal_tracking_number("  sf1234567890 ") == "SF1234567890"
