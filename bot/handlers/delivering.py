"""How the kit answers an update after commit: answer the button, edit its message, send replies.

A reply Telegram cannot take right now (429, network trouble) is not lost: it goes
to the outbox, and the sender delivers it when Telegram allows.
"""

from __future__ import annotations

import html
import logging
import re

from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
    ReplyKeyboardMarkup,
    ReplyParameters,
    Update,
)
from telegram.error import BadRequest, NetworkError, RetryAfter

from bot.delivery import outbox
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
) -> None:
    """Answer the button, put ``edit`` in its message, then send ``replies`` to ``chat_id``.

    ``quote``: the replies quote the message they answer (a command typed in a group).
    """
    bot, query, message = update.get_bot(), update.callback_query, update.effective_message
    if query is not None:
        await query.answer(answer, show_alert=alert)
    if edit is not None and query is not None and isinstance(query.message, Message):
        try:
            await query.message.edit_text(edit.text, reply_markup=markup(edit.buttons))
        except BadRequest as error:
            if "not modified" not in str(error):
                raise
        except (RetryAfter, NetworkError) as error:
            log.warning("edit for update %s queued: %s", update.update_id, error)
            async with runtime.db.transaction() as session:
                await outbox.enqueue_edit(
                    session, query.message.chat_id, query.message.message_id, edit
                )
            runtime.wake_sender()
    if chat_id is None:
        return
    # In a busy group, quoting the command shows whom the answer is for.
    quote_id = message.message_id if message and quote else None
    for index, reply in enumerate(replies):
        try:
            await bot.send_message(
                chat_id,
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
            await _queue_replies(runtime, chat_id, replies[index:])
            return


async def _queue_replies(runtime: Runtime, chat_id: int, replies: list[Reply]) -> None:
    async with runtime.db.transaction() as session:
        for reply in replies:
            await outbox.enqueue(session, chat_id, reply)
    runtime.wake_sender()


def as_alert(text: str) -> str:
    """An HTML text as a button's alert must carry it: Telegram reads no markup there."""
    return html.unescape(re.sub(r"<[^>]*>", "", text))


async def refuse(update: Update, text: str) -> None:
    """Tell the user why nothing happened (``text`` is HTML)."""
    if update.callback_query is not None:
        await update.callback_query.answer(as_alert(text), show_alert=True)
    elif update.effective_message is not None:
        await update.effective_message.reply_text(text)
