"""``carecircle run`` as a real child process, for tests that kill and restart the bot."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from asyncio.subprocess import Process

from sqlalchemy import func, select

from bot.sandbox.updates import UpdateQueue
from models import InboxUpdate, Outbox, OutboxStatus
from models.session import Database


class BotProcess:
    """One ``carecircle run`` against the emulator at ``bot_api_url``."""

    def __init__(
        self, bot_api_url: str, database_url: str, token: str, *args: str, **env: str
    ) -> None:
        self.bot_api_url = bot_api_url
        self.args, self.env = args, env  # more ``carecircle run`` arguments and environment
        self.token = token
        self.database_url = database_url
        self.process: Process | None = None
        self.output: list[str] = []
        self._reader: asyncio.Task[None] | None = None

    async def start(self) -> None:
        env = {
            **os.environ,
            "CARECIRCLE_BOT_TOKEN": self.token,
            "CARECIRCLE_DATABASE_URL": self.database_url,
            "CARECIRCLE_LOG_LEVEL": "INFO",
            "PYTHONUNBUFFERED": "1",
            **self.env,
        }
        self.process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot",
            "run",
            "--base-url",
            self.bot_api_url,
            *self.args,
            env=env,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.STDOUT,
        )
        self._reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        assert self.process is not None and self.process.stdout is not None
        async for line in self.process.stdout:
            self.output.append(line.decode(errors="replace").rstrip())

    async def wait_for(self, text: str, timeout: float = 20.0) -> None:
        """Wait until the process has printed a line containing ``text``."""
        async with asyncio.timeout(timeout):
            while not any(text in line for line in self.output):
                if self.process is not None and self.process.returncode is not None:
                    raise AssertionError(f"process exited; output: {self.output}")
                await asyncio.sleep(0.05)

    async def wait(self, timeout: float = 20.0) -> int:
        assert self.process is not None
        async with asyncio.timeout(timeout):
            code = await self.process.wait()
        if self._reader is not None:
            await self._reader
        return code

    def kill(self) -> None:
        """SIGKILL: no shutdown code runs, as when a machine dies."""
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)

    async def stop(self) -> None:
        if self.process is not None and self.process.returncode is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                await self.wait(timeout=10)
            except TimeoutError:
                self.process.kill()
                await self.process.wait()
        if self._reader is not None and not self._reader.done():
            self._reader.cancel()


async def inbox_emptied(db: Database, queue: UpdateQueue, timeout: float = 180.0) -> None:
    """Wait until a bot in another process has stored and handled every update Telegram had.

    Telegram (the emulator's queue) holds no unconfirmed update, and the bot's inbox is
    empty: each one was stored before it was confirmed, and removed once handled.
    """
    async with asyncio.timeout(timeout):
        while True:
            if not queue.pending:
                async with db.reading() as session:
                    if not await session.scalar(select(func.count()).select_from(InboxUpdate)):
                        return
            await asyncio.sleep(0.25)


async def outbox_drained(db: Database, timeout: float = 120.0) -> None:
    """Wait until a bot in another process has no pending outbox row left."""
    async with asyncio.timeout(timeout):
        while True:
            async with db.reading() as session:
                pending = select(func.count()).where(Outbox.status == OutboxStatus.PENDING)
                if not await session.scalar(pending):
                    return
            await asyncio.sleep(0.25)
