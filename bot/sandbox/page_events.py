"""Live updates for the chat page: a change counter and its server-sent event stream.

Every request that can change what a person sees (a Bot API call other than getUpdates,
or a control API request other than a read) moves the counter on once it is handled;
the stream sends the new count, and the page fetches what it shows again.
"""

from __future__ import annotations

import asyncio
import contextlib

from aiohttp import web

KEEP_ALIVE_SECONDS = 15.0
EVENTS_PATH = "/sandbox/page/events"


class Changes:
    """A counter of changes that stream handlers wait on."""

    def __init__(self) -> None:
        self.version = 0
        self.closed = False
        self._changed = asyncio.Event()

    def bump(self) -> None:
        self.version += 1
        self._changed.set()
        self._changed = asyncio.Event()

    def close(self) -> None:
        self.closed = True
        self._changed.set()

    async def wait(self, seen: int, timeout: float) -> None:
        """Return once the version differs from `seen`, on close, or after `timeout`."""
        if self.version != seen or self.closed:
            return
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._changed.wait(), timeout)


CHANGES_KEY = web.AppKey("sandbox_page_changes", Changes)


def changes_things(request: web.BaseRequest) -> bool:
    """Whether handling this request may have changed a chat, a person or a group."""
    path = request.path
    if path.startswith("/bot"):
        return not path.lower().endswith("/getupdates")
    return path.startswith("/sandbox/") and request.method not in ("GET", "HEAD")


async def _on_response_prepare(request: web.Request, response: web.StreamResponse) -> None:
    if changes_things(request):
        request.app[CHANGES_KEY].bump()


async def _on_shutdown(app: web.Application) -> None:
    app[CHANGES_KEY].close()


async def stream(request: web.Request) -> web.StreamResponse:
    """`text/event-stream` of the change counter: one event now, one after each change."""
    changes = request.app[CHANGES_KEY]
    response = web.StreamResponse(
        headers={"Content-Type": "text/event-stream", "Cache-Control": "no-store"}
    )
    await response.prepare(request)
    seen = -1
    with contextlib.suppress(ConnectionError):
        while not changes.closed:
            if changes.version != seen:
                seen = changes.version
                await response.write(f"data: {seen}\n\n".encode())
                continue
            await changes.wait(seen, KEEP_ALIVE_SECONDS)
            if changes.version == seen and not changes.closed:
                await response.write(b": keep-alive\n\n")
    return response


def setup(app: web.Application) -> None:
    app[CHANGES_KEY] = Changes()
    app.on_response_prepare.append(_on_response_prepare)
    app.on_shutdown.append(_on_shutdown)
    app.router.add_get(EVENTS_PATH, stream)
