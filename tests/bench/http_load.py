"""A lean HTTP/1.1 load client for the benchmarks: keep-alive connections and prepared requests.

httpx costs about 8 ms of CPU per request under 64 concurrent requests, more than the service it
measures, so on two cores a benchmark driven by it measures the client. This one writes prepared
request bytes and reads only the status line, the headers and a Content-Length body: what a
load generator needs, at a small fraction of the cost. h11 (uvicorn's and httpx's own parser)
reads the responses, so the protocol handling is a maintained library's.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from dataclasses import dataclass
from urllib.parse import urlsplit

import h11


@dataclass(frozen=True)
class Answer:
    status: int
    body: bytes

    def json(self):
        return json.loads(self.body)


class KeepAliveConnection:
    """One client's connection; reconnects when the server closed it between requests."""

    def __init__(self, base_url: str) -> None:
        parts = urlsplit(base_url)
        self._host, self._port = parts.hostname or "127.0.0.1", parts.port or 80
        self._reader: asyncio.StreamReader | None = None
        self._writer: asyncio.StreamWriter | None = None
        self._parser = h11.Connection(h11.CLIENT)

    async def post_json(self, path: str, body: bytes) -> Answer:
        if self._writer is None or self._parser.our_state is not h11.IDLE:
            await self._connect()
        assert self._reader is not None and self._writer is not None
        request = h11.Request(method="POST", target=path, headers=[
            ("Host", f"{self._host}:{self._port}"), ("Content-Type", "application/json"),
            ("Content-Length", str(len(body)))])
        self._writer.write(self._parser.send(request) + self._parser.send(h11.Data(data=body))
                           + self._parser.send(h11.EndOfMessage()))
        answer = await self._read_answer()
        if self._parser.our_state is h11.DONE and self._parser.their_state is h11.DONE:
            self._parser.start_next_cycle()
        return answer

    async def _read_answer(self) -> Answer:
        assert self._reader is not None
        status, chunks = 0, []
        while True:
            event = self._parser.next_event()
            if event is h11.NEED_DATA:
                data = await self._reader.read(65536)
                if not data:
                    raise ConnectionError("the server closed the connection without an answer")
                self._parser.receive_data(data)
            elif isinstance(event, h11.Response):
                status = event.status_code
            elif isinstance(event, h11.Data):
                chunks.append(event.data)
            elif isinstance(event, h11.EndOfMessage):
                return Answer(status, b"".join(chunks))

    async def _connect(self) -> None:
        await self.close()
        self._reader, self._writer = await asyncio.open_connection(self._host, self._port)
        self._parser = h11.Connection(h11.CLIENT)

    async def close(self) -> None:
        if self._writer is not None:
            self._writer.close()
            with contextlib.suppress(OSError):
                await self._writer.wait_closed()
            self._writer = None
