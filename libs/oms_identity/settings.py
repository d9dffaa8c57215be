from pathlib import Path
from typing import ClassVar

from pydantic import Field

from oms_platform.settings import ServiceSettings


class IdentitySettings(ServiceSettings):
    service_name: ClassVar[str] = "identity"

    port: int = Field(8010, ge=1, le=65535, validation_alias="OMS_IDENTITY_PORT")
    # The `iss` of the tokens and the base of the endpoint URLs in the discovery document; unset:
    # http://<OMS_HTTP_HOST>:<OMS_IDENTITY_PORT>. Set it to the URL clients reach this provider at.
    issuer: str | None = Field(None, validation_alias="OMS_IDENTITY_ISSUER")
    # The `aud` of the tokens: what the services expect in OMS_AUTH_AUDIENCE.
    audience: str = Field("oms", min_length=1, validation_alias="OMS_IDENTITY_AUDIENCE")
    access_token_seconds: int = Field(600, ge=30, le=3600, validation_alias="OMS_IDENTITY_ACCESS_TOKEN_SECONDS")
    # A refresh token lives this long unless used (each use gives a new one, with a new lifetime);
    # a session, however often refreshed, ends after session_max_seconds and needs a new sign-in.
    refresh_token_seconds: int = Field(8 * 3600, ge=60, validation_alias="OMS_IDENTITY_REFRESH_TOKEN_SECONDS")
    session_max_seconds: int = Field(7 * 24 * 3600, ge=60, validation_alias="OMS_IDENTITY_SESSION_MAX_SECONDS")
    # Consecutive wrong passwords that lock a user out, and for how long.
    lockout_threshold: int = Field(5, ge=1, le=100, validation_alias="OMS_IDENTITY_LOCKOUT_THRESHOLD")
    lockout_seconds: int = Field(15 * 60, ge=1, validation_alias="OMS_IDENTITY_LOCKOUT_SECONDS")
    password_min_length: int = Field(12, ge=8, le=128, validation_alias="OMS_IDENTITY_PASSWORD_MIN_LENGTH")

    @property
    def issuer_url(self) -> str:
        return (self.issuer or f"http://{self.host}:{self.port}").rstrip("/")

    @property
    def signing_key_file(self) -> Path:
        """The ES256 private key, made at first start; never in an event (events are published)."""
        return self.data_dir / "identity" / "signing-key.pem"
