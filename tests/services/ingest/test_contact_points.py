"""Phone and e-mail normalisation (I2)."""

import pytest

from services.ingest.domain.contact_points import normalise_email, normalise_phone


@pytest.mark.parametrize(("raw", "normalised"), [
    ("13800138000", "+8613800138000"),
    ("138 0013 8000", "+8613800138000"),
    ("138-0013-8000", "+8613800138000"),
    ("+86 139 1012 3456", "+8613910123456"),
    ("0086 186 2000 1234", "+8618620001234"),
    ("+1 (415) 555-0134", "+14155550134"),
    ("+49 30 901820", "+4930901820"),
    ("0044 20 7946 0958", "+442079460958"),
    ("+852 9123 4567", "+85291234567"),
])
def test_mainland_mobiles_and_international_numbers_become_e164(raw, normalised):
    assert normalise_phone(raw) == normalised


@pytest.mark.parametrize("raw", [
    "12345",                # too short
    "12800138000",          # mainland mobiles start 13-19
    "1380013800",           # ten digits
    "138001380001",         # twelve digits
    "+861012345678",        # +86 but not a mobile: delivery SMS needs one
    "010-12345678",         # a Beijing landline without country code
    "+0123456789",          # country codes do not start with 0
    "+1234567890123456",    # longer than E.164 allows
    "phone: 13800138000",   # letters
    "",
])
def test_other_numbers_are_refused(raw):
    assert normalise_phone(raw) is None


@pytest.mark.parametrize(("raw", "normalised"), [
    ("buyer@example.com", "buyer@example.com"),
    (" Xiaoming.Wang@Example.CN ", "xiaoming.wang@example.cn"),
    ("first.last+tag@mail.co.uk", "first.last+tag@mail.co.uk"),
])
def test_email_addresses_are_trimmed_and_lower_cased(raw, normalised):
    assert normalise_email(raw) == normalised


@pytest.mark.parametrize("raw", [
    "not-an-email", "no-domain@", "@example.com", "two@@example.com", "dots..twice@example.com",
    "space in@example.com", "user@example", "user@-bad-.com", "x" * 65 + "@example.com",
    "user@" + "a" * 250 + ".com",
])
def test_malformed_email_addresses_are_refused(raw):
    assert normalise_email(raw) is None
