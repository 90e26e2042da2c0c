"""/timer and its Stop and Cancel buttons, and the ticker that keeps running timers up to date."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from datetime import datetime, timedelta
from functools import partial

from telegram import Bot
from telegram.error import BadRequest, RetryAfter, TelegramError
from telegram.ext import Application, CommandHandler, MessageHandler, filters

from bot import clock
from bot.delivery import outbox
from bot.delivery.outbox import enqueue
from bot.delivery.pacing import retry_after_seconds
from bot.handlers.child import for_child
from bot.handlers.delivering import markup
from bot.handlers.episode_wizard import label_pattern
from bot.handlers.kit import Press, Turn
from bot.handlers.routes import Arg, press
from bot.news import announce
from bot.replies import Reply
from bot.runtime import Runtime
from bot.services.episodes import timer
from bot.services.episodes import wizard as episode_wizard
from bot.services.teams import audience
from bot.views.episodes import timer as views
from bot.views.episodes import wizard as wizard_views
from models import Membership, TimerStatus

log = logging.getLogger(__name__)


@for_child("timer")
async def start_timer(turn: Turn, membership: Membership) -> Reply | None:
    """Someone started the seizure timer: it takes the place of a pressed message, or is posted."""
    where = turn.pressed_message
    message_id = where[1] if where else None
    live = await timer.start(
        turn.session, membership, turn.person, turn.chat_id, message_id=message_id
    )
    if message_id is None:
        reply = views.live(live, turn.language)
        rows = await enqueue(turn.session, live.chat_id, reply, child_id=live.child_id)
        await timer.posted(turn.session, live, rows[-1].id)
        return None
    return views.live(live, turn.language)


@press("tmr", "stop")
async def stop_timer(turn: Press) -> Reply:
    """Someone stopped the timer: the episode is over, its record opens with the duration."""
    state = await episode_wizard.from_timer(
        turn.session, turn.person, turn.chat_id, turn.callback.id
    )
    return wizard_views.question(state, turn.in_private, turn.language)


@press("tmr", "cancel", arg=Arg.OPTIONAL)
async def cancel_timer(turn: Press) -> Reply:
    """Someone cancelled the timer."""
    await timer.cancel(turn.session, turn.person, turn.chat_id, turn.callback.id)
    return views.cancelled(turn.language)


async def tick(runtime: Runtime, bot: Bot) -> None:
    """Alert the team at each timer's threshold and redraw the messages that are due."""
    async with runtime.db.transaction() as session:
        work = await timer.due(session)
        for due in work:
            if due.alert:
                team = await audience.team(session, due.live.child_id, urgent=True)
                await announce(session, team, partial(views.alert, due.live))
    runtime.wake_sender()
    for due in work:
        if due.edit:
            await _redraw(runtime, bot, due.live)


async def _redraw(runtime: Runtime, bot: Bot, live: timer.Live) -> None:
    """Edit the live message; a missed beat is fine, the next one catches up.

    A 429 pauses the chat for its ``retry_after``: no timer there is redrawn until then
    (each call made anyway would lengthen the pause, and delay the team's alerts there),
    and the last picture of a timer that has ended waits in the outbox instead.
    """
    # Someone may have pressed Stop since: their screen must not be drawn over.
    async with runtime.db.reading() as session:
        if not await timer.still(session, live.id, live.status):
            return
    reply = views.live(live, live.language)
    paused_until = runtime.paused_chats.get(live.chat_id)
    if paused_until is not None and paused_until > clock.now():
        await _leave_last_picture(runtime, live, reply, paused_until)
        return
    try:
        await bot.edit_message_text(
            reply.text, live.chat_id, live.message_id, reply_markup=markup(reply.buttons)
        )
    except RetryAfter as error:
        until = clock.now() + timedelta(seconds=retry_after_seconds(error))
        runtime.paused_chats[live.chat_id] = until
        log.warning("timer message %s not edited: chat paused until %s", live.id, until)
        await _leave_last_picture(runtime, live, reply, until)
    except BadRequest as error:
        if "not modified" not in str(error):
            log.warning("timer message %s could not be edited: %s", live.id, error)
    except TelegramError as error:
        log.warning("timer message %s not edited this time: %s", live.id, error)


async def _leave_last_picture(
    runtime: Runtime, live: timer.Live, reply: Reply, not_before: datetime
) -> None:
    """A timer that has ended is not redrawn again: queue its final edit for after the pause."""
    if live.status == TimerStatus.RUNNING or live.message_id is None:
        return
    async with runtime.db.transaction() as session:
        row = await outbox.enqueue_edit(session, live.chat_id, live.message_id, reply)
        row.next_attempt_at = not_before
    runtime.wake_sender()


class Ticker:
    """Runs ``tick`` every second while the bot runs; after a restart it picks up where it was."""

    def __init__(self, runtime: Runtime, bot: Bot, every: float = 1.0) -> None:
        self.runtime, self.bot, self.every = runtime, bot, every
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="timer-ticker")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    async def _run(self) -> None:
        while True:
            try:
                await tick(self.runtime, self.bot)
            except Exception:
                log.exception("timer tick failed; trying again")
            await asyncio.sleep(self.every)


def register(app: Application) -> None:
    timer_button = filters.Regex(label_pattern("timer.keyboard_timer"))
    app.add_handler(CommandHandler("timer", start_timer))
    app.add_handler(
        MessageHandler(filters.ChatType.PRIVATE & filters.TEXT & timer_button, start_timer)
    )
