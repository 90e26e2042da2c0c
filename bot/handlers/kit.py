"""The single handler decorator: one session per update, the sender resolved, replies after commit.

Every handler is ``async def name(turn: Turn) -> None`` wrapped by ``@handles``.
The decorator opens the session, skips updates already handled, records who
sent it, runs the handler, commits once, and only then sends what the handler
asked for — so nothing is announced that was not saved. A ``DomainError``
rolls back and becomes a friendly reply, its params escaped here and only here
(they are often the user's own words); a database failure tells the user
that nothing was recorded. Callback queries are always answered.
"""

from __future__ import annotations

import functools
import html
import logging
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncSession
from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
    ReplyKeyboardMarkup,
    ReplyParameters,
    Update,
)
from telegram.constants import ChatType
from telegram.error import BadRequest, NetworkError, RetryAfter, TelegramError
from telegram.ext import ContextTypes

from bot import callbacks
from bot.delivery import outbox
from bot.runtime import Runtime, runtime_of
from bot.services import clock, people
from bot.services.errors import DomainError
from bot.texts import t
from bot.views.common import Button, Reply, escape
from models import Person, ProcessedUpdate

log = logging.getLogger(__name__)

HandlerFn = Callable[["Turn"], Awaitable[None]]


@dataclass
class Turn:
    """One update being handled: its session, its sender, and what to send back."""

    update: Update
    session: AsyncSession
    person: Person | None
    callback: callbacks.Callback | None = None
    replies: list[Reply] = field(default_factory=list)
    edit: Reply | None = None
    answer: str | None = None
    alert: bool = False

    @property
    def language(self) -> str | None:
        return self.person.language_code if self.person else None

    @property
    def chat_id(self) -> int:
        assert self.update.effective_chat is not None
        return self.update.effective_chat.id

    @property
    def in_private(self) -> bool:
        chat = self.update.effective_chat
        return chat is not None and chat.type == ChatType.PRIVATE

    @property
    def text(self) -> str:
        message = self.update.effective_message
        return (message.text or message.caption or "") if message else ""

    def reply(self, reply: Reply) -> None:
        self.replies.append(reply)


def reply_markup(reply: Reply) -> InlineKeyboardMarkup | ReplyKeyboardMarkup | None:
    """Telegram's keyboard for a reply: its persistent reply keyboard, else its inline buttons."""
    if reply.keyboard:
        return ReplyKeyboardMarkup(reply.keyboard, resize_keyboard=True, is_persistent=True)
    return markup(reply.buttons)


def markup(buttons: list[list[Button]]) -> InlineKeyboardMarkup | None:
    """Telegram's inline keyboard for a view's buttons."""
    if not buttons:
        return None
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(
                    b.text, callback_data=b.callback.pack() if b.callback else None, url=b.url
                )
                for b in row
            ]
            for row in buttons
        ]
    )


async def _first_time(session: AsyncSession, update_id: int) -> bool:
    if await session.get(ProcessedUpdate, update_id) is not None:
        return False
    session.add(ProcessedUpdate(update_id=update_id, processed_at=clock.now()))
    return True


async def _sender(session: AsyncSession, update: Update) -> Person | None:
    user = update.effective_user
    if user is None or user.is_bot:
        return None
    chat = update.effective_chat
    return await people.meet(
        session,
        user.id,
        user.first_name,
        last_name=user.last_name,
        username=user.username,
        language_code=user.language_code,
        # Blocking the bot arrives as a private my_chat_member update: not a sign of life.
        in_private=chat is not None
        and chat.type == ChatType.PRIVATE
        and update.my_chat_member is None,
    )


async def _deliver(turn: Turn, update: Update, runtime: Runtime) -> None:
    """Answer the button, edit its message, then send the replies.

    A reply Telegram cannot take right now (429, network trouble) is not lost:
    it goes to the outbox, and the sender delivers it when Telegram allows.
    """
    bot, query, message = update.get_bot(), update.callback_query, update.effective_message
    if query is not None:
        await query.answer(turn.answer, show_alert=turn.alert)
    if turn.edit is not None and query is not None and isinstance(query.message, Message):
        try:
            await query.message.edit_text(turn.edit.text, reply_markup=markup(turn.edit.buttons))
        except BadRequest as error:
            if "not modified" not in str(error):
                raise
        except (RetryAfter, NetworkError) as error:
            log.warning("edit for update %s queued: %s", update.update_id, error)
            async with runtime.db.session() as session:
                await outbox.enqueue_edit(
                    session, query.message.chat_id, query.message.message_id, turn.edit
                )
            runtime.wake_sender()
    # In a busy group, quoting the command shows whom the answer is for.
    quote_id = message.message_id if message and query is None and not turn.in_private else None
    for index, reply in enumerate(turn.replies):
        try:
            await bot.send_message(
                turn.chat_id,
                reply.text,
                reply_markup=reply_markup(reply),
                reply_parameters=(
                    ReplyParameters(quote_id, allow_sending_without_reply=True)
                    if quote_id
                    else None
                ),
            )
        except BadRequest:
            raise
        except (RetryAfter, NetworkError) as error:  # NetworkError covers timeouts and 5xx
            log.warning("reply to update %s queued: %s", update.update_id, error)
            await _queue_replies(runtime, turn.chat_id, turn.replies[index:])
            return


async def _queue_replies(runtime: Runtime, chat_id: int, replies: list[Reply]) -> None:
    async with runtime.db.session() as session:
        for reply in replies:
            await outbox.enqueue(session, chat_id, reply)
    runtime.wake_sender()


def refusal(error: DomainError, language: str | None = None) -> str:
    """The HTML that explains ``error``: its params may hold anyone's words, so all are escaped.

    This is the one place they are escaped; services pass them as they are.
    """
    params = {name: escape(str(value)) for name, value in error.params.items()}
    return t(error.key, language, **params)


def as_alert(text: str) -> str:
    """An HTML text as a button's alert must carry it: Telegram reads no markup there."""
    return html.unescape(re.sub(r"<[^>]*>", "", text))


async def _refuse(update: Update, text: str) -> None:
    """Tell the user why nothing happened (``text`` is HTML)."""
    if update.callback_query is not None:
        await update.callback_query.answer(as_alert(text), show_alert=True)
    elif update.effective_message is not None:
        await update.effective_message.reply_text(text)


def handles(fn: HandlerFn) -> Callable[[Update, ContextTypes.DEFAULT_TYPE], Awaitable[None]]:
    """Wrap a ``Turn`` handler as a PTB callback (see the module docstring)."""

    @functools.wraps(fn)
    async def wrapper(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        runtime = runtime_of(context)
        data = update.callback_query.data if update.callback_query else None
        try:
            async with runtime.db.session() as session:
                if not await _first_time(session, update.update_id):
                    return
                person = await _sender(session, update)
                turn = Turn(update, session, person, callbacks.parse(data))
                await fn(turn)
        except DomainError as error:
            language = update.effective_user.language_code if update.effective_user else None
            await _refuse(update, refusal(error, language))
            return
        except (SQLAlchemyError, OSError):
            log.exception("database error while handling update %s", update.update_id)
            await _refuse(update, t("errors.database_unavailable"))
            return
        runtime.wake_sender()
        try:
            await _deliver(turn, update, runtime)
        except TelegramError:
            log.exception("could not deliver the reply to update %s", update.update_id)

    return wrapper


@handles
async def expired_button(turn: Turn) -> None:
    """Someone pressed a button whose data we do not recognise (stale or forged)."""
    turn.answer = t("errors.expired_button", turn.language)
    turn.alert = True
