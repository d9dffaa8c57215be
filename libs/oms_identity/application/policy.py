"""The rules of signing in, from the settings: lockout, lifetimes, password length."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta


@dataclass(frozen=True)
class SignInPolicy:
    lockout_threshold: int = 5
    lockout: timedelta = timedelta(minutes=15)
    refresh_token_lifetime: timedelta = timedelta(hours=8)
    session_lifetime: timedelta = timedelta(days=7)
    password_min_length: int = 12
    # Longer passwords are refused: argon2 hashes whatever it is given, and a megabyte-long
    # "password" is a cheap way to make the server work.
    password_max_length: int = 256
