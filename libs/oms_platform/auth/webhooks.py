"""Signed carrier webhooks: `X-OMS-Signature: t=<unix seconds>,v1=<hex>[,v1=<hex>...]`.

`v1` is the hex HMAC-SHA256, under the carrier's shared secret, of `"<t>.".encode() + raw body`.
Signing the raw bytes (not re-serialised JSON) means any change to the body, one byte included,
breaks the signature; signing the timestamp with it means an old delivery cannot be re-dated.
Several `v1` values let a carrier sign with its old and new secret while a secret is rotated; a
carrier may also have several secrets here for the same reason.

A request is refused when the header is missing or malformed, when its timestamp is further than
the tolerance (300 s by default) from now, when no `v1` matches, or when the matching signature
was accepted before (a replay): accepted signatures are remembered until their timestamp leaves
the tolerance window, after which the timestamp check refuses them anyway.
"""

from __future__ import annotations

import hashlib
import heapq
import hmac
import re
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

SIGNATURE_HEADER = "X-OMS-Signature"
DEFAULT_TOLERANCE_SECONDS = 300
_HEX_SHA256 = re.compile(r"[0-9a-f]{64}")
_SECONDS = re.compile(r"[0-9]{1,12}")  # ASCII digits only: str.isdigit() admits other scripts' digits

Secret = str | bytes


class WebhookSignatureError(Exception):
    """A refused delivery; `reason` is safe to show the sender."""

    code = "invalid-signature"
    reason = "the webhook signature is not valid"

    def __init__(self, reason: str | None = None) -> None:
        if reason is not None:
            self.reason = reason
        super().__init__(self.reason)


class MissingSignature(WebhookSignatureError):
    code, reason = "missing-signature", f"the {SIGNATURE_HEADER} header is missing"


class MalformedSignature(WebhookSignatureError):
    code, reason = "malformed-signature", f"the {SIGNATURE_HEADER} header is not t=<seconds>,v1=<hex>"


class StaleTimestamp(WebhookSignatureError):
    code, reason = "stale-timestamp", "the signature's timestamp is outside the accepted window"


class SignatureMismatch(WebhookSignatureError):
    code, reason = "signature-mismatch", "no signature matches the body"


class ReplayedSignature(WebhookSignatureError):
    code, reason = "replayed-signature", "this signed delivery was received before"


def signature(secret: Secret, timestamp: int, body: bytes) -> str:
    """The hex HMAC-SHA256 of `<timestamp>.<body>`."""
    key = secret.encode() if isinstance(secret, str) else secret
    return hmac.new(key, f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()


def sign(body: bytes, secrets: Secret | Sequence[Secret], *, timestamp: int | None = None) -> str:
    """The header value a carrier sends (a `v1` per secret): for tests and simulated carriers."""
    moment = int(time.time()) if timestamp is None else timestamp
    keys = [secrets] if isinstance(secrets, str | bytes) else list(secrets)
    return ",".join([f"t={moment}", *(f"v1={signature(key, moment, body)}" for key in keys)])


@dataclass(frozen=True)
class SignatureHeader:
    timestamp: int
    signatures: tuple[str, ...]


def parse_header(value: str | None) -> SignatureHeader:
    """Raises MissingSignature or MalformedSignature. Unknown schemes (`v0=`, a future `v2=`)
    are skipped, so a sender may add one before the receivers know it."""
    if value is None or not value.strip():
        raise MissingSignature()
    timestamps, signatures = [], []
    for part in value.split(","):
        key, equals, item = part.strip().partition("=")
        if not equals:
            raise MalformedSignature()
        if key == "t":
            timestamps.append(item)
        elif key == "v1":
            if not _HEX_SHA256.fullmatch(item):
                raise MalformedSignature()
            signatures.append(item)
    if len(timestamps) != 1 or not _SECONDS.fullmatch(timestamps[0]) or not signatures:
        raise MalformedSignature()
    return SignatureHeader(int(timestamps[0]), tuple(signatures))


class SeenSignatures(Protocol):
    """Signatures accepted recently. In one process the in-memory set does; with several
    instances behind a load balancer a replay may reach another instance, so they need a shared
    store (a database table with a unique key, or a cache's set-if-absent with expiry)."""

    def first_seen(self, key: str, expires_at: float) -> bool:
        """Record the key until `expires_at` (unix seconds); False if it is recorded already."""
        ...


class InMemorySeenSignatures:
    """Bounded: past `max_entries`, the entries closest to expiry are dropped first (a replay of
    those would be refused by the timestamp check soon anyway). Size it above the deliveries
    expected within the tolerance window."""

    def __init__(self, max_entries: int = 100_000, clock: Callable[[], float] = time.time) -> None:
        self._max = max_entries
        self._clock = clock
        self._expiry: dict[str, float] = {}
        self._queue: list[tuple[float, str]] = []  # heap by expiry

    def first_seen(self, key: str, expires_at: float) -> bool:
        self._forget(self._clock())
        if key in self._expiry:
            return False
        self._expiry[key] = expires_at
        heapq.heappush(self._queue, (expires_at, key))
        while len(self._expiry) > self._max:
            _, dropped = heapq.heappop(self._queue)
            self._expiry.pop(dropped, None)
        return True

    def __len__(self) -> int:
        return len(self._expiry)

    def _forget(self, now: float) -> None:
        while self._queue and self._queue[0][0] <= now:
            _, key = heapq.heappop(self._queue)
            self._expiry.pop(key, None)


class WebhookVerifier:
    def __init__(
        self,
        secrets: Mapping[str, Sequence[Secret]],
        *,
        tolerance_seconds: int = DEFAULT_TOLERANCE_SECONDS,
        seen: SeenSignatures | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._secrets = {carrier: tuple(keys) for carrier, keys in secrets.items()}
        self._tolerance = tolerance_seconds
        self._clock = clock
        self._seen = seen if seen is not None else InMemorySeenSignatures(clock=clock)

    def verify(self, carrier: str, header: str | None, body: bytes) -> None:
        """Accept a delivery or raise WebhookSignatureError saying why not."""
        parsed = parse_header(header)
        if abs(self._clock() - parsed.timestamp) > self._tolerance:
            raise StaleTimestamp()
        matched = self._matching_signature(carrier, parsed, body)
        if matched is None:
            raise SignatureMismatch()
        # Only after a match, so deliveries that fail to verify cannot fill the set.
        if not self._seen.first_seen(f"{carrier}:{matched}", parsed.timestamp + self._tolerance):
            raise ReplayedSignature()

    def _matching_signature(self, carrier: str, parsed: SignatureHeader, body: bytes) -> str | None:
        for secret in self._secrets.get(carrier, ()):
            expected = signature(secret, parsed.timestamp, body)
            for candidate in parsed.signatures:
                if hmac.compare_digest(expected, candidate):
                    return expected
        return None
