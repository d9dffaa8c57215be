"""Running the identity provider in a test, and signing in to it the way clients do."""

from __future__ import annotations

import asyncio
import contextlib
import io
import re
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import uvicorn
from fastapi import FastAPI

from oms_identity.application.service import IdentityApplication
from oms_identity.bootstrap import definition
from oms_identity.entrypoints.runtime import IdentityProvider, provider
from oms_platform.broker import free_port
from oms_platform.service import create_service_app
from tests.support.services import test_settings

ADMIN = "admin"
ADMIN_PASSWORD = "correct horse battery staple"  # what the tests change the one-time one to
PASSWORD = "a long enough password"
NO_BROKER = "127.0.0.1:9"  # for apps whose Kafka work never starts (no lifespan)


@dataclass
class Identity:
    http: FastAPI
    client: httpx.AsyncClient
    output: str  # what the first start printed
    _admin_token: str | None = field(default=None, repr=False)

    @property
    def app(self) -> IdentityApplication:
        app = self.http.state.runtime.app
        assert isinstance(app, IdentityApplication)
        return app

    @property
    def provider(self) -> IdentityProvider:
        return provider(_Request(self.http))

    @property
    def one_time_password(self) -> str:
        found = re.search(r"one-time password (\S+)", self.output)
        assert found, f"no one-time password was printed: {self.output!r}"
        return found.group(1)

    async def password_grant(self, username: str, password: str) -> httpx.Response:
        return await self.client.post("/oauth/token", data={"grant_type": "password", "username": username,
                                                            "password": password})

    async def refresh(self, refresh_token: str) -> httpx.Response:
        return await self.client.post("/oauth/token", data={"grant_type": "refresh_token",
                                                            "refresh_token": refresh_token})

    async def sign_in(self, username: str, password: str) -> dict[str, Any]:
        response = await self.password_grant(username, password)
        assert response.status_code == 200, response.text
        return response.json()

    async def admin_token(self) -> str:
        """The first administrator, past the first sign-in: the one-time password changed."""
        if self._admin_token is None:
            first = await self.sign_in(ADMIN, self.one_time_password)
            changed = await self.client.post(
                "/me/password", headers=bearer(first["access_token"]),
                json={"current_password": self.one_time_password, "new_password": ADMIN_PASSWORD})
            assert changed.status_code == 204, changed.text
            self._admin_token = (await self.sign_in(ADMIN, ADMIN_PASSWORD))["access_token"]
        return self._admin_token

    async def as_admin(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        headers = {**bearer(await self.admin_token()), **kwargs.pop("headers", {})}
        return await self.client.request(method, path, headers=headers, **kwargs)

    async def register_user(self, username: str, roles: list[str], *, password: str = PASSWORD,
                            scope: dict[str, Any] | None = None, ready: bool = True) -> dict[str, Any]:
        """A user registered by the admin. `ready`: past the first sign-in, the password changed to
        `password + "!"`; the result's "password" is the one that works now."""
        body: dict[str, Any] = {"username": username, "display_name": username.title(), "roles": roles,
                                "password": password}
        if scope is not None:
            body["scope"] = scope
        response = await self.as_admin("POST", "/users", json=body)
        assert response.status_code == 201, response.text
        user = response.json()
        user["password"] = password
        if ready:
            user["password"] = await self.change_password(username, password, password + "!")
        return user

    async def change_password(self, username: str, current: str, new: str) -> str:
        tokens = await self.sign_in(username, current)
        response = await self.client.post("/me/password", headers=bearer(tokens["access_token"]),
                                          json={"current_password": current, "new_password": new})
        assert response.status_code == 204, response.text
        return new

    async def register_client(self, client_id: str, roles: list[str], channels: list[str] | None = None
                              ) -> dict[str, Any]:
        response = await self.as_admin("POST", "/clients", json={
            "client_id": client_id, "display_name": client_id.title(), "roles": roles, "channels": channels})
        assert response.status_code == 201, response.text
        return response.json()


class _Request:
    """Just enough of a request for `provider(request)`."""

    def __init__(self, app: FastAPI) -> None:
        self.app = app


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def settings_for(data_dir: Path, database_url: str | None, bootstrap: str = NO_BROKER, **overrides: Any) -> Any:
    return test_settings(definition(), bootstrap=bootstrap, data_dir=data_dir, database_url=database_url,
                         **overrides)


def start(settings: Any) -> tuple[FastAPI, str]:
    """The app, and what its start printed."""
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        http = create_service_app(definition(), settings)
    return http, printed.getvalue()


@contextlib.asynccontextmanager
async def identity_in_process(data_dir: Path, database_url: str | None, **overrides: Any) -> AsyncIterator[Identity]:
    """Store and HTTP app, no Kafka (its lifespan is not run): what is recorded stays in the store."""
    http, output = start(settings_for(data_dir, database_url, **overrides))
    try:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=http), base_url="http://identity") as client:
            yield Identity(http, client, output)
    finally:
        http.state.runtime.app.close()


@contextlib.asynccontextmanager
async def identity_served(data_dir: Path, database_url: str | None, bootstrap: str,
                          **overrides: Any) -> AsyncIterator[Identity]:
    """The whole provider, as `python -m oms_identity` runs it: uvicorn on a port of its own, the
    relay publishing to `bootstrap`."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    http, output = start(settings_for(data_dir, database_url, bootstrap, port=port, issuer=url, **overrides))
    server = uvicorn.Server(uvicorn.Config(http, host="127.0.0.1", port=port, log_config=None, access_log=False,
                                           lifespan="on"))
    serving = asyncio.create_task(server.serve())
    try:
        async with asyncio.timeout(60):
            while not server.started:
                if serving.done():
                    serving.result()
                    raise AssertionError("the identity provider stopped before it served")
                await asyncio.sleep(0.05)
        async with httpx.AsyncClient(base_url=url, timeout=30) as client:
            yield Identity(http, client, output)
    finally:
        server.should_exit = True
        await serving
