"""Make an outbox row's stored Bot API call and return the id of the message it created."""

from __future__ import annotations

import warnings
from typing import Any

from telegram import Bot, InlineKeyboardMarkup, InputFile
from telegram.error import BadRequest
from telegram.warnings import PTBDeprecationWarning, PTBUserWarning

from models import Outbox, OutboxFile
from models.session import Database

# Stored payloads of other methods are Bot API JSON, called by name on purpose.
warnings.filterwarnings("ignore", message="Please use 'Bot.", category=PTBUserWarning)
# retry_after_seconds accepts both the int and the timedelta form.
warnings.filterwarnings("ignore", message=".*retry_after.*", category=PTBDeprecationWarning)


async def call(db: Database, bot: Bot, row: Outbox) -> int | None:
    """Make the stored Bot API call; return the id of the message it created."""
    payload = dict(row.payload)
    if row.method == "sendMessage":
        markup = payload.pop("reply_markup", None)
        message = await bot.send_message(
            row.chat_id,
            reply_markup=InlineKeyboardMarkup.de_json(markup, bot) if markup else None,
            **payload,
        )
        return message.message_id
    if row.method == "sendPhoto":
        return await _send_photo(db, bot, row, payload)
    result = await bot.do_api_request(row.method, api_kwargs={"chat_id": row.chat_id, **payload})
    return result.get("message_id") if isinstance(result, dict) else None


async def _send_photo(db: Database, bot: Bot, row: Outbox, payload: dict[str, Any]) -> int:
    """Upload the row's file (kept beside it until sent) with its caption and buttons."""
    async with db.reading() as session:
        file = await session.get(OutboxFile, row.id)
    if file is None:
        raise BadRequest("the photo of this message is gone")
    markup = payload.pop("reply_markup", None)
    message = await bot.send_photo(
        row.chat_id,
        InputFile(file.content, filename=file.filename),
        reply_markup=InlineKeyboardMarkup.de_json(markup, bot) if markup else None,
        **payload,
    )
    return message.message_id
