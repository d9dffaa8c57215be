"""Phone numbers and e-mail addresses: recognised and normalised, or refused (None)."""

from __future__ import annotations

import re

# Separators people type into phone numbers; none of them carry meaning.
_SEPARATORS = re.compile(r"[\s\-().]")
# A mainland China mobile number, with or without the +86 / 0086 country prefix.
_CN_MOBILE = re.compile(r"(?:\+86|0086)?(1[3-9]\d{9})")
# E.164: a "+", a country code not starting with 0, at most 15 digits in all.
_E164 = re.compile(r"\+[1-9]\d{6,14}")

_EMAIL_ATOM = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
_EMAIL_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_EMAIL = re.compile(rf"{_EMAIL_ATOM}(?:\.{_EMAIL_ATOM})*@(?:{_EMAIL_LABEL}\.)+[A-Za-z]{{2,63}}")
_EMAIL_MAX_LENGTH = 254
_EMAIL_LOCAL_MAX_LENGTH = 64


def normalise_phone(raw: str) -> str | None:
    """E.164 for a mainland mobile ("138 0013 8000" -> "+8613800138000") or an international number.

    Mainland numbers must be mobiles: delivery notices go out by SMS.
    """
    compact = _SEPARATORS.sub("", raw)
    mobile = _CN_MOBILE.fullmatch(compact)
    if mobile:
        return "+86" + mobile.group(1)
    if compact.startswith("00"):
        compact = "+" + compact[2:]
    if compact.startswith("+86") or not _E164.fullmatch(compact):
        return None
    return compact


def normalise_email(raw: str) -> str | None:
    """The address lower-cased, or None when it is not a plausible mailbox."""
    email = raw.strip()
    if len(email) > _EMAIL_MAX_LENGTH or not _EMAIL.fullmatch(email):
        return None
    if len(email.rsplit("@", 1)[0]) > _EMAIL_LOCAL_MAX_LENGTH:
        return None
    return email.lower()
