"""Running the bot: check the schema, start the Application and its polling, stop cleanly."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from telegram import Update
from telegram.ext import Application

from bot.app import build_application
from bot.runtime import Runtime
from models.migrate import ensure_up_to_date


@asynccontextmanager
async def running_bot(
    runtime: Runtime, base_url: str | None = None, poll_timeout: int = 10
) -> AsyncIterator[Application]:
    """Run the bot with long polling for the duration of the ``async with`` block."""
    await ensure_up_to_date(runtime.db.engine)
    app = build_application(runtime, base_url)
    async with app:
        await app.start()
        assert app.updater is not None
        await app.updater.start_polling(timeout=poll_timeout, allowed_updates=Update.ALL_TYPES)
        try:
            yield app
        finally:
            await app.updater.stop()
            await app.stop()
