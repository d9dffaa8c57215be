"""Carrier selection (F2, minimal): a rate table by zone and weight, and rules tried in order.

1. urgent-express: express (or faster) requested, or an urgent order -> SF Express.
2. outside-mainland-ems: the destination is outside mainland China -> EMS.
3. cheapest-by-zone: the cheapest carrier serving the destination's zone.

Tracking numbers of the integrated carriers are derived from the shipment id, so a retried
dispatch, or a rebuild of the store, gives the same number.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass

from oms_kernel.money import Money
from services.fulfillment.domain.errors import TrackingNumberRequired
from services.fulfillment.domain.values import Address, ServiceLevel

MAINLAND = "mainland"
OUTSIDE_MAINLAND = "outside-mainland"
# OrderPriority.ORDER_PRIORITY_URGENT of the order contract: express or same-day orders.
URGENT_PRIORITY = 4
RATE_CURRENCY = "CNY"
TRACKING_DIGITS = 12


@dataclass(frozen=True)
class Tariff:
    """A carrier's price in one zone: the first kilogram, then each started kilogram."""

    carrier_code: str
    zone: str
    first_kg: int
    additional_kg: int
    transit_days: int

    def price(self, weight_grams: int) -> Money:
        extra_kg = max(0, -(-(weight_grams - 1000) // 1000))
        return Money(RATE_CURRENCY, self.first_kg + extra_kg * self.additional_kg)


TARIFFS = (
    Tariff("ZTO", MAINLAND, first_kg=800, additional_kg=300, transit_days=3),
    Tariff("EMS", MAINLAND, first_kg=1200, additional_kg=500, transit_days=3),
    Tariff("SF", MAINLAND, first_kg=2300, additional_kg=1400, transit_days=1),
    Tariff("EMS", OUTSIDE_MAINLAND, first_kg=9000, additional_kg=4000, transit_days=7),
    Tariff("SF", OUTSIDE_MAINLAND, first_kg=12000, additional_kg=5000, transit_days=3),
)
INTEGRATED_CARRIERS = frozenset(tariff.carrier_code for tariff in TARIFFS)


@dataclass(frozen=True)
class CarrierRate:
    carrier_code: str
    zone: str
    rate: Money
    transit_days: int


@dataclass(frozen=True)
class CarrierChoice:
    carrier_code: str
    service_level: ServiceLevel
    zone: str
    rate: Money | None  # None for a carrier outside the rate table, chosen by hand
    rule_id: str
    alternatives: tuple[CarrierRate, ...]


@dataclass(frozen=True)
class ShippingRequest:
    """What the rules look at."""

    destination: Address
    service_level: ServiceLevel
    priority: int
    weight_grams: int

    @property
    def zone(self) -> str:
        return MAINLAND if self.destination.is_mainland_china else OUTSIDE_MAINLAND


@dataclass(frozen=True)
class CarrierRule:
    rule_id: str
    applies: Callable[[ShippingRequest], bool]
    carrier_code: str | None  # None: the cheapest in the zone


CARRIER_RULES = (
    CarrierRule(
        "urgent-express",
        lambda request: request.service_level.is_express or request.priority >= URGENT_PRIORITY,
        "SF",
    ),
    CarrierRule("outside-mainland-ems", lambda request: request.zone == OUTSIDE_MAINLAND, "EMS"),
    CarrierRule("cheapest-by-zone", lambda request: True, None),
)


def choose_carrier(request: ShippingRequest) -> CarrierChoice:
    rates = rates_for(request)
    rule = next(rule for rule in CARRIER_RULES if rule.applies(request))
    chosen = rates[0] if rule.carrier_code is None else _rate_of(rates, rule.carrier_code)
    level = request.service_level
    if rule.rule_id == "urgent-express" and not level.is_express:
        level = ServiceLevel.EXPRESS
    return _choice(chosen.carrier_code, level, request.zone, chosen.rate, rule.rule_id, rates)


def carrier_chosen_by_operator(request: ShippingRequest, carrier_code: str) -> CarrierChoice:
    rates = rates_for(request)
    rate = next((r.rate for r in rates if r.carrier_code == carrier_code), None)
    return _choice(carrier_code, request.service_level, request.zone, rate, "operator-choice", rates)


def rates_for(request: ShippingRequest) -> list[CarrierRate]:
    """Every carrier's price for the request's zone, cheapest first."""
    rates = [
        CarrierRate(t.carrier_code, t.zone, t.price(request.weight_grams), t.transit_days)
        for t in TARIFFS
        if t.zone == request.zone
    ]
    return sorted(rates, key=lambda rate: (rate.rate.minor_units, rate.carrier_code))


def tracking_numbers_for(shipment_id: str, carrier_code: str, parcels: int) -> tuple[str, ...]:
    """One number per parcel: the carrier's prefix and 12 digits derived from the shipment."""
    if carrier_code not in INTEGRATED_CARRIERS:
        raise TrackingNumberRequired(carrier_code)
    return tuple(_tracking_number(shipment_id, carrier_code, index) for index in range(1, parcels + 1))


def _tracking_number(shipment_id: str, carrier_code: str, parcel_index: int) -> str:
    digest = hashlib.sha256(f"{shipment_id}/{carrier_code}/{parcel_index}".encode()).digest()
    digits = int.from_bytes(digest[:8], "big") % 10**TRACKING_DIGITS
    return f"{carrier_code}{digits:0{TRACKING_DIGITS}d}"


def _rate_of(rates: list[CarrierRate], carrier_code: str) -> CarrierRate:
    return next(rate for rate in rates if rate.carrier_code == carrier_code)


def _choice(carrier_code: str, level: ServiceLevel, zone: str, rate: Money | None, rule_id: str,
            rates: list[CarrierRate]) -> CarrierChoice:
    alternatives = tuple(r for r in rates if r.carrier_code != carrier_code)
    return CarrierChoice(carrier_code, level, zone, rate, rule_id, alternatives)
