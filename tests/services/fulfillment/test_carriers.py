"""Carrier rules (F2 minimal): express or urgent -> SF, outside mainland -> EMS, else the cheapest."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from oms_kernel.money import Money
from services.fulfillment.domain.carriers import (
    ShippingRequest,
    carrier_chosen_by_operator,
    choose_carrier,
    rates_for,
    tracking_numbers_for,
)
from services.fulfillment.domain.errors import TrackingNumberRequired
from services.fulfillment.domain.values import ServiceLevel
from tests.services.fulfillment.builders import HANGZHOU


def request(*, level: ServiceLevel = ServiceLevel.STANDARD, priority: int = 2, grams: int = 500,
            **address_changes: str) -> ShippingRequest:
    return ShippingRequest(replace(HANGZHOU, **address_changes), level, priority, grams)


@pytest.mark.parametrize("level", [ServiceLevel.EXPRESS, ServiceLevel.NEXT_DAY, ServiceLevel.SAME_DAY])
def test_express_requested_goes_with_sf_at_that_level(level):
    choice = choose_carrier(request(level=level))

    assert (choice.carrier_code, choice.rule_id, choice.service_level) == ("SF", "urgent-express", level)


def test_an_urgent_order_goes_with_sf_express_even_when_standard_was_requested():
    choice = choose_carrier(request(priority=4))

    assert (choice.carrier_code, choice.service_level) == ("SF", ServiceLevel.EXPRESS)


def test_express_wins_over_a_destination_outside_the_mainland():
    assert choose_carrier(request(level=ServiceLevel.EXPRESS, country_code="HK")).carrier_code == "SF"


@pytest.mark.parametrize("address", [{"country_code": "DE", "province": "Berlin"},
                                     {"country_code": "HK", "province": ""},
                                     {"country_code": "CN", "province": "Hong Kong"},
                                     {"country_code": "CN", "province": "台湾"}])
def test_outside_mainland_china_goes_with_ems(address):
    choice = choose_carrier(request(**address))

    assert (choice.carrier_code, choice.rule_id, choice.zone) == ("EMS", "outside-mainland-ems", "outside-mainland")


def test_a_mainland_standard_parcel_goes_with_the_cheapest_carrier_of_the_zone():
    choice = choose_carrier(request())

    assert (choice.carrier_code, choice.rule_id, choice.zone) == ("ZTO", "cheapest-by-zone", "mainland")
    assert choice.rate == Money("CNY", 800)
    assert [rate.carrier_code for rate in choice.alternatives] == ["EMS", "SF"]


def test_rates_charge_each_started_kilogram_after_the_first():
    rates = {rate.carrier_code: rate.rate.minor_units for rate in rates_for(request(grams=2500))}

    assert rates == {"ZTO": 800 + 2 * 300, "EMS": 1200 + 2 * 500, "SF": 2300 + 2 * 1400}


def test_an_operator_choice_is_priced_when_the_carrier_is_in_the_table():
    choice = carrier_chosen_by_operator(request(), "SF")

    assert (choice.carrier_code, choice.rule_id, choice.rate) == ("SF", "operator-choice", Money("CNY", 2300))
    assert carrier_chosen_by_operator(request(), "YUNDA").rate is None


def test_tracking_numbers_are_the_carrier_prefix_and_twelve_digits_stable_per_shipment_and_parcel():
    first = tracking_numbers_for("0b8d4f1e-5c2a-4e7b-9d3f-1a2b3c4d5e6f", "SF", 2)

    assert all(re.fullmatch(r"SF\d{12}", number) for number in first)
    assert first[0] != first[1]
    assert tracking_numbers_for("0b8d4f1e-5c2a-4e7b-9d3f-1a2b3c4d5e6f", "SF", 2) == first
    assert tracking_numbers_for("7c1e2d3f-0000-4e7b-9d3f-1a2b3c4d5e6f", "SF", 2) != first


def test_no_tracking_number_is_made_up_for_a_carrier_without_integration():
    with pytest.raises(TrackingNumberRequired):
        tracking_numbers_for("0b8d4f1e-5c2a-4e7b-9d3f-1a2b3c4d5e6f", "YUNDA", 1)
