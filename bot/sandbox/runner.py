"""``carecircle sandbox``: the Telegram emulator and the real bot in one process, fully offline."""

from __future__ import annotations

import tempfile
from collections.abc import Awaitable, Callable
from pathlib import Path

from pydantic import SecretStr

from bot import schema as migrate
from bot.housekeeping import highest_update_id
from bot.runner import running_bot
from bot.runtime import Runtime
from bot.sandbox.server import Emulator
from bot.settings import Settings
from models.session import Database

# The emulator accepts only this token; it is not a secret and works nowhere else.
SANDBOX_TOKEN = "1000001:SANDBOX-offline-token-0000000000000"


async def run_sandbox(
    settings: Settings,
    port: int,
    database_url: str | None,
    until: Callable[[], Awaitable[None]],
) -> None:
    """Start the emulator on ``port`` and the bot against it; serve until ``until`` returns.

    Without ``database_url`` each run starts on a fresh SQLite file, because the
    emulator's users and chats live in memory and start anew too. On a database kept
    from an earlier run, the emulator numbers its updates above every id the bot saw,
    which the bot would otherwise skip as already handled.
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
        async with running_bot(Runtime(sandbox_settings, db), poll_timeout=1):
            print(f"sandbox ready at {emulator.url}", flush=True)
            await until()
    finally:
        await db.dispose()
        if emulator is not None:
            await emulator.stop()
