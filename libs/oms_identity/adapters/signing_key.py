"""The issuer's signing key: an ES256 (P-256) key pair, made at first start, kept in a file.

The private key lives in `<OMS_DATA_DIR>/identity/signing-key.pem` (PKCS#8, mode 0600, in a folder
of mode 0700), never in an event: events are published. A key file readable by others stops the
start (like ssh does) rather than signing with a key that may have leaked. Two instances starting
at once both end up with the one key that was linked into place first.

The key id (`kid`) is the RFC 7638 thumbprint of the public key, so it changes only with the key.
Only the public half is served, as a JWKS (RFC 7517).
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import os
import secrets
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from jwt.algorithms import ECAlgorithm

from oms_platform.settings import ConfigurationError

ALGORITHM = "ES256"
# RFC 9068: the media type of a JWT access token.
ACCESS_TOKEN_TYPE = "at+jwt"


@dataclass(frozen=True)
class SigningKey:
    private_key: ec.EllipticCurvePrivateKey
    kid: str

    @classmethod
    def of(cls, private_key: ec.EllipticCurvePrivateKey) -> SigningKey:
        return cls(private_key, jwk_thumbprint(_public_jwk(private_key.public_key())))

    def public_jwk(self) -> dict[str, Any]:
        return {**_public_jwk(self.private_key.public_key()), "kid": self.kid, "use": "sig", "alg": ALGORITHM}

    def jwks(self) -> dict[str, Any]:
        return {"keys": [self.public_jwk()]}

    def sign(self, claims: dict[str, Any]) -> str:
        return jwt.encode(claims, self.private_key, algorithm=ALGORITHM,
                          headers={"kid": self.kid, "typ": ACCESS_TOKEN_TYPE})


def jwk_thumbprint(jwk: dict[str, Any]) -> str:
    """RFC 7638: SHA-256 of the required members of the JWK, in lexicographic order, without
    whitespace, base64url without padding."""
    required = {name: jwk[name] for name in ("crv", "kty", "x", "y")}
    canonical = json.dumps(required, separators=(",", ":"), sort_keys=True).encode()
    return base64.urlsafe_b64encode(hashlib.sha256(canonical).digest()).rstrip(b"=").decode()


def _public_jwk(public_key: ec.EllipticCurvePublicKey) -> dict[str, Any]:
    jwk = ECAlgorithm.to_jwk(public_key, as_dict=True)
    return {name: jwk[name] for name in ("kty", "crv", "x", "y")}


def load_or_create_signing_key(path: Path) -> SigningKey:
    """The key in `path`, made there first if there is none; ConfigurationError when it cannot be
    used (unreadable, readable by others, not a P-256 private key)."""
    if not path.exists():
        _create(path)
    return SigningKey.of(_load(path))


def _create(path: Path) -> None:
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as error:
        raise ConfigurationError(f"cannot make the folder of the signing key {path.parent}: {error}") from None
    pem = ec.generate_private_key(ec.SECP256R1()).private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    # Written whole under a name of its own, then linked into place: another instance either
    # finds no key or a complete one, and whichever links first wins.
    partial = path.with_name(f".{path.name}.{secrets.token_hex(8)}")
    try:
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as file:
            file.write(pem)
            file.flush()
            os.fsync(file.fileno())
        with contextlib.suppress(FileExistsError):  # another instance made the key first: use theirs
            os.link(partial, path)
    except OSError as error:
        raise ConfigurationError(f"cannot write the signing key {path}: {error}") from None
    finally:
        partial.unlink(missing_ok=True)


def _load(path: Path) -> ec.EllipticCurvePrivateKey:
    try:
        mode = path.stat().st_mode
        if mode & (stat.S_IRWXG | stat.S_IRWXO):
            raise ConfigurationError(
                f"the signing key {path} may be read by others (mode {stat.S_IMODE(mode):04o}); "
                "run `chmod 600` on it, or delete it to make a new key (signed-in users must sign in again)")
        data = path.read_bytes()
    except OSError as error:
        raise ConfigurationError(f"cannot read the signing key {path}: {error}") from None
    try:
        key = serialization.load_pem_private_key(data, password=None)
    except (ValueError, TypeError) as error:
        raise ConfigurationError(f"the signing key {path} is not a PEM private key without a passphrase: {error}") \
            from None
    if not isinstance(key, ec.EllipticCurvePrivateKey) or not isinstance(key.curve, ec.SECP256R1):
        raise ConfigurationError(f"the signing key {path} is not an ES256 (P-256) key")
    return key
