"""Running the bot: schema check, leadership, polling or webhook, sender, timers and scheduler."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Awaitable
from contextlib import asynccontextmanager
from dataclasses import dataclass

from telegram import Update
from telegram.ext import Application

from bot.app import build_application
from bot.delivery.sender import Limits, Sender
from bot.handlers.timer import Ticker
from bot.leadership import leadership_for
from bot.news import refusals
from bot.polling import DurablePoller
from bot.runtime import Runtime
from bot.scheduling import DISPATCHER_KEY, Dispatcher
from bot.schema import ensure_up_to_date

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Webhook:
    """Where Telegram should post updates, and where this process listens for them."""

    url: str
    secret: str
    listen: str = "127.0.0.1"
    port: int = 8443
    path: str = "telegram"


@asynccontextmanager
async def running_bot(
    runtime: Runtime,
    base_url: str | None = None,
    *,
    webhook: Webhook | None = None,
    poll_timeout: int = 10,
    limits: Limits = Limits(),
) -> AsyncIterator[Application]:
    """Run the bot and its outbox sender for the duration of the ``async with`` block."""
    await ensure_up_to_date(runtime.db.engine)
    app = build_application(runtime, base_url)
    async with app:
        sender = Sender(runtime.db, app.bot, limits, refused=refusals.private_refused)
        runtime.sender, runtime.wake_sender = sender, sender.wake
        ticker = Ticker(runtime, app.bot)
        dispatcher = Dispatcher(runtime.db, on_enqueued=sender.wake)
        app.bot_data[DISPATCHER_KEY] = dispatcher
        await app.start()
        sender.start()
        ticker.start()
        assert app.job_queue is not None
        dispatcher.start(app.job_queue)
        assert app.updater is not None
        poller = DurablePoller(app, runtime.db, poll_timeout) if webhook is None else None
        runtime.poller = poller
        if poller is not None:
            await poller.start()
        else:
            await app.updater.start_webhook(
                listen=webhook.listen,
                port=webhook.port,
                url_path=webhook.path,
                secret_token=webhook.secret,
                webhook_url=webhook.url,
                allowed_updates=Update.ALL_TYPES,
            )
        try:
            yield app
        finally:
            await (poller.stop() if poller is not None else app.updater.stop())
            await ticker.stop()
            await dispatcher.stop()
            await sender.stop()
            await app.stop()


async def serve(
    runtime: Runtime,
    until: Awaitable[None],
    base_url: str | None = None,
    webhook: Webhook | None = None,
) -> None:
    """Be the leader (waiting as a standby if another process is), then run until ``until``."""
    leadership = leadership_for(runtime.db.url)
    stop = asyncio.ensure_future(until)
    try:
        acquired = asyncio.ensure_future(leadership.acquire())
        await asyncio.wait({acquired, stop}, return_when=asyncio.FIRST_COMPLETED)
        if stop.done():
            acquired.cancel()
            return
        acquired.result()
        async with running_bot(runtime, base_url, webhook=webhook):
            log.info("CareCircle is running")
            lost = asyncio.ensure_future(leadership.lost())
            await asyncio.wait({lost, stop}, return_when=asyncio.FIRST_COMPLETED)
            lost.cancel()
    finally:
        stop.cancel()
        await leadership.release()
