"""Files sent after the commit: made in a thread, refused over Telegram's limit, never stored.

The kit hands each reply that carries a ``Document`` to ``send`` as an application task, so
the update is answered at once and other updates are handled while the file is made. A
file that cannot be made or sent is not retried (its bytes are kept nowhere); its sender is
told to ask again.
"""

from __future__ import annotations

import asyncio
import logging
import threading

from telegram import Bot, InputFile
from telegram.constants import ChatAction
from telegram.error import NetworkError, RetryAfter, TelegramError

from bot.delivery import outbox
from bot.handlers.delivering import markup
from bot.replies import Document, Reply
from bot.runtime import Runtime

log = logging.getLogger(__name__)

LIMIT = 50 * 1024 * 1024  # what the Bot API takes from a bot: 50 MB
# One file is made at a time: the work is CPU-bound, and matplotlib is not thread-safe.
_MAKING = threading.Lock()


def _make(document: Document) -> bytes:
    with _MAKING:
        return document.make()


async def send(bot: Bot, runtime: Runtime, chat_id: int, reply: Reply) -> None:
    """Make ``reply``'s document and send it to ``chat_id`` with ``reply.text`` as its caption."""
    document = reply.document
    assert document is not None
    try:
        await bot.send_chat_action(chat_id, ChatAction.UPLOAD_DOCUMENT)
    except TelegramError as error:
        log.info("no upload notice for chat %s: %s", chat_id, error)
    try:
        content = await asyncio.to_thread(_make, document)
    except Exception:
        log.exception("could not make a document for chat %s", chat_id)
        await _say(bot, runtime, chat_id, document.failed)
        return
    if len(content) > LIMIT:
        log.warning("a document of %d bytes for chat %s is over the limit", len(content), chat_id)
        await _say(bot, runtime, chat_id, document.too_large(len(content)))
        return
    try:
        await bot.send_document(
            chat_id,
            InputFile(content, filename=document.filename),
            caption=reply.text,
            reply_markup=markup(reply.buttons),
        )
    except TelegramError as error:
        log.warning("a document for chat %s was not sent: %s", chat_id, error)
        await _say(bot, runtime, chat_id, document.failed)


async def _say(bot: Bot, runtime: Runtime, chat_id: int, reply: Reply) -> None:
    """Send ``reply`` now, or queue it if Telegram cannot take it now."""
    try:
        await bot.send_message(chat_id, reply.text, reply_markup=markup(reply.buttons))
        return
    except (RetryAfter, NetworkError) as error:
        log.warning("notice for chat %s queued: %s", chat_id, error)
    except TelegramError:
        log.exception("notice for chat %s not sent", chat_id)
        return
    async with runtime.db.transaction() as session:
        await outbox.enqueue(session, chat_id, reply)
    runtime.wake_sender()
