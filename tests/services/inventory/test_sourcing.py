"""Sourcing rules (V3 basic): one pure function, no store, no broker."""

from services.inventory.domain.sourcing import (
    INSUFFICIENT_STOCK,
    RULE_ANY_SINGLE,
    RULE_PREFERRED,
    RULE_REGION,
    RULE_SPLIT,
    SPLIT_NOT_ALLOWED,
    Allocation,
    Destination,
    LineShortfall,
    Preference,
    RequestedLine,
    SourcingPlan,
    Unfillable,
    source,
)

HANGZHOU = Destination("CN", "浙江省")
GUANGZHOU = Destination("CN", "广东省")
BEIJING = Destination("CN", "北京市")
BERLIN = Destination("DE", "BE")

TEA = RequestedLine("1", "TEA", 2)
CUP = RequestedLine("2", "CUP", 1)


def supply(**levels: int) -> dict[tuple[str, str], int]:
    """supply(TEA_SH=5) -> {("TEA", "WH-SH"): 5}."""
    return {(key.split("_")[0], "WH-" + key.split("_")[1]): units for key, units in levels.items()}


def test_the_region_warehouse_serves_when_it_can_fill_every_line():
    plan = source([TEA, CUP], supply(TEA_SH=5, CUP_SH=5, TEA_BJ=9, CUP_BJ=9), HANGZHOU)

    assert plan == SourcingPlan((Allocation("WH-SH", (TEA, CUP)),), RULE_REGION)


def test_the_region_follows_the_province_however_it_is_written():
    stock = supply(TEA_SH=9, TEA_GZ=9, TEA_BJ=9)

    assert source([TEA], stock, Destination("CN", "广东")).allocations[0].warehouse_id == "WH-GZ"
    assert source([TEA], stock, Destination("", "Guangdong")).allocations[0].warehouse_id == "WH-GZ"
    assert source([TEA], stock, Destination("CN", "新疆维吾尔自治区")).allocations[0].warehouse_id == "WH-BJ"
    assert source([TEA], stock, BERLIN).allocations[0].warehouse_id == "WH-SH"


def test_a_single_far_warehouse_beats_a_split_with_the_near_one():
    plan = source([TEA, CUP], supply(TEA_GZ=5, CUP_GZ=0, TEA_BJ=2, CUP_BJ=1), GUANGZHOU)

    assert plan == SourcingPlan((Allocation("WH-BJ", (TEA, CUP)),), RULE_ANY_SINGLE)


def test_an_unknown_province_still_gets_any_warehouse_that_can_fill_it():
    plan = source([TEA], supply(TEA_GZ=2), Destination("CN", "Atlantis"))

    assert plan == SourcingPlan((Allocation("WH-GZ", (TEA,)),), RULE_ANY_SINGLE)


def test_a_split_uses_the_fewest_warehouses_with_the_region_warehouse_first():
    big_tea = RequestedLine("1", "TEA", 5)
    plan = source([big_tea, CUP], supply(TEA_SH=1, TEA_GZ=3, CUP_GZ=1, TEA_BJ=2), BEIJING)

    assert plan.rule == RULE_SPLIT
    assert plan.allocations == (
        Allocation("WH-BJ", (RequestedLine("1", "TEA", 2),)),
        Allocation("WH-GZ", (RequestedLine("1", "TEA", 3), CUP)),
    )


def test_a_split_over_two_warehouses_is_preferred_to_three():
    lines = [RequestedLine("1", "TEA", 4), RequestedLine("2", "CUP", 4)]
    plan = source(lines, supply(TEA_SH=4, CUP_SH=1, TEA_GZ=1, CUP_GZ=1, CUP_BJ=3, TEA_BJ=1), HANGZHOU)

    assert [a.warehouse_id for a in plan.allocations] == ["WH-SH", "WH-BJ"]
    assert plan.allocations[0].lines == (RequestedLine("1", "TEA", 4), RequestedLine("2", "CUP", 1))
    assert plan.allocations[1].lines == (RequestedLine("2", "CUP", 3),)


def test_two_lines_of_one_sku_are_served_from_one_pool():
    lines = [RequestedLine("1", "TEA", 2), RequestedLine("2", "TEA", 2)]

    assert isinstance(source(lines, supply(TEA_SH=3), HANGZHOU), Unfillable)
    assert source(lines, supply(TEA_SH=4), HANGZHOU).rule == RULE_REGION


def test_a_shortfall_names_each_short_line_with_what_is_available_everywhere():
    outcome = source([RequestedLine("1", "TEA", 10), CUP], supply(TEA_SH=3, TEA_BJ=4, CUP_GZ=7), HANGZHOU)

    assert outcome == Unfillable(INSUFFICIENT_STOCK, (LineShortfall("1", "TEA", 10, 7),))


def test_a_sku_without_any_stock_is_short_by_everything():
    outcome = source([CUP], {}, HANGZHOU)

    assert outcome == Unfillable(INSUFFICIENT_STOCK, (LineShortfall("2", "CUP", 1, 0),))


def test_excluded_warehouses_are_never_used_and_preferred_ones_come_first():
    stock = supply(TEA_SH=9, TEA_GZ=9, TEA_BJ=9)

    preferred = source([TEA], stock, HANGZHOU, Preference(preferred=("WH-BJ",)))
    excluded = source([TEA], stock, HANGZHOU, Preference(excluded=frozenset({"WH-SH"})))

    assert preferred == SourcingPlan((Allocation("WH-BJ", (TEA,)),), RULE_PREFERRED)
    assert excluded.allocations[0].warehouse_id == "WH-GZ"
    assert source([TEA], supply(TEA_SH=9), HANGZHOU, Preference(excluded=frozenset({"WH-SH"}))) == \
        Unfillable(INSUFFICIENT_STOCK, (LineShortfall("1", "TEA", 2, 0),))


def test_a_split_is_refused_when_the_order_does_not_allow_one():
    outcome = source([TEA], supply(TEA_SH=1, TEA_GZ=1), HANGZHOU, Preference(allow_split=False))

    assert outcome == Unfillable(SPLIT_NOT_ALLOWED, ())
