"""Edited messages: they come first, so no other handler runs a command again from an edit."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import Message
from telegram.constants import MessageEntityType
from telegram.ext import Application, MessageHandler, filters

from bot.delivery.outbox import enqueue
from bot.handlers import episode_news
from bot.handlers.kit import Turn, handles
from bot.replies import Reply
from bot.services.episodes import edits
from bot.views import edits as views
from bot.views.episodes import report as episode_views
from models import Person

REPORT_COMMANDS = frozenset({"e", "episode"})


def report_line(message: Message) -> str | None:
    """What follows ``/e`` (or ``/episode``) in ``message``; None if it is no report line."""
    text = message.text or ""
    command = next(
        (e for e in message.entities if e.type == MessageEntityType.BOT_COMMAND and e.offset == 0),
        None,
    )
    if command is None:
        return None
    name = message.parse_entity(command)[1:].partition("@")[0].lower()
    return text[command.length :].strip() if name in REPORT_COMMANDS else None


@handles
async def edited(turn: Turn) -> Reply | None:
    """Someone edited a message they had sent: a report's correction, or nothing at all."""
    message = turn.update.edited_message
    assert message is not None  # the filter below lets only edited messages through
    outcome = await edits.edited(
        turn.session, turn.person, turn.chat_id, message.message_id, report_line(message)
    )
    if not isinstance(outcome, edits.NotRead):
        await episode_news.tell(turn.session, outcome.news)
        return episode_views.receipt(outcome, turn.language, corrected=True)
    too_late = outcome is edits.NotRead.TOO_LATE
    reply = views.too_late(turn.language) if too_late else views.not_read(turn.language)
    if await tell_privately(turn.session, turn.person, turn.chat_id, reply):
        return None
    return reply


def register(app: Application) -> None:
    app.add_handler(MessageHandler(filters.UpdateType.EDITED_MESSAGE, edited))


async def tell_privately(session: AsyncSession, person: Person, chat_id: int, reply: Reply) -> bool:
    """Queue ``reply`` in ``person``'s private chat if they edited elsewhere and opened one.

    False when the answer belongs in ``chat_id`` itself: it is their private chat, or
    the bot cannot write to them privately.
    """
    if chat_id == person.telegram_user_id or not person.started_bot:
        return False
    await enqueue(session, person.telegram_user_id, reply)
    return True
