"""Edited messages: an edited one-line report corrects it; any other edit changes nothing.

Telegram lets people edit what they sent. A typo fixed in an ``/e`` line is what the
reporter means, so within 48 hours it corrects the record as the ✏️ Correct button does.
Any other edit (a command, a wizard answer, an older report) is not read: running a
command again from an edit would repeat what it did.
"""

from __future__ import annotations

import enum
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot import clock
from bot.services.episodes import changes
from bot.services.episodes.history import Receipt
from models import Episode, Person

EDIT_WINDOW = timedelta(hours=48)


class NotRead(enum.Enum):
    """Why an edit changed nothing: not a report of the editor's, or one too old to edit."""

    NOT_A_REPORT = "not a report"
    TOO_LATE = "too late"


async def edited(
    session: AsyncSession, person: Person, chat_id: int, message_id: int, line: str | None
) -> Receipt | NotRead:
    """``person`` edited message ``message_id`` in ``chat_id`` to the report ``line`` (None when
    it is no ``/e`` line now): the corrected report, or why nothing changed."""
    episode = await session.scalar(
        select(Episode).where(
            Episode.source_chat_id == chat_id,
            Episode.source_message_id == message_id,
            Episode.reporter_id == person.id,
        )
    )
    if episode is None or not line:
        return NotRead.NOT_A_REPORT
    if clock.now() - episode.created_at > EDIT_WINDOW:
        return NotRead.TOO_LATE
    return await changes.correct_line(session, person, chat_id, episode.id, line, via="edit")
