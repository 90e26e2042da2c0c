"""Running the bot: schema check, leadership, polling or webhook, sender, timers and scheduler."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Awaitable
from contextlib import asynccontextmanager
from dataclasses import dataclass

from telegram import Bot
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
from bot.webhook import WebhookIntake

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
async def leading(
    runtime: Runtime, app: Application, limits: Limits = Limits()
) -> AsyncIterator[None]:
    """The leader's work for the block: the outbox sender, timers, scheduler, housekeeping."""
    sender = Sender(runtime.db, app.bot, limits, refused=refusals.private_refused)
    runtime.sender, runtime.wake_sender = sender, sender.wake
    ticker = Ticker(runtime, app.bot)
    dispatcher = Dispatcher(runtime.db, on_enqueued=sender.wake)
    app.bot_data[DISPATCHER_KEY] = dispatcher
    sender.start()
    ticker.start()
    assert app.job_queue is not None
    dispatcher.start(app.job_queue)
    housekeeping.start(app)
    try:
        yield
    finally:
        await ticker.stop()
        await dispatcher.stop()
        await sender.stop()


async def _intake(
    runtime: Runtime, app: Application, webhook: Webhook | None, poll_timeout: int
) -> DurablePoller:
    """Start taking updates: long polling, or a webhook that stores each post first."""
    if webhook is None:
        intake = DurablePoller(app, runtime.db, poll_timeout)
        await intake.start()
    else:
        intake = WebhookIntake(
            app,
            runtime.db,
            secret=webhook.secret,
            listen=webhook.listen,
            port=webhook.port,
            path=webhook.path,
        )
        await intake.start(webhook.url)
    runtime.poller = intake
    return intake


@asynccontextmanager
async def running_bot(
    runtime: Runtime,
    base_url: str | None = None,
    *,
    webhook: Webhook | None = None,
    poll_timeout: int = 10,
    limits: Limits = Limits(),
    app: Application | None = None,
    lead: bool = True,
) -> AsyncIterator[Application]:
    """Run the bot (and, if it ``lead``s, the sender and scheduler) for the ``async with`` block."""
    await ensure_up_to_date(runtime.db.engine)
    app = app or build_application(runtime, base_url, limits)
    async with app:
        await app.start()
        try:
            async with contextlib.AsyncExitStack() as duties:
                if lead:
                    await duties.enter_async_context(leading(runtime, app, limits))
                intake = await _intake(runtime, app, webhook, poll_timeout)
                try:
                    yield app
                finally:
                    await intake.stop()
        finally:
            await app.stop()


async def _first(work: Awaitable[object], stop: asyncio.Future[None]) -> bool:
    """Wait for ``work`` unless ``stop`` comes first (then cancel it and return False)."""
    task: asyncio.Future[object] = asyncio.ensure_future(work)
    await asyncio.wait((task, stop), return_when=asyncio.FIRST_COMPLETED)
    if not task.done():
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
        return False
    task.result()
    return True


async def serve(
    runtime: Runtime,
    until: Awaitable[None],
    base_url: str | None = None,
    webhook: Webhook | None = None,
) -> None:
    """Run until ``until``: the leader does everything, the others stand by.

    With a webhook on PostgreSQL every process takes updates (behind any load
    balancer) and only the leader sends and schedules; otherwise a standby waits
    for the leadership before it starts at all.
    """
    leadership = leadership_for(runtime.db.url)
    shared = webhook is not None and not runtime.db.is_sqlite
    stop = asyncio.ensure_future(until)
    try:
        if not shared and not await _first(leadership.acquire(), stop):
            return
        limits = Limits.of(runtime.settings)
        app = build_application(runtime, base_url, limits)
        if not await _first(reach_telegram(app.bot), stop):
            await app.bot.shutdown()
            return
        async with running_bot(
            runtime, base_url, webhook=webhook, limits=limits, app=app, lead=not shared
        ):
            log.info("CareCircle is running")
            if shared:
                if not await _first(leadership.acquire(), stop):
                    return
                async with leading(runtime, app, limits):
                    log.info("sending and scheduling for every process")
                    await _first(leadership.lost(), stop)
            else:
                await _first(leadership.lost(), stop)
    finally:
        stop.cancel()
        await leadership.release()
