"""``carecircle sandbox``: the Telegram emulator and the real bot in one process, fully offline.

Running in the emulator's process, the bot is known to its ``settle``: it also waits until
the bot has handled every update it took (nothing left in its inbox, no handler running)
and no outbox row waits to be sent (due now, or to be retried after a 429 or a network
error), so a script that settles and then reads does not race the bot's own paced sender.
"""

from __future__ import annotations

import logging
import tempfile
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

from pydantic import SecretStr
from sqlalchemy import func, select
from sqlalchemy.exc import SQLAlchemyError
from telegram.ext import Application

from bot import schema as migrate
from bot.delivery.sender import Limits
from bot.housekeeping import highest_update_id
from bot.runner import running_bot
from bot.runtime import Runtime
from bot.sandbox.server import Emulator
from bot.settings import Settings
from models import InboxUpdate, Outbox, OutboxStatus
from models.session import Database

log = logging.getLogger(__name__)

# The emulator accepts only this token; it is not a secret and works nowhere else.
SANDBOX_TOKEN = "1000001:SANDBOX-offline-token-0000000000000"


def bot_settled(runtime: Runtime, emulator: Emulator) -> Callable[[], Awaitable[bool]]:
    """A check for the emulator's settle: has the bot in this process nothing left to do?"""

    async def settled() -> bool:
        poller = runtime.poller
        taken = emulator.core.queue.taken_upto
        if poller is not None and (poller.busy or poller.handled_upto < taken):
            return False
        try:
            async with runtime.db.open_session() as session:
                left = await session.scalar(select(func.count()).select_from(InboxUpdate))
                waiting = await session.scalar(
                    select(func.count())
                    .select_from(Outbox)
                    .where(Outbox.status == OutboxStatus.PENDING)
                )
        except (SQLAlchemyError, OSError):
            log.warning("settle could not read the bot's database; not waiting for it")
            return True
        return not left and not waiting

    return settled


@dataclass
class SandboxBot:
    """The emulator and the real bot running against it, in this process."""

    emulator: Emulator
    runtime: Runtime
    app: Application


@asynccontextmanager
async def running_sandbox_bot(
    settings: Settings,
    port: int = 0,
    database_url: str | None = None,
    limits: Limits = Limits(),
) -> AsyncIterator[SandboxBot]:
    """The emulator on ``port`` (0: a free one) and the bot against it, until the block ends.

    Without ``database_url`` each run starts on a fresh SQLite file, because the
    emulator's users and chats live in memory and start anew too. On a database kept
    from an earlier run, the emulator numbers its updates above every id the bot saw,
    which the bot would otherwise skip as already handled. ``limits`` are the sender's.
    """
    folder = Path(tempfile.mkdtemp(prefix="carecircle-sandbox-"))
    url = database_url or f"sqlite+aiosqlite:///{folder / 'sandbox.db'}"
    await migrate.upgrade(url)
    db = Database(url)
    emulator: Emulator | None = None
    try:
        emulator = Emulator(token=SANDBOX_TOKEN, first_update_id=await highest_update_id(db) + 1)
        await emulator.start(port=port)
        sandbox_settings = settings.model_copy(
            update={
                "bot_token": SecretStr(SANDBOX_TOKEN),
                "telegram_base_url": emulator.bot_api_url,
                "database_url": url,
            }
        )
        runtime = Runtime(sandbox_settings, db)
        async with running_bot(runtime, poll_timeout=1, limits=limits) as app:
            emulator.core.activity.bot_settled = bot_settled(runtime, emulator)
            try:
                yield SandboxBot(emulator, runtime, app)
            finally:
                emulator.core.activity.bot_settled = None
    finally:
        await db.dispose()
        if emulator is not None:
            await emulator.stop()


@asynccontextmanager
async def running_sandbox(
    settings: Settings, port: int = 0, database_url: str | None = None
) -> AsyncIterator[Emulator]:
    """The emulator and the bot against it (see ``running_sandbox_bot``), until the block ends."""
    async with running_sandbox_bot(settings, port, database_url) as sandbox:
        yield sandbox.emulator


async def run_sandbox(
    settings: Settings,
    port: int,
    database_url: str | None,
    until: Callable[[], Awaitable[None]],
) -> None:
    """Start the emulator on ``port`` and the bot against it; serve until ``until`` returns."""
    async with running_sandbox(settings, port, database_url) as emulator:
        print(f"sandbox ready at {emulator.url}", flush=True)
        await until()
