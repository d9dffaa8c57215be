"""Password hashing for the people the embedded identity provider signs in: argon2id.

argon2-cffi's `PasswordHasher` defaults are used unchanged: argon2id with RFC 9106's second
recommended profile (time cost 3, 64 MiB, parallelism 4), which the library keeps current across
releases. `needs_rehash` tells when a stored hash was made with older parameters, so a sign-in can
store a fresh one. Hashing takes tens of milliseconds of CPU on purpose: call it from a worker
thread (`anyio.to_thread.run_sync`), never on the event loop.
"""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError


class Passwords:
    def __init__(self, hasher: PasswordHasher | None = None) -> None:
        self._hasher = hasher or PasswordHasher()

    def hash(self, password: str) -> str:
        """A salted argon2id hash in PHC string form (`$argon2id$v=19$m=...`)."""
        return self._hasher.hash(password)

    def verify(self, stored_hash: str, password: str) -> bool:
        """Whether the password matches. A stored value that is not an argon2 hash is a broken
        record, not a wrong password: that raises ValueError."""
        try:
            return self._hasher.verify(stored_hash, password)
        except VerificationError:  # the mismatch, and any other failure to verify
            return False
        except InvalidHashError:
            raise ValueError("the stored password hash is not an argon2 hash") from None

    def needs_rehash(self, stored_hash: str) -> bool:
        return self._hasher.check_needs_rehash(stored_hash)


_DEFAULT = Passwords()
hash_password = _DEFAULT.hash
verify_password = _DEFAULT.verify
needs_rehash = _DEFAULT.needs_rehash
