"""The state machine's table (O1): every allowed transition, and every other one refused."""

import itertools

import pytest

from services.order.domain.status import TRANSITIONS, IllegalTransition, OrderStatus, check_transition

S = OrderStatus
BEFORE_DISPATCH = [S.RECEIVED, S.AWAITING_PAYMENT, S.PAID, S.UNDER_REVIEW, S.ON_HOLD, S.APPROVED, S.ALLOCATED,
                   S.IN_FULFILMENT]

# Written out again on purpose, from the lifecycle the mission describes: the table must match it.
EXPECTED = {
    ("RECEIVED", "AWAITING_PAYMENT", "await_payment"),
    ("RECEIVED", "PAID", "confirm_payment"),
    ("AWAITING_PAYMENT", "PAID", "confirm_payment"),
    ("ON_HOLD", "ON_HOLD", "confirm_payment"),
    ("RECEIVED", "UNDER_REVIEW", "start_review"),
    ("PAID", "UNDER_REVIEW", "start_review"),
    ("UNDER_REVIEW", "APPROVED", "approve"),
    ("ON_HOLD", "APPROVED", "approve"),
    ("AWAITING_PAYMENT", "ON_HOLD", "hold"),
    ("PAID", "ON_HOLD", "hold"),
    ("UNDER_REVIEW", "ON_HOLD", "hold"),
    ("ON_HOLD", "AWAITING_PAYMENT", "release"),
    ("ON_HOLD", "PAID", "release"),
    ("ON_HOLD", "UNDER_REVIEW", "release"),
    ("ON_HOLD", "APPROVED", "release"),
    ("APPROVED", "ON_HOLD", "backorder"),
    ("APPROVED", "ALLOCATED", "allocate"),
    ("ALLOCATED", "IN_FULFILMENT", "start_fulfilment"),
    ("IN_FULFILMENT", "PARTLY_SHIPPED", "ship_partly"),
    ("PARTLY_SHIPPED", "PARTLY_SHIPPED", "ship_partly"),
    ("IN_FULFILMENT", "SHIPPED", "ship"),
    ("PARTLY_SHIPPED", "SHIPPED", "ship"),
    ("SHIPPED", "DELIVERED", "deliver"),
    ("DELIVERED", "COMPLETED", "complete"),
    ("DELIVERED", "RETURNED", "return"),
    ("COMPLETED", "RETURNED", "return"),
    ("RETURNED", "REFUNDED", "refund"),
    ("CANCELLED", "REFUNDED", "refund"),
    *((str(s), "CANCELLED", "cancel") for s in BEFORE_DISPATCH),
    *((str(s), str(s), "change_address") for s in BEFORE_DISPATCH),
}
COMMANDS = sorted({command for _, _, command in EXPECTED})


def test_the_table_is_exactly_the_expected_lifecycle():
    assert {(str(a), str(b), c) for a, b, c in TRANSITIONS} == EXPECTED


@pytest.mark.parametrize(("current", "target", "command"), sorted(EXPECTED))
def test_every_allowed_transition_passes(current, target, command):
    check_transition(OrderStatus(current), OrderStatus(target), command)


def test_every_other_combination_of_statuses_and_commands_is_refused():
    refused = 0
    for current, target, command in itertools.product(OrderStatus, OrderStatus, COMMANDS):
        if (current, target, command) in EXPECTED:
            continue
        with pytest.raises(IllegalTransition):
            check_transition(current, target, command)
        refused += 1
    assert refused == len(OrderStatus) ** 2 * len(COMMANDS) - len(EXPECTED)


@pytest.mark.parametrize(("current", "target", "command"), [
    (S.SHIPPED, S.CANCELLED, "cancel"),
    (S.DELIVERED, S.CANCELLED, "cancel"),
    (S.PARTLY_SHIPPED, S.PARTLY_SHIPPED, "change_address"),
    (S.ALLOCATED, S.ON_HOLD, "hold"),
    (S.AWAITING_PAYMENT, S.APPROVED, "approve"),
    (S.CANCELLED, S.APPROVED, "approve"),
    (S.COMPLETED, S.DELIVERED, "deliver"),
    (S.RECEIVED, S.SHIPPED, "ship"),
])
def test_a_refusal_names_the_status_the_target_and_the_command(current, target, command):
    with pytest.raises(IllegalTransition) as refused:
        check_transition(current, target, command)
    assert (refused.value.current, refused.value.target, refused.value.command) == (current, target, command)
    assert command in str(refused.value) and str(current) in str(refused.value)
