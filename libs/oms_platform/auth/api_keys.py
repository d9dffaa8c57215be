"""API keys for machines (channels, carriers, scripts) that cannot run an OAuth client.

A key reads `oms_<prefix>_<secret>`. The prefix (12 hex characters) is not secret: it finds the
key's record and appears in logs and audit records as the key's id. The secret is 32 random bytes
from `secrets`. The store keeps only the prefix and the SHA-256 digest of the whole key: a stolen
store yields no usable key.

Why a plain SHA-256 and not a password hash: a password hash is slow to make guessing low-entropy
passwords expensive. A 256-bit random secret cannot be guessed whatever the hash costs, so the
slowness would buy nothing and would be paid on every request. The digest is compared in constant
time (`hmac.compare_digest`) so response timing does not reveal how much of it matched.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass, replace
from typing import Protocol

from oms_platform.auth.principal import Principal, PrincipalKind

KEY_PREFIX = "oms"
_PREFIX_BYTES = 6  # 12 hex characters: room for millions of keys without a clash
_SECRET_BYTES = 32
_KEY = re.compile(r"oms_([0-9a-f]{12})_([A-Za-z0-9_-]{43})")


class ApiKeyError(Exception):
    """A refused key; `reason` is safe to show the client."""

    code = "invalid-api-key"
    reason = "the API key is not valid"

    def __init__(self, reason: str | None = None) -> None:
        if reason is not None:
            self.reason = reason
        super().__init__(self.reason)


class MalformedApiKey(ApiKeyError):
    code, reason = "malformed-api-key", "the API key is not of the form oms_<prefix>_<secret>"


class UnknownApiKey(ApiKeyError):
    code, reason = "invalid-api-key", "the API key is not valid"


class RevokedApiKey(ApiKeyError):
    code, reason = "revoked-api-key", "the API key has been revoked"


@dataclass(frozen=True)
class ApiKeyRecord:
    prefix: str
    digest: str  # hex SHA-256 of the whole key
    principal: Principal  # who the key acts as; its token_id is the prefix
    revoked: bool = False


@dataclass(frozen=True)
class IssuedApiKey:
    key: str  # shown once to whoever asked for it, never stored
    record: ApiKeyRecord


class ApiKeyStore(Protocol):
    def lookup(self, prefix: str) -> ApiKeyRecord | None: ...


class InMemoryApiKeyStore:
    """Records in a dict: for tests, and as the state an event-sourced store folds into."""

    def __init__(self) -> None:
        self._records: dict[str, ApiKeyRecord] = {}

    def add(self, record: ApiKeyRecord) -> None:
        if record.prefix in self._records:
            raise ValueError(f"an API key with prefix {record.prefix!r} exists already")
        self._records[record.prefix] = record

    def revoke(self, prefix: str) -> None:
        record = self._records.get(prefix)
        if record is None:
            raise KeyError(prefix)
        self._records[prefix] = replace(record, revoked=True)

    def lookup(self, prefix: str) -> ApiKeyRecord | None:
        return self._records.get(prefix)


def generate_api_key(principal: Principal) -> IssuedApiKey:
    """A new key for a machine principal; store `.record`, hand `.key` over once."""
    if principal.kind is not PrincipalKind.MACHINE:
        raise ValueError("API keys are for machine principals; people sign in")
    prefix = secrets.token_hex(_PREFIX_BYTES)
    key = f"{KEY_PREFIX}_{prefix}_{secrets.token_urlsafe(_SECRET_BYTES)}"
    record = ApiKeyRecord(prefix=prefix, digest=key_digest(key), principal=replace(principal, token_id=prefix))
    return IssuedApiKey(key=key, record=record)


def key_digest(key: str) -> str:
    return hashlib.sha256(key.encode("ascii")).hexdigest()


def parse_prefix(key: str) -> str:
    """The lookup prefix of a well-formed key; raises MalformedApiKey."""
    match = _KEY.fullmatch(key)
    if match is None:
        raise MalformedApiKey()
    return match.group(1)


def verify_api_key(key: str, store: ApiKeyStore) -> Principal:
    """The principal a key acts as; raises MalformedApiKey, UnknownApiKey or RevokedApiKey."""
    record = store.lookup(parse_prefix(key))
    # An unknown prefix answers like a wrong secret. Its faster answer tells only whether a
    # prefix exists, and a prefix is an id, not a secret.
    if record is None or not hmac.compare_digest(key_digest(key), record.digest):
        raise UnknownApiKey()
    if record.revoked:
        raise RevokedApiKey()
    return record.principal
