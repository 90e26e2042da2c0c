"""The global error handler: log with context, apologise plainly, never leak internals."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import TelegramError
from telegram.ext import ContextTypes

from bot.texts import t

log = logging.getLogger(__name__)


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Log the failure (ids only, no message text) and tell the user something went wrong."""
    update_id = update.update_id if isinstance(update, Update) else None
    log.error("error while handling update %s", update_id, exc_info=context.error)
    if not isinstance(update, Update) or update.effective_chat is None:
        return
    try:
        if update.callback_query is not None:
            await update.callback_query.answer(t("errors.unexpected"), show_alert=True)
        else:
            await context.bot.send_message(update.effective_chat.id, t("errors.unexpected"))
    except TelegramError:
        log.warning("could not apologise for update %s", update_id)
