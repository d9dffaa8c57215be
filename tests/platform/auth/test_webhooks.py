"""Signed carrier webhooks: X-OMS-Signature, HMAC-SHA256 over `<t>.<raw body>`."""

from __future__ import annotations

import hashlib
import hmac

import pytest

from oms_platform.auth.webhooks import (
    InMemorySeenSignatures,
    MalformedSignature,
    MissingSignature,
    ReplayedSignature,
    SignatureMismatch,
    StaleTimestamp,
    WebhookVerifier,
    parse_header,
    sign,
)
from tests.platform.auth.conftest import Clock

BODY = b'{"tracking_number":"SF1234567890","event":"delivered","at":"2025-06-01T10:00:00+08:00"}'
NOW = 1_750_000_000
SECRET = "whsec-sf-2025"
ARABIC_INDIC_DIGITS = "\u0661\u0667\u0665\u0660\u0660\u0660\u0660\u0660\u0660\u0660"  # 1750000000


@pytest.fixture
def clock() -> Clock:
    return Clock(float(NOW))


@pytest.fixture
def verifier(clock) -> WebhookVerifier:
    return WebhookVerifier({"sf": [SECRET], "yto": ["whsec-yto"]}, clock=clock)


def test_a_good_signature_is_accepted(verifier) -> None:
    verifier.verify("sf", sign(BODY, SECRET, timestamp=NOW), BODY)


def test_the_signature_is_the_documented_hmac(verifier) -> None:
    expected = hmac.new(SECRET.encode(), f"{NOW}.".encode() + BODY, hashlib.sha256).hexdigest()
    assert sign(BODY, SECRET, timestamp=NOW) == f"t={NOW},v1={expected}"


def test_another_carriers_secret_is_refused(verifier) -> None:
    with pytest.raises(SignatureMismatch):
        verifier.verify("sf", sign(BODY, "whsec-yto", timestamp=NOW), BODY)
    with pytest.raises(SignatureMismatch):
        verifier.verify("unknown-carrier", sign(BODY, SECRET, timestamp=NOW), BODY)


@pytest.mark.parametrize("position", [0, len(BODY) // 2, len(BODY) - 1])
def test_a_body_changed_by_one_byte_is_refused(verifier, position) -> None:
    header = sign(BODY, SECRET, timestamp=NOW)
    changed = BODY[:position] + bytes([BODY[position] ^ 1]) + BODY[position + 1:]
    with pytest.raises(SignatureMismatch):
        verifier.verify("sf", header, changed)


def test_a_re_dated_signature_is_refused(verifier) -> None:
    signature = sign(BODY, SECRET, timestamp=NOW - 10).split(",")[1]
    with pytest.raises(SignatureMismatch):
        verifier.verify("sf", f"t={NOW},{signature}", BODY)


@pytest.mark.parametrize("offset", [-301, 301, -86_400, 10**9])
def test_old_and_future_timestamps_are_refused(verifier, offset) -> None:
    with pytest.raises(StaleTimestamp):
        verifier.verify("sf", sign(BODY, SECRET, timestamp=NOW + offset), BODY)


@pytest.mark.parametrize("offset", [-300, 300])
def test_timestamps_within_the_tolerance_are_accepted(verifier, offset) -> None:
    verifier.verify("sf", sign(BODY, SECRET, timestamp=NOW + offset), BODY)


def test_a_replayed_delivery_is_refused_even_with_a_signature_dropped(verifier) -> None:
    header = sign(BODY, [SECRET, "another"], timestamp=NOW)
    verifier.verify("sf", header, BODY)
    with pytest.raises(ReplayedSignature):
        verifier.verify("sf", header, BODY)
    t, first, _ = header.split(",")
    with pytest.raises(ReplayedSignature):
        verifier.verify("sf", f"{t},{first}", BODY)


def test_a_replay_after_the_window_is_refused_by_its_timestamp(verifier, clock) -> None:
    header = sign(BODY, SECRET, timestamp=NOW)
    verifier.verify("sf", header, BODY)
    clock.now += 301
    with pytest.raises(StaleTimestamp):
        verifier.verify("sf", header, BODY)


def test_rotation_with_two_v1_values_is_accepted_by_either_secret(clock) -> None:
    header = sign(BODY, ["whsec-old", "whsec-new"], timestamp=NOW)
    assert header.count("v1=") == 2
    WebhookVerifier({"sf": ["whsec-old"]}, clock=clock).verify("sf", header, BODY)
    WebhookVerifier({"sf": ["whsec-new"]}, clock=clock).verify("sf", header, BODY)
    # Our side rotating: two secrets configured, the carrier signs with one.
    WebhookVerifier({"sf": ["whsec-new", "whsec-old"]}, clock=clock).verify(
        "sf", sign(BODY, "whsec-old", timestamp=NOW), BODY)
    with pytest.raises(SignatureMismatch):
        WebhookVerifier({"sf": ["whsec-other"]}, clock=clock).verify("sf", header, BODY)


@pytest.mark.parametrize("header", [None, "", "   "])
def test_a_missing_header_is_refused(verifier, header) -> None:
    with pytest.raises(MissingSignature):
        verifier.verify("sf", header, BODY)


@pytest.mark.parametrize("header", [
    "v1=" + "a" * 64,  # no timestamp
    f"t={NOW}",  # no signature
    f"t={NOW},v1=xyz",  # not hex
    f"t={NOW},v1=" + "A" * 64,  # upper-case hex is not what sign() makes
    f"t={NOW},v1=" + "a" * 63,
    f"t=soon,v1={'a' * 64}",
    f"t=-5,v1={'a' * 64}",
    f"t={ARABIC_INDIC_DIGITS},v1={'a' * 64}",  # digits, but not ASCII ones
    f"t={NOW},t={NOW},v1={'a' * 64}",
    f"t={NOW};v1={'a' * 64}",
    "garbage",
])
def test_a_malformed_header_is_refused(verifier, header) -> None:
    with pytest.raises(MalformedSignature):
        verifier.verify("sf", header, BODY)


def test_unknown_schemes_and_spaces_are_tolerated() -> None:
    parsed = parse_header(f" t={NOW}, v0=legacy ,v1={'b' * 64}")
    assert (parsed.timestamp, parsed.signatures) == (NOW, ("b" * 64,))


def test_the_seen_set_forgets_expired_entries_and_stays_bounded(clock) -> None:
    seen = InMemorySeenSignatures(max_entries=3, clock=clock)
    assert seen.first_seen("a", NOW + 10) and not seen.first_seen("a", NOW + 10)
    clock.now += 11
    assert seen.first_seen("a", NOW + 400)  # expired: forgotten
    for key in "bcde":
        seen.first_seen(key, NOW + 500)
    assert len(seen) == 3
    assert seen.first_seen("a", NOW + 400)  # the earliest to expire was dropped first


def test_failed_verifications_do_not_fill_the_seen_set(clock) -> None:
    seen = InMemorySeenSignatures(clock=clock)
    verifier = WebhookVerifier({"sf": [SECRET]}, clock=clock, seen=seen)
    for attempt in range(20):
        with pytest.raises(SignatureMismatch):
            verifier.verify("sf", sign(BODY, f"guess-{attempt}", timestamp=NOW), BODY)
    assert len(seen) == 0
