"""Passwords: argon2id with argon2-cffi's current defaults."""

from __future__ import annotations

import pytest
from argon2 import PasswordHasher

from oms_platform.auth.passwords import Passwords, hash_password, needs_rehash, verify_password


def test_a_password_hashes_to_argon2id_and_verifies() -> None:
    stored = hash_password("correct horse battery staple")
    assert stored.startswith("$argon2id$")
    assert verify_password(stored, "correct horse battery staple")
    assert not needs_rehash(stored)


def test_the_same_password_hashes_differently_each_time() -> None:
    assert hash_password("secret") != hash_password("secret")  # salted


@pytest.mark.parametrize("attempt", ["wrong", "", "correct horse battery stapl", "Correct horse battery staple"])
def test_a_wrong_password_is_refused(attempt) -> None:
    assert verify_password(hash_password("correct horse battery staple"), attempt) is False


def test_a_hash_made_with_weaker_parameters_needs_a_rehash() -> None:
    old = Passwords(PasswordHasher(time_cost=1, memory_cost=8 * 1024, parallelism=1)).hash("secret")
    assert verify_password(old, "secret")  # still verifies...
    assert needs_rehash(old)  # ...and is replaced at the next sign-in


def test_a_stored_value_that_is_no_hash_is_a_broken_record_not_a_wrong_password() -> None:
    with pytest.raises(ValueError, match="argon2"):
        verify_password("plain-text-password", "plain-text-password")
