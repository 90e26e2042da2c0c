"""How the kit answers an update after commit: answer the button, edit its message, send replies.

A reply Telegram cannot take right now (429, network trouble) is not lost: it goes
to the outbox, and the sender delivers it when Telegram allows.
"""

from __future__ import annotations

import html
import logging
import re
from datetime import datetime, timedelta

from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InputFile,
    Message,
    ReplyKeyboardMarkup,
    ReplyParameters,
    Update,
)
from telegram.error import BadRequest, NetworkError, RetryAfter, TelegramError

from bot import clock
from bot.delivery import outbox
from bot.delivery.pacing import retry_after_seconds
from bot.replies import Button, Reply
from bot.runtime import Runtime

log = logging.getLogger(__name__)


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


async def deliver(
    update: Update,
    runtime: Runtime,
    *,
    answer: str | None,
    alert: bool,
    edit: Reply | None,
    replies: list[Reply],
    chat_id: int | None,
    quote: bool,
    late: bool = False,
) -> None:
    """Answer the button, put ``edit`` in its message, then send ``replies`` to ``chat_id``.

    ``quote``: the replies quote the message they answer (a command typed in a group).
    In a forum group the replies go to the topic of the typed or pressed message.
    ``late``: the update is handled after an attempt the database failed; its button was
    answered then (Telegram refuses a second answer, which changes nothing here), and the
    replies quote the message they answer wherever it was typed.
    """
    bot, query, message = update.get_bot(), update.callback_query, update.effective_message
    topic = topic_of(message)
    if query is not None and not await _answer(update, answer, alert) and alert and answer:
        await _say_instead(update, answer)
    if edit is not None and query is not None and isinstance(query.message, Message):
        try:
            await query.message.edit_text(edit.text, reply_markup=markup(edit.buttons))
        except BadRequest as error:
            if "not modified" not in str(error):
                raise
        except (RetryAfter, NetworkError) as error:
            log.warning("edit for update %s queued: %s", update.update_id, error)
            async with runtime.db.transaction() as session:
                row = await outbox.enqueue_edit(
                    session, query.message.chat_id, query.message.message_id, edit
                )
                row.next_attempt_at = _not_before(error)
            runtime.wake_sender()
    if chat_id is None:
        return
    # In a busy group, quoting the command shows whom the answer is for; a late answer
    # quotes the message it answers everywhere.
    quoted = query is None and (quote or late)
    quote_id = message.message_id if message and quoted else None
    quoting = ReplyParameters(quote_id, allow_sending_without_reply=True) if quote_id else None
    for index, reply in enumerate(replies):
        try:
            if reply.photo is not None:
                await bot.send_photo(
                    chat_id,
                    InputFile(reply.photo, filename=outbox.PHOTO_NAME),
                    caption=reply.text,
                    reply_markup=reply_markup(reply),
                    message_thread_id=topic,
                    reply_parameters=quoting,
                )
                continue
            await bot.send_message(
                chat_id,
                reply.text,
                reply_markup=reply_markup(reply),
                message_thread_id=topic,
                reply_parameters=quoting,
            )
        except BadRequest:
            raise
        except (RetryAfter, NetworkError) as error:  # NetworkError covers timeouts and 5xx
            log.warning("reply to update %s queued: %s", update.update_id, error)
            await _queue_replies(runtime, chat_id, replies[index:], topic, _not_before(error))
            return


def _not_before(error: TelegramError) -> datetime:
    """When a call Telegram could not take may be made again: after its retry_after."""
    wait = retry_after_seconds(error) if isinstance(error, RetryAfter) else 0.0
    return clock.now() + timedelta(seconds=wait)


def topic_of(message: object) -> int | None:
    """The forum topic ``message`` is in; None for General, other chats and no message."""
    if isinstance(message, Message) and message.is_topic_message:
        return message.message_thread_id
    return None


async def _queue_replies(
    runtime: Runtime, chat_id: int, replies: list[Reply], topic: int | None, not_before: datetime
) -> None:
    async with runtime.db.transaction() as session:
        for reply in replies:
            for row in await outbox.enqueue(session, chat_id, reply):
                row.next_attempt_at = not_before
                if topic is not None:
                    row.payload = {**row.payload, "message_thread_id": topic}
    runtime.wake_sender()


def as_alert(text: str) -> str:
    """An HTML text as a button's alert must carry it: Telegram reads no markup there."""
    return html.unescape(re.sub(r"<[^>]*>", "", text))


async def refuse(update: Update, text: str) -> None:
    """Tell the user why nothing happened (``text`` is HTML)."""
    if update.callback_query is not None:
        if not await _answer(update, as_alert(text), True):
            await _say_instead(update, text)
    elif update.effective_message is not None:
        await update.effective_message.reply_text(text)


async def _answer(update: Update, text: str | None, alert: bool) -> bool:
    """Answer the pressed button; False if Telegram refused or could not take the answer.

    Telegram refuses an answer once the query is some 15 seconds old (a replay after a
    restart, a slow handler). The answer only stops the button's spinner: what the
    press did (the edit, the replies) must go out all the same.
    """
    assert update.callback_query is not None
    try:
        await update.callback_query.answer(text, show_alert=alert)
    except (BadRequest, RetryAfter, NetworkError) as error:
        log.warning("button of update %s not answered: %s", update.update_id, error)
        return False
    return True


async def _say_instead(update: Update, text: str) -> None:
    """An alert that could not be shown goes to the pressed message's chat as a message."""
    query = update.callback_query
    assert query is not None
    pressed = query.message if isinstance(query.message, Message) else None
    chat_id = pressed.chat.id if pressed is not None else query.from_user.id
    try:
        await update.get_bot().send_message(chat_id, text, message_thread_id=topic_of(pressed))
    except TelegramError as error:
        log.warning("alert for update %s not delivered: %s", update.update_id, error)
