"""Address rules (I2): complete enough for a carrier, normalised for matching and routing."""

from __future__ import annotations

import re
from dataclasses import replace

from services.ingest.domain.contact_points import normalise_phone
from services.ingest.domain.rejection_reasons import Findings, RejectionCode
from services.ingest.domain.reported_order import Address

# Countries whose postal addresses carry no province, state or region line.
COUNTRIES_WITHOUT_PROVINCE = frozenset({
    "AD", "AT", "BE", "CH", "CZ", "DE", "DK", "FI", "FR", "GB", "GI", "HK", "IS", "LI", "LU",
    "MC", "MO", "MT", "NL", "NO", "PL", "PT", "SE", "SG", "SM", "VA",
})
_COUNTRY_CODE = re.compile(r"[A-Z]{2}")
_CN_POSTCODE = re.compile(r"\d{6}")
_POSTCODE = re.compile(r"[A-Z0-9][A-Z0-9 \-]{1,10}")


def check_address(address: Address, path: str, findings: Findings, *, recipient: str = "") -> Address:
    """Report every missing or malformed part of `address` under `path`; return it normalised.

    An address without a recipient name is for the buyer (`recipient`).
    """
    address = _trimmed(address)
    _check_region(address, path, findings)
    if not address.city:
        findings.add(f"{path}.city", RejectionCode.INVALID_ADDRESS, "the city is missing")
    if not address.street_lines:
        findings.add(f"{path}.street_lines", RejectionCode.INVALID_ADDRESS,
                     "the street address (below the district) is missing")
    _check_postcode(address, path, findings)
    phone = normalise_phone(address.phone) if address.phone else ""
    if phone is None:
        findings.add(f"{path}.phone", RejectionCode.INVALID_PHONE,
                     f"{address.phone!r} is neither a mainland China mobile nor an E.164 number")
    return replace(address, phone=phone or address.phone, recipient_name=address.recipient_name or recipient)


def _trimmed(address: Address) -> Address:
    return replace(
        address,
        recipient_name=address.recipient_name.strip(),
        phone=address.phone.strip(),
        country_code=address.country_code.strip().upper(),
        province=address.province.strip(),
        city=address.city.strip(),
        district=address.district.strip(),
        street_lines=tuple(line.strip() for line in address.street_lines if line.strip()),
        postcode=address.postcode.strip().upper(),
    )


def _check_region(address: Address, path: str, findings: Findings) -> None:
    country = address.country_code
    if not country:
        findings.add(f"{path}.country_code", RejectionCode.INVALID_ADDRESS, "the country is missing")
    elif not _COUNTRY_CODE.fullmatch(country):
        findings.add(f"{path}.country_code", RejectionCode.INVALID_ADDRESS,
                     f"{country!r} is not an ISO 3166-1 alpha-2 country code")
    if not address.province and country not in COUNTRIES_WITHOUT_PROVINCE:
        findings.add(f"{path}.province", RejectionCode.INVALID_ADDRESS, "the province or state is missing")
    if country == "CN" and not address.district:
        findings.add(f"{path}.district", RejectionCode.INVALID_ADDRESS,
                     "the district or county is missing (required in China)")


def _check_postcode(address: Address, path: str, findings: Findings) -> None:
    postcode = address.postcode
    if not postcode:
        return
    if address.country_code == "CN" and not _CN_POSTCODE.fullmatch(postcode):
        findings.add(f"{path}.postcode", RejectionCode.INVALID_ADDRESS,
                     f"{postcode!r} is not a Chinese postcode (6 digits)")
    elif not _POSTCODE.fullmatch(postcode):
        findings.add(f"{path}.postcode", RejectionCode.INVALID_ADDRESS, f"{postcode!r} is not a postcode")
