"""Personal data as the views keep it: masked for display, digested for search, never in clear.

X6 asks for personal data masked in views. Staff still find an order by the customer's phone, so
the views keep a digest of the normalised number and compare the digest of what staff type.
"""

from __future__ import annotations

import hashlib
import re

_NOT_DIGIT = re.compile(r"\D")
# A query made of these characters only, with enough digits, is taken for a phone number.
_PHONE_LIKE = re.compile(r"[\d\s()+\-.]+")
_MIN_PHONE_DIGITS = 7


def phone_digits(phone: str) -> str:
    """Digits only; +86 / 0086 in front of an 11-digit mainland number dropped, so forms meet."""
    digits = _NOT_DIGIT.sub("", phone)
    for prefix in ("0086", "86"):
        if digits.startswith(prefix) and len(digits) - len(prefix) == 11:
            return digits[len(prefix):]
    return digits


def mask_phone(phone: str) -> str:
    """13812345678 -> 138****5678: enough for staff to confirm a number the customer reads out."""
    digits = phone_digits(phone)
    if len(digits) < _MIN_PHONE_DIGITS:
        return "*" * len(digits)
    return digits[:3] + "*" * (len(digits) - 7) + digits[-4:]


def phone_digest(phone: str) -> str | None:
    digits = phone_digits(phone)
    if len(digits) < _MIN_PHONE_DIGITS:
        return None
    return hashlib.sha256(digits.encode()).hexdigest()


def looks_like_phone(text: str) -> bool:
    return bool(_PHONE_LIKE.fullmatch(text.strip())) and len(phone_digits(text)) >= _MIN_PHONE_DIGITS


def mask_email(email: str) -> str:
    """li.wei@example.com -> l***@example.com."""
    local, at, domain = email.strip().partition("@")
    if not at or not local:
        return "***" if email else ""
    return f"{local[0]}***@{domain}"
