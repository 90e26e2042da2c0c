"""Which process is in charge: one leader polls, schedules and sends; the others stand by.

In webhook mode on PostgreSQL the others take updates too (``bot.runner.serve``).

On PostgreSQL the leader holds a session-level advisory lock on a connection of
its own; when the process dies the server drops the connection and the lock,
and a standby polling every few seconds takes over. SQLite allows only one
process, enforced with an exclusive lock on a file beside the database.
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import logging
from pathlib import Path
from typing import IO, Protocol

import asyncpg
from sqlalchemy.engine import make_url

log = logging.getLogger(__name__)

ADVISORY_LOCK_KEY = 0x43617265  # "Care"
POLL_SECONDS = 2.0


class AnotherProcessRunning(RuntimeError):
    """A second process tried to run on a SQLite database."""


class Leadership(Protocol):
    async def acquire(self) -> None: ...
    async def lost(self) -> None: ...
    async def release(self) -> None: ...


class PostgresLeadership:
    """Leadership through ``pg_try_advisory_lock`` on a dedicated connection."""

    def __init__(self, url: str, poll: float = POLL_SECONDS) -> None:
        self.dsn = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
        self.poll = poll
        self._connection: asyncpg.Connection | None = None

    async def acquire(self) -> None:
        """Wait until this process holds the lock."""
        announced = False
        while True:
            with contextlib.suppress(OSError, asyncpg.PostgresError):
                if await self._try_lock():
                    log.info("this process is the leader")
                    return
            if not announced:
                log.info("another process is the leader; standing by")
                announced = True
            await asyncio.sleep(self.poll)

    async def _try_lock(self) -> bool:
        if self._connection is None or self._connection.is_closed():
            self._connection = await asyncpg.connect(self.dsn, timeout=5)
        locked = await self._connection.fetchval(
            "SELECT pg_try_advisory_lock($1)", ADVISORY_LOCK_KEY
        )
        return bool(locked)

    async def lost(self) -> None:
        """Return when the lock's connection is gone (and with it the lock)."""
        assert self._connection is not None
        while True:
            await asyncio.sleep(self.poll)
            try:
                await asyncio.wait_for(self._connection.fetchval("SELECT 1"), self.poll)
            except (OSError, asyncpg.PostgresError, asyncpg.InterfaceError, TimeoutError):
                log.error("lost the database connection that holds leadership")
                return

    async def release(self) -> None:
        if self._connection is not None and not self._connection.is_closed():
            with contextlib.suppress(OSError, asyncpg.PostgresError, asyncpg.InterfaceError):
                await self._connection.close(timeout=2)
        self._connection = None


class SqliteLeadership:
    """Only one process per SQLite file: an exclusive, non-blocking file lock."""

    def __init__(self, database_path: str) -> None:
        self.path = Path(f"{database_path}.lock")
        self._file: IO[str] | None = None

    async def acquire(self) -> None:
        handle = self.path.open("a")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.close()
            raise AnotherProcessRunning(
                f"Another CareCircle process is already using {self.path.with_suffix('')}. "
                "Stop it first; to run several processes, use PostgreSQL."
            ) from None
        self._file = handle

    async def lost(self) -> None:
        await asyncio.Event().wait()

    async def release(self) -> None:
        if self._file is not None:
            fcntl.flock(self._file, fcntl.LOCK_UN)
            self._file.close()
            self._file = None


def leadership_for(url: str) -> Leadership:
    """The leadership mechanism that fits the database at ``url``."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return SqliteLeadership(str(Path(parsed.database or "carecircle.db").resolve()))
    return PostgresLeadership(url)
