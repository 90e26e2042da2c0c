"""Running the bot: schema check, leadership, polling or webhook, sender, timers and scheduler."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Awaitable
from contextlib import asynccontextmanager
from dataclasses import dataclass

from telegram import Bot, Update
from telegram.error import InvalidToken, NetworkError, RetryAfter
from telegram.ext import Application

from bot import housekeeping
from bot.app import build_application
from bot.delivery.pacing import Limits, retry_after_seconds
from bot.delivery.sender import Sender
from bot.handlers.timer import Ticker
from bot.leadership import leadership_for
from bot.news import refusals
from bot.polling import DurablePoller
from bot.runtime import Runtime
from bot.scheduling import DISPATCHER_KEY, Dispatcher
from bot.schema import ensure_up_to_date

log = logging.getLogger(__name__)

# Waits between attempts to reach Telegram at start: 1 s, 2 s, 4 s… then once a minute.
FIRST_RETRY, LONGEST_RETRY = 1.0, 60.0


class TelegramRefused(Exception):
    """Telegram refused the bot token: no retry can help, so the bot stops and says so."""

    def __init__(self) -> None:
        super().__init__(
            "Telegram refused the bot token; check CARECIRCLE_BOT_TOKEN "
            "(and --base-url, if you set one)."
        )


async def reach_telegram(
    bot: Bot, *, first: float = FIRST_RETRY, longest: float = LONGEST_RETRY
) -> None:
    """Ask Telegram who the bot is (getMe) until it answers, waiting longer after each failure.

    Each failed attempt is one warning line; a refused token raises ``TelegramRefused``
    at once (PTB's own error would print the token).
    """
    delay, attempt = first, 1
    while True:
        try:
            await bot.initialize()
            return
        except InvalidToken:
            raise TelegramRefused() from None
        except RetryAfter as error:
            wait = max(delay, retry_after_seconds(error))
            reason = "Telegram asks to wait"
        except NetworkError as error:  # timeouts, connection errors and 5xx
            wait, reason = delay, str(error)
        log.warning(
            "cannot reach Telegram (%s); trying again in %g s (attempt %d)", reason, wait, attempt
        )
        await asyncio.sleep(wait)
        delay, attempt = min(delay * 2, longest), attempt + 1


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
    app: Application | None = None,
) -> AsyncIterator[Application]:
    """Run the bot and its outbox sender for the duration of the ``async with`` block."""
    await ensure_up_to_date(runtime.db.engine)
    app = app or build_application(runtime, base_url, limits)
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
        housekeeping.start(app)
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
        app = build_application(runtime, base_url)
        reached = asyncio.ensure_future(reach_telegram(app.bot))
        await asyncio.wait({reached, stop}, return_when=asyncio.FIRST_COMPLETED)
        if not reached.done():
            reached.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await reached
            await app.bot.shutdown()
            return
        reached.result()
        async with running_bot(runtime, base_url, webhook=webhook, app=app):
            log.info("CareCircle is running")
            lost = asyncio.ensure_future(leadership.lost())
            await asyncio.wait({lost, stop}, return_when=asyncio.FIRST_COMPLETED)
            lost.cancel()
    finally:
        stop.cancel()
        await leadership.release()
