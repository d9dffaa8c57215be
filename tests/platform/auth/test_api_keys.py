"""API keys: `oms_<prefix>_<secret>`, stored as a SHA-256 digest, compared in constant time."""

from __future__ import annotations

import hashlib
import hmac

import pytest

from oms_platform.auth import api_keys
from oms_platform.auth.api_keys import (
    InMemoryApiKeyStore,
    MalformedApiKey,
    RevokedApiKey,
    UnknownApiKey,
    generate_api_key,
    verify_api_key,
)
from oms_platform.auth.principal import Principal, PrincipalKind

CARRIER = Principal("carrier-sf", PrincipalKind.MACHINE, roles=frozenset({"carrier"}))


@pytest.fixture
def store_and_key() -> tuple[InMemoryApiKeyStore, str]:
    store = InMemoryApiKeyStore()
    issued = generate_api_key(CARRIER)
    store.add(issued.record)
    return store, issued.key


def test_a_generated_key_verifies_as_its_principal(store_and_key) -> None:
    store, key = store_and_key
    principal = verify_api_key(key, store)
    assert (principal.subject, principal.roles) == ("carrier-sf", frozenset({"carrier"}))
    assert principal.token_id == key.split("_")[1]  # the prefix names the key in audit records


def test_only_the_digest_is_stored(store_and_key) -> None:
    store, key = store_and_key
    prefix = key.split("_")[1]
    record = store.lookup(prefix)
    assert record is not None and record.digest == hashlib.sha256(key.encode()).hexdigest()
    assert key not in repr(record) and key.rsplit("_", 1)[1] not in repr(record)


def test_keys_are_random_and_well_formed() -> None:
    keys = {generate_api_key(CARRIER).key for _ in range(50)}
    assert len(keys) == 50
    for key in keys:
        assert api_keys.parse_prefix(key) == key.split("_")[1]


def test_a_wrong_secret_is_refused(store_and_key) -> None:
    store, key = store_and_key
    wrong = key[:-1] + ("A" if key[-1] != "A" else "B")
    with pytest.raises(UnknownApiKey):
        verify_api_key(wrong, store)


def test_an_unknown_prefix_answers_like_a_wrong_secret(store_and_key) -> None:
    store, _ = store_and_key
    with pytest.raises(UnknownApiKey) as refused:
        verify_api_key(generate_api_key(CARRIER).key, store)
    assert refused.value.reason == "the API key is not valid"


def test_a_revoked_key_is_refused(store_and_key) -> None:
    store, key = store_and_key
    store.revoke(key.split("_")[1])
    with pytest.raises(RevokedApiKey):
        verify_api_key(key, store)


@pytest.mark.parametrize("key", ["", "oms", "oms__", "Bearer oms_abc_def", "oms_0123456789ab_short",
                                 "xyz_0123456789ab_" + "a" * 43, "oms_0123456789AB_" + "a" * 43,
                                 "oms_0123456789ab_" + "a" * 42 + "é", "oms_0123456789ab_" + "a" * 43 + "\n"])
def test_malformed_keys_are_refused(store_and_key, key) -> None:
    store, _ = store_and_key
    with pytest.raises(MalformedApiKey):
        verify_api_key(key, store)


def test_the_digest_is_compared_in_constant_time(store_and_key, monkeypatch) -> None:
    store, key = store_and_key
    calls = []
    compare = hmac.compare_digest

    def watched(a, b):
        calls.append((a, b))
        return compare(a, b)

    monkeypatch.setattr(api_keys.hmac, "compare_digest", watched)
    verify_api_key(key, store)
    assert calls == [(hashlib.sha256(key.encode()).hexdigest(), store.lookup(key.split("_")[1]).digest)]


def test_people_get_no_api_keys() -> None:
    with pytest.raises(ValueError, match="machine"):
        generate_api_key(Principal("li.na", PrincipalKind.USER))


def test_a_prefix_cannot_be_added_twice(store_and_key) -> None:
    store, key = store_and_key
    with pytest.raises(ValueError, match="exists"):
        store.add(store.lookup(key.split("_")[1]))
