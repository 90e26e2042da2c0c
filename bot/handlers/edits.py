"""Edited messages: they come first, so no other handler runs a command again from an edit."""

from __future__ import annotations

from telegram import Message
from telegram.constants import MessageEntityType
from telegram.ext import Application, MessageHandler, filters

from bot.handlers.kit import Turn, handles
from bot.replies import Reply
from bot.services import edits
from bot.views import edits as views
from bot.views.episodes import report as episode_views

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
        return episode_views.receipt(outcome, turn.language, corrected=True)
    tell = outcome is edits.NotRead.TOO_LATE
    reply = views.too_late(turn.language) if tell else views.not_read(turn.language)
    if await edits.tell_privately(turn.session, turn.person, turn.chat_id, reply):
        return None
    return reply


def register(app: Application) -> None:
    app.add_handler(MessageHandler(filters.UpdateType.EDITED_MESSAGE, edited))
