"""Operator commands to the services that own orders and shipments, over their HTTP APIs.

The projection decides nothing about a command: it sends it on and hands back the owning
service's answer unchanged (a success, or its 409/422 problem), so the dashboard shows exactly
what the service said.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import httpx


class ServiceUnreachable(Exception):
    def __init__(self, service: str, url: str, reason: str):
        super().__init__(f"the {service} service at {url} did not answer: {reason}")
        self.service = service
        self.url = url


@dataclass(frozen=True)
class ServiceAnswer:
    status: int
    body: bytes
    content_type: str


class ServiceCommands:
    def __init__(self, base_urls: Mapping[str, str], *, timeout_seconds: float,
                 transport: httpx.AsyncBaseTransport | None = None):
        self._base_urls = {name: url.rstrip("/") for name, url in base_urls.items()}
        # trust_env=False: the services are addressed directly, whatever proxy the machine has.
        self._client = httpx.AsyncClient(timeout=timeout_seconds, trust_env=False, transport=transport)

    async def send(self, service: str, path: str, body: bytes, headers: Mapping[str, str]) -> ServiceAnswer:
        url = f"{self._base_urls[service]}{path}"
        try:
            response = await self._client.post(
                url, content=body, headers={**headers, "Content-Type": "application/json", "Accept": "application/json"}
            )
        except httpx.HTTPError as error:
            raise ServiceUnreachable(service, url, str(error) or type(error).__name__) from None
        return ServiceAnswer(
            status=response.status_code,
            body=response.content,
            content_type=response.headers.get("content-type", "application/json"),
        )

    async def close(self) -> None:
        await self._client.aclose()
