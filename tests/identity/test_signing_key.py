"""The signing key: made at first start in a file only its owner may read, named by its RFC 7638
thumbprint, kept across restarts, and never written to the store (whose events are published)."""

from __future__ import annotations

import base64
import hashlib
import os
import stat

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa

from oms_identity.adapters.signing_key import load_or_create_signing_key
from oms_platform.settings import ConfigurationError
from tests.identity.support import Identity, identity_in_process, settings_for, start


def private_scalar(identity: Identity) -> bytes:
    return identity.provider.signing_key.private_key.private_numbers().private_value.to_bytes(32, "big")


async def test_the_key_file_is_made_at_first_start_readable_by_its_owner_only(identity: Identity, store_backend):
    key_file = store_backend.data_dir / "identity" / "signing-key.pem"

    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert stat.S_IMODE(key_file.parent.stat().st_mode) == 0o700
    assert key_file.read_bytes().startswith(b"-----BEGIN PRIVATE KEY-----")
    assert [p.name for p in key_file.parent.iterdir()] == ["signing-key.pem"]  # no partial file left


async def test_the_key_id_is_the_rfc_7638_thumbprint_and_the_jwks_holds_the_public_half_only(identity: Identity):
    keys = (await identity.client.get("/.well-known/jwks.json")).json()["keys"]

    assert len(keys) == 1
    key = keys[0]
    assert (key["kty"], key["crv"], key["alg"], key["use"]) == ("EC", "P-256", "ES256", "sig")
    assert "d" not in key
    # RFC 7638 section 3: the required members in lexicographic order, no whitespace.
    canonical = f'{{"crv":"{key["crv"]}","kty":"{key["kty"]}","x":"{key["x"]}","y":"{key["y"]}"}}'
    expected = base64.urlsafe_b64encode(hashlib.sha256(canonical.encode()).digest()).rstrip(b"=").decode()
    assert key["kid"] == expected == identity.provider.signing_key.kid


async def test_a_restart_keeps_the_key(store_backend, identity_database_url):
    async with identity_in_process(store_backend.data_dir, identity_database_url) as identity:
        kid = identity.provider.signing_key.kid
        token = (await identity.sign_in("admin", identity.one_time_password))["access_token"]

    async with identity_in_process(store_backend.data_dir, identity_database_url) as again:
        assert again.provider.signing_key.kid == kid
        # A token of before the restart is still good.
        response = await again.client.post("/me/password", headers={"Authorization": f"Bearer {token}"},
                                           json={"current_password": "wrong", "new_password": "x" * 20})
        assert response.status_code == 422


async def test_a_key_file_others_may_read_stops_the_start(store_backend, identity_database_url):
    async with identity_in_process(store_backend.data_dir, identity_database_url):
        pass
    key_file = store_backend.data_dir / "identity" / "signing-key.pem"
    os.chmod(key_file, 0o644)

    with pytest.raises(ConfigurationError, match="chmod 600"):
        start(settings_for(store_backend.data_dir, identity_database_url))


def test_a_key_file_that_is_not_a_p256_key_is_refused(tmp_path):
    path = tmp_path / "signing-key.pem"
    for key in (rsa.generate_private_key(65537, 2048), ec.generate_private_key(ec.SECP384R1())):
        path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
        path.chmod(0o600)
        with pytest.raises(ConfigurationError, match="P-256"):
            load_or_create_signing_key(path)
    path.write_bytes(b"not a key")
    with pytest.raises(ConfigurationError, match="not a PEM private key"):
        load_or_create_signing_key(path)


async def test_the_private_key_is_never_in_the_store(identity: Identity, store_backend):
    await identity.register_user("olga", ["read_only"])
    await identity.register_client("tmall-adapter", ["channel"])
    pem_body = b"".join((store_backend.data_dir / "identity" / "signing-key.pem").read_bytes().splitlines()[1:-1])
    scalar = private_scalar(identity)
    scalar_b64 = base64.urlsafe_b64encode(scalar).rstrip(b"=")

    stored = b"".join(n.state for n in identity.app.notifications_after(0, 10_000))

    assert stored  # the events are there ...
    for secret in (pem_body, pem_body[:40], scalar, scalar_b64, scalar.hex().encode()):
        assert secret not in stored  # ... but not the key
