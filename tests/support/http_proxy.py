"""A round-robin HTTP load balancer for tests: each request goes to the next backend in turn.

Like a load balancer without health checks, it forwards a request to one
backend only; if that backend cannot be reached (its process was killed) it
answers 502, and the client (Telegram, here the emulator) posts again, which
sends the retry to the next backend. It counts what each backend answered.
"""

from __future__ import annotations

from collections import Counter
from itertools import cycle

import aiohttp
from aiohttp import web

HOP_BY_HOP = {"host", "content-length", "transfer-encoding", "connection"}


class RoundRobinProxy:
    """Listens on 127.0.0.1:<port> and forwards each request to the next of ``backends``."""

    def __init__(self, backends: list[str]) -> None:
        self.backends = backends  # base URLs such as http://127.0.0.1:8001
        self.answered: Counter[tuple[str, int]] = Counter()  # (backend, status) -> requests
        self.port = 0
        self._next = cycle(backends)
        self._runner: web.AppRunner | None = None
        self._client: aiohttp.ClientSession | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    async def __aenter__(self) -> RoundRobinProxy:
        self._client = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=10))
        server = web.Application()
        server.router.add_route("*", "/{path:.*}", self._forward)
        self._runner = web.AppRunner(server, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
        if self._client is not None:
            await self._client.close()

    async def _forward(self, request: web.Request) -> web.Response:
        assert self._client is not None
        backend = next(self._next)
        headers = {k: v for k, v in request.headers.items() if k.lower() not in HOP_BY_HOP}
        body = await request.read()
        try:
            async with self._client.request(
                request.method, backend + request.path_qs, headers=headers, data=body
            ) as answer:
                body = await answer.read()
                self.answered[backend, answer.status] += 1
                return web.Response(status=answer.status, body=body)
        except (aiohttp.ClientError, TimeoutError):
            self.answered[backend, 502] += 1
            return web.Response(status=502)
