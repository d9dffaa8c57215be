"""Principal: scope checks and the serialisable form audit records carry."""

from __future__ import annotations

import json

import pytest

from oms_platform.auth.principal import Principal, PrincipalKind


def test_scope_checks_only_what_is_given_and_none_is_unrestricted() -> None:
    agent = Principal("li.na", PrincipalKind.USER, channels=frozenset({"tmall"}), warehouses=None,
                      stores=frozenset())
    assert agent.may_act_on(channel="tmall")
    assert not agent.may_act_on(channel="jd")
    assert agent.may_act_on(warehouse="wh-anywhere")  # unrestricted
    assert not agent.may_act_on(store="shop-1")  # an empty scope admits nothing
    assert not agent.may_act_on(channel="tmall", store="shop-1")
    assert agent.may_act_on()


def test_the_dict_form_is_json_and_reads_back() -> None:
    machine = Principal("channel-tmall", PrincipalKind.MACHINE, roles=frozenset({"channel"}),
                        channels=frozenset({"tmall", "tmall-hk"}), acting_for="li.na", token_id="t-1")
    data = json.loads(json.dumps(machine.to_dict()))
    assert data["kind"] == "machine" and data["channels"] == ["tmall", "tmall-hk"] and data["stores"] is None
    assert Principal.from_dict(data) == machine


def test_sets_given_by_hand_become_frozen_and_a_subject_is_required() -> None:
    principal = Principal("a", PrincipalKind.USER, roles={"manager"})  # type: ignore[arg-type]
    assert isinstance(principal.roles, frozenset)
    assert hash(principal)
    with pytest.raises(ValueError, match="subject"):
        Principal("", PrincipalKind.USER)
