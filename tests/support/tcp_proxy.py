"""A TCP proxy a test can cut: the database "goes away" without touching the real server.

``TcpProxy`` listens on a free local port and forwards each connection to the
target (by default the shared PostgreSQL at 127.0.0.1:5432). ``cut()`` resets
every open connection and resets each new one as soon as it arrives, as a
dead network or a stopped server would; ``restore()`` forwards again. It
counts the connections it turned away, so a test can wait until the code
under test has actually run into the outage instead of sleeping.
"""

from __future__ import annotations

import asyncio
import contextlib

from sqlalchemy.engine import make_url


class TcpProxy:
    """Forwards 127.0.0.1:<port> to ``host:port`` until cut."""

    def __init__(self, host: str = "127.0.0.1", port: int = 5432) -> None:
        self.target = (host, port)
        self.port = 0
        self.refused = 0  # connections turned away while cut
        self._cut = False
        self._server: asyncio.Server | None = None
        self._links: set[asyncio.Task[None]] = set()
        self._writers: set[asyncio.StreamWriter] = set()

    @classmethod
    def to(cls, url: str) -> TcpProxy:
        """A proxy to the server of a SQLAlchemy ``url``."""
        parsed = make_url(url)
        return cls(parsed.host or "127.0.0.1", parsed.port or 5432)

    def url_for(self, url: str) -> str:
        """``url`` with its host and port replaced by this proxy's."""
        return make_url(url).set(host="127.0.0.1", port=self.port).render_as_string(False)

    @property
    def is_cut(self) -> bool:
        return self._cut

    async def start(self) -> TcpProxy:
        self._server = await asyncio.start_server(self._accept, "127.0.0.1", 0)
        self.port = self._server.sockets[0].getsockname()[1]
        return self

    async def stop(self) -> None:
        if self._server is not None:
            self._server.close()
        self._drop_all()
        for link in list(self._links):
            link.cancel()
        for link in list(self._links):
            with contextlib.suppress(asyncio.CancelledError):
                await link
        if self._server is not None:
            await self._server.wait_closed()

    def cut(self) -> None:
        """Reset every connection now, and each new one until ``restore``."""
        self._cut = True
        self._drop_all()

    def restore(self) -> None:
        self._cut = False

    async def __aenter__(self) -> TcpProxy:
        return await self.start()

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    def _drop_all(self) -> None:
        for writer in list(self._writers):
            writer.transport.abort()
        self._writers.clear()

    async def _accept(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        if self._cut:
            self.refused += 1
            writer.transport.abort()
            return
        try:
            up_reader, up_writer = await asyncio.open_connection(*self.target)
        except OSError:
            writer.transport.abort()
            return
        if self._cut:  # cut while connecting
            self.refused += 1
            writer.transport.abort()
            up_writer.transport.abort()
            return
        self._writers.update((writer, up_writer))
        link = asyncio.current_task()
        assert link is not None
        self._links.add(link)
        try:
            await asyncio.gather(_pipe(reader, up_writer), _pipe(up_reader, writer))
        finally:
            self._links.discard(link)
            for end in (writer, up_writer):
                self._writers.discard(end)
                end.transport.abort()


async def _pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    """Copy bytes one way until either side closes; then close the other."""
    with contextlib.suppress(OSError, asyncio.IncompleteReadError):
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
    writer.transport.abort()
